/// How often an article holds each ideograph, as the index folds it (險 as 险), in its title and in its body: what
/// ``Ranking/characterBoost`` reads of a candidate. Stored with the article's statistics
/// (`newsearch_statistics.characters`), so that the second phase of ranking reads no text.
///
/// An ideograph the body holds once and the title not at all is left out: half of an article's distinct
/// ideographs (its body holds 220 on average), which halves the bytes (to 240 an article of the shared corpus) and
/// the time to read them. A candidate holds every character of each term it matches, so such a character's count is
/// 1 where a term that holds it matches the body, and 0 elsewhere (``QueryCharacters/charactersOfTerm``): exact
/// where all of a query's terms match; a character of an alternative the article does not match, standing once in
/// its body, counts as absent.
///
/// The bytes: the ideographs kept, in increasing order, each as a ``LEB128`` varint of its distance from the one
/// before (from 0) shifted left once, the low bit set when the title holds it; then a varint of its count in the
/// body; then, when the title holds it, a varint of its count in the title.
enum ArticleCharacters {
    /// The bytes of the ideographs among the character tokens of `title` and `body` (``TokenList`` holds them
    /// folded).
    static func encoded(title: TokenList, body: TokenList) -> [UInt8] {
        var tally = Tally(occurrences: title.characterCount + body.characterCount)
        title.forEachIdeograph { tally.add($0, inTitle: true) }
        body.forEachIdeograph { tally.add($0, inTitle: false) }
        var bytes: [UInt8] = []
        var previous: UInt32 = 0
        for (scalar, bodyCount, titleCount) in tally.counts().sorted(by: { $0.scalar < $1.scalar })
        where titleCount > 0 || bodyCount > 1 {
            LEB128.append(UInt64(scalar - previous) << 1 | (titleCount > 0 ? 1 : 0), to: &bytes)
            LEB128.append(UInt64(bodyCount), to: &bytes)
            if titleCount > 0 { LEB128.append(UInt64(titleCount), to: &bytes) }
            previous = scalar
        }
        return bytes
    }

    /// Each distinct character's counts in the title and the body, in an open-addressing table sized for the
    /// text: one probe or two an occurrence, where sorting every occurrence cost indexing 2% of its time.
    private struct Tally {
        private var scalars: [UInt32]
        private var bodyCounts: [UInt32]
        private var titleCounts: [UInt32]
        private let mask: Int

        /// The most slots: at most a third full with every ideograph there is (about 160,000 in the blocks
        /// ``QueryCharacters/isIdeograph(_:)`` names), so that a huge article's table stays a few megabytes.
        private static let maximumSlots = 1 << 19

        /// A table for at most `occurrences` characters (so at most as many distinct ones), at most half full.
        init(occurrences: Int) {
            var slots = 16
            while slots < 2 * occurrences, slots < Self.maximumSlots { slots <<= 1 }
            scalars = Array(repeating: 0, count: slots)
            bodyCounts = Array(repeating: 0, count: slots)
            titleCounts = Array(repeating: 0, count: slots)
            mask = slots - 1
        }

        /// Counts one occurrence of `scalar` (never 0: an ideograph).
        mutating func add(_ scalar: UInt32, inTitle: Bool) {
            var slot = Int(truncatingIfNeeded: (scalar &* 0x9E37_79B1) >> 7) & mask
            while scalars[slot] != 0, scalars[slot] != scalar { slot = (slot + 1) & mask }
            scalars[slot] = scalar
            if inTitle { titleCounts[slot] += 1 } else { bodyCounts[slot] += 1 }
        }

        /// Every character counted, with its counts, in no particular order.
        func counts() -> [(scalar: UInt32, body: UInt32, title: UInt32)] {
            scalars.indices.compactMap { slot in
                scalars[slot] == 0 ? nil : (scalars[slot], bodyCounts[slot], titleCounts[slot])
            }
        }
    }

    /// Sets `title[i]` and `body[i]` to the number of times the title and the body whose characters `encoded` holds
    /// hold the `i`th of `query`'s characters: 0 for one left out, and for each when the bytes are damaged from there
    /// on. One pass over the bytes, which stops after the query's last character.
    static func counts(of query: QueryCharacters, in encoded: UnsafeRawBufferPointer,
                       title: inout [Int32], body: inout [Int32]) {
        title.removeAll(keepingCapacity: true)
        title.append(contentsOf: repeatElement(0, count: query.count))
        body.removeAll(keepingCapacity: true)
        body.append(contentsOf: repeatElement(0, count: query.count))
        query.ascending.withUnsafeBufferPointer { wanted in
            guard !wanted.isEmpty else { return }
            var next = 0, offset = 0, scalar: UInt64 = 0
            var sought = UInt64(wanted[0].scalar)
            while let key = LEB128.read(encoded, at: &offset), let bodyCount = LEB128.read(encoded, at: &offset) {
                scalar &+= key >> 1
                var titleCount: UInt64 = 0
                if key & 1 != 0 {
                    guard let count = LEB128.read(encoded, at: &offset) else { return }
                    titleCount = count
                }
                guard scalar >= sought else { continue }
                while sought < scalar {
                    next += 1
                    guard next < wanted.count else { return }
                    sought = UInt64(wanted[next].scalar)
                }
                guard sought == scalar else { continue }
                body[wanted[next].index] = Int32(clamping: bodyCount)
                title[wanted[next].index] = Int32(clamping: titleCount)
                next += 1
                guard next < wanted.count else { return }
                sought = UInt64(wanted[next].scalar)
            }
        }
    }
}

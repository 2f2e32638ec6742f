/// Picks the passage of an article's body to show with a hit: the window of a given number of characters that
/// holds the most different matched words, then the most matches, then comes first.
///
/// The window starts a quarter of its length before its first match, or at the start of that match's sentence
/// when it is nearer, and never cuts a character. Paragraph breaks inside it read as spaces; `…` marks a cut.
/// Lengths are counted in Unicode scalars (one per CJK character), and the window's edges are then moved out to
/// character boundaries, so the work is linear in the window and never depends on grapheme breaking elsewhere.
enum SnippetBuilder {
    /// The sentence ends a window may start after.
    private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "\n", "!", "?", ";"]

    static func snippet(of body: HighlightedText, length: Int) -> HighlightedText {
        let length = max(1, length)
        let (body, cutBefore, cutAfter) = narrowed(body, length: length)
        let text = body.text
        let indices = Array(text.unicodeScalars.indices) + [text.endIndex]
        let scalars = Array(text.unicodeScalars)
        let matches = body.highlights.compactMap { range -> Range<Int>? in
            guard let lower = Self.offset(of: range.lowerBound, in: indices),
                  let upper = Self.offset(of: range.upperBound, in: indices) else { return nil }
            return lower ..< upper
        }
        let parts = body.highlightedParts
        let start = bestStart(matches: matches, parts: parts, scalars: scalars, length: length) ?? 0
        return cut(text, indices: indices, from: start, length: length, matches: body.highlights,
                   edges: (cutBefore, cutAfter))
    }

    /// The scalar offset of `index` (a scalar boundary) among `indices`, by binary search.
    private static func offset(of index: String.Index, in indices: [String.Index]) -> Int? {
        var low = 0, high = indices.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if indices[middle] == index { return middle }
            if indices[middle] < index { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// A stretch of `body` around its best cluster of matches, a few windows long, so that the character-level
    /// work below is bounded by the snippet's length rather than the article's. The cluster is judged on UTF-8
    /// offsets (at most three bytes a character), over the first 256 matches.
    private static func narrowed(_ body: HighlightedText, length: Int)
        -> (text: HighlightedText, cutBefore: Bool, cutAfter: Bool) {
        let text = body.text, utf8 = text.utf8
        let reach = length * 4, margin = length * 3
        guard utf8.count > 2 * margin + reach else { return (body, false, false) }
        let matches = body.highlights.prefix(256).map { range in
            (utf8.distance(from: utf8.startIndex, to: range.lowerBound), String(text[range]))
        }
        var best = (distinct: -1, start: 0)
        for (index, match) in matches.enumerated() {
            let distinct = Set(matches[index...].prefix { $0.0 - match.0 <= reach }.map(\.1)).count
            if distinct > best.distinct { best = (distinct, match.0) }
        }
        let lower = text.characterBoundary(atOrBefore: text.scalarIndex(atOrBeforeByte: max(0, best.start - margin)))
        let upper = text.characterBoundary(
            atOrAfter: text.scalarIndex(atOrBeforeByte: min(utf8.count, best.start + reach + margin)))
        let window = String(text[lower ..< upper])
        let shift = utf8.distance(from: utf8.startIndex, to: lower)
        let ranges = body.highlights.compactMap { range -> Range<Int>? in
            guard range.lowerBound >= lower, range.upperBound <= upper else { return nil }
            return utf8.distance(from: utf8.startIndex, to: range.lowerBound) - shift
                ..< utf8.distance(from: utf8.startIndex, to: range.upperBound) - shift
        }
        return (HighlightedText(text: window, byteRanges: ranges), lower > text.startIndex, upper < text.endIndex)
    }

    /// The start of the best window: each match is tried as the window's first, and the window is judged by the
    /// matches that lie wholly inside it once it is placed.
    private static func bestStart(matches: [Range<Int>], parts: [String], scalars: [Unicode.Scalar], length: Int) -> Int? {
        var best: (distinct: Int, total: Int, start: Int)?
        for first in matches {
            let start = start(of: first, in: scalars, length: length)
            let inside = matches.indices.filter { matches[$0].lowerBound >= start && matches[$0].upperBound <= start + length }
            let distinct = Set(inside.map { parts[$0] }).count
            if best == nil || distinct > best!.distinct || distinct == best!.distinct && inside.count > best!.total {
                best = (distinct, inside.count, start)
            }
        }
        return best?.start
    }

    private static func start(of first: Range<Int>, in scalars: [Unicode.Scalar], length: Int) -> Int {
        let lead = max(0, first.lowerBound - length / 4)
        let sentenceStart = scalars[lead ..< first.lowerBound].lastIndex(where: sentenceEnds.contains).map { $0 + 1 }
        let start = sentenceStart ?? lead
        return max(0, min(start, scalars.count - length))
    }

    /// The window of `length` scalars from `start`, its edges moved out to character boundaries, with the matches
    /// that lie wholly inside it highlighted (half a word highlighted would mislead).
    private static func cut(_ text: String, indices: [String.Index], from start: Int, length: Int,
                            matches: [Range<String.Index>], edges: (before: Bool, after: Bool)) -> HighlightedText {
        let lower = text.characterBoundary(atOrBefore: indices[max(0, start)])
        let upper = text.characterBoundary(atOrAfter: indices[min(indices.count - 1, max(0, start) + length)])
        let prefix = lower > text.startIndex || edges.before ? "…" : ""
        let suffix = upper < text.endIndex || edges.after ? "…" : ""
        var result = prefix
        var highlights: [Range<String.Index>] = []
        var cursor = lower
        for match in matches where match.lowerBound >= lower && match.upperBound <= upper {
            result += Self.flattened(text[cursor ..< match.lowerBound])
            let begin = result.endIndex
            result += Self.flattened(text[match])
            highlights.append(begin ..< result.endIndex)
            cursor = match.upperBound
        }
        result += Self.flattened(text[cursor ..< upper])
        // Indices into `result` stay valid only while it is not appended to: rebuild them as offsets.
        let offsets = highlights.map { result.utf8.distance(from: result.startIndex, to: $0.lowerBound)
            ..< result.utf8.distance(from: result.startIndex, to: $0.upperBound) }
        result += suffix
        return HighlightedText(text: result, byteRanges: offsets)
    }

    /// Paragraph breaks read as spaces.
    private static func flattened(_ text: Substring) -> String {
        guard text.utf8.contains(0x0A) else { return String(text) }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }
}

/// Finds the query's terms in stored text, for highlights and snippets, without re-analysing the text: the text
/// is folded as the index folds it, and each term's folded form is looked for in it. Work is bounded: at most
/// ``scanLimit`` bytes of a text are searched, whatever the article's size.
struct MatchHighlighter {
    /// The most bytes of one text that are folded and searched.
    static let scanLimit = 128 * 1024

    /// Each term's folded bytes, as they must appear in folded text.
    private let needles: [[UInt8]]
    private let analyzer: Analyzer

    /// - Parameter terms: the query's positive terms, as typed.
    init(terms: [String], analyzer: Analyzer) {
        self.analyzer = analyzer
        needles = terms.compactMap { term in
            let tokens = analyzer.tokenList(term, mode: .query)
            guard tokens.count > 0 else { return nil }
            let hasGap = tokens.entries.contains { tokens.isGap($0) }
            if hasGap { return Array(analyzer.folded(term).utf8) }
            return tokens.entries.flatMap { tokens.text(of: $0) }
        }
    }

    /// `text` (cut at ``scanLimit`` bytes, on a character boundary) with every occurrence of a term highlighted;
    /// overlapping and adjacent occurrences are merged.
    func highlighted(_ text: String) -> HighlightedText {
        let (shown, matches) = self.matches(in: text)
        return HighlightedText(text: shown, byteRanges: matches.map(\.range))
    }

    /// The snippet of `text`: the best window of `length` characters, its matches highlighted.
    func snippet(of text: String, length: Int) -> HighlightedText {
        let (shown, matches) = self.matches(in: text)
        return SnippetBuilder.snippet(of: shown, matches: matches, length: length)
    }

    /// `text` cut at ``scanLimit`` bytes, and the UTF-8 byte ranges of the terms' occurrences in it, sorted;
    /// overlapping and adjacent occurrences are merged (keeping the first one's term).
    ///
    /// The text is folded and searched in chunks of ``chunkBytes``, and the search stops after the chunk in which
    /// every term has been seen: a long article costs what its first matches cost.
    func matches(in text: String) -> (text: String, matches: [SnippetBuilder.Match]) {
        var shown = Self.prefix(of: text, bytes: Self.scanLimit)
        guard !needles.isEmpty else { return (shown, []) }
        var found: [SnippetBuilder.Match] = []
        var seen = Set<Int>()
        // A match starting in the last `overlap` bytes of a chunk is left to the next chunk, which starts there.
        let overlap = 4 * (needles.map(\.count).max() ?? 0) + 8
        shown.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = min(bytes.count, start + Self.chunkBytes)
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let last = end == bytes.count
                var owned = last ? end : max(start + 1, end - overlap)
                while owned < end, bytes[owned] & 0xC0 == 0x80 { owned += 1 }
                search(UnsafeBufferPointer(rebasing: bytes[start ..< end]), from: start, owned: owned,
                       into: &found, seen: &seen)
                if last || seen.count == needles.count { break }
                start = owned
            }
        }
        return (shown, Self.merged(found))
    }

    /// The bytes folded and searched in one go.
    static let chunkBytes = 8 * 1024

    /// Finds the terms in one chunk of the text that begins at byte `offset`, keeping the matches that start
    /// before `owned`.
    private func search(_ chunk: UnsafeBufferPointer<UInt8>, from offset: Int, owned: Int,
                        into found: inout [SnippetBuilder.Match], seen: inout Set<Int>) {
        let folded = analyzer.normalizedText(bytes: chunk)
        folded.bytes.withUnsafeBufferPointer { haystack in
            for (term, needle) in needles.enumerated() where !needle.isEmpty {
                Self.forEachOccurrence(of: needle, in: haystack) { start in
                    let range = folded.originalRange(of: start ..< start + needle.count)
                    guard offset + range.lowerBound < owned else { return }
                    found.append(.init(range: offset + range.lowerBound ..< offset + range.upperBound, term: term))
                    seen.insert(term)
                }
            }
        }
    }

    /// The longest prefix of `text` of at most `bytes` bytes that ends on a character boundary.
    static func prefix(of text: String, bytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var cut = limit
            while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
        }
    }

    private static func forEachOccurrence(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>,
                                          _ found: (Int) -> Void) {
        let first = needle[0], count = needle.count
        guard haystack.count >= count else { return }
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1 ..< count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched {
                    found(index)
                    index += count
                    continue
                }
            }
            index += 1
        }
    }

    private static func merged(_ matches: [SnippetBuilder.Match]) -> [SnippetBuilder.Match] {
        var result: [SnippetBuilder.Match] = []
        for match in matches.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = result.last, match.range.lowerBound <= last.range.upperBound {
                result[result.count - 1].range = last.range.lowerBound ..< max(last.range.upperBound, match.range.upperBound)
            } else {
                result.append(match)
            }
        }
        return result
    }
}

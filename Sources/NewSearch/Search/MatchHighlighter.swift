#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the query's terms in stored text, for highlights and snippets, without re-analysing the text: the text
/// is folded as the index folds it, and each term's folded form is looked for in it. Work is bounded: at most
/// ``scanLimit`` bytes of a text are searched, whatever the article's size.
struct MatchHighlighter {
    /// The most bytes of one text that are folded and searched.
    static let scanLimit = 128 * 1024

    /// Each text's folded bytes, as they must appear in folded text.
    private let needles: [[UInt8]]
    /// The term each needle stands for (a term with synonyms has several).
    private let needleTerms: [Int]
    /// The number of terms that have a needle: once each has been seen, a snippet's search may stop.
    private let termsWithNeedles: Int
    private let analyzer: Analyzer

    /// - Parameter terms: the query's positive terms, each as the texts that mark it (``QueryPlan/marked``): the
    ///   term as typed, and its synonyms.
    init(terms: [[String]], analyzer: Analyzer) {
        self.analyzer = analyzer
        let found = terms.enumerated().flatMap { term, texts in
            texts.compactMap { text in Self.needle(text, analyzer: analyzer).map { (needle: $0, term: term) } }
        }
        needles = found.map(\.needle)
        needleTerms = found.map(\.term)
        termsWithNeedles = Set(needleTerms).count
    }

    /// The folded bytes `term` is found by in folded text, or nil when it has no token.
    private static func needle(_ term: String, analyzer: Analyzer) -> [UInt8]? {
        let tokens = analyzer.tokenList(term, mode: .query)
        guard tokens.count > 0 else { return nil }
        let hasGap = tokens.entries.contains { tokens.isGap($0) }
        if hasGap { return Array(analyzer.folded(term).utf8) }
        return tokens.entries.flatMap { tokens.text(of: $0) }
    }

    /// `text` (cut at `limit` bytes, on a character boundary) with every occurrence of a term highlighted;
    /// overlapping and adjacent occurrences are merged.
    func highlighted(_ text: String, scanning limit: Int = scanLimit) -> HighlightedText {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let shown = UnsafeBufferPointer(rebasing: bytes[..<Self.scannedCount(bytes, limit: limit)])
            let shownText = shown.count == bytes.count ? text : String(decoding: shown, as: UTF8.self)
            return HighlightedText(text: shownText, byteRanges: matches(in: shown, stoppingOnceAllSeen: false).map(\.range))
        }
    }

    /// The snippet of the UTF-8 `text`: the best window of `length` characters, its matches highlighted.
    func snippet(of text: UnsafeBufferPointer<UInt8>, length: Int) -> HighlightedText {
        let shown = UnsafeBufferPointer(rebasing: text[..<Self.scannedCount(text)])
        return SnippetBuilder.snippet(of: shown, matches: matches(in: shown), length: length)
    }

    /// The number of bytes of `text` that are searched: all of it, or the longest prefix of at most `limit`
    /// bytes that ends on a character boundary.
    static func scannedCount(_ text: UnsafeBufferPointer<UInt8>, limit: Int = scanLimit) -> Int {
        guard text.count > limit else { return text.count }
        var cut = limit
        while cut > 0, text[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    /// The UTF-8 byte ranges of the terms' occurrences in `text`, sorted; overlapping and adjacent occurrences
    /// are merged into one match of all their terms.
    ///
    /// The text is folded and searched in chunks of ``chunkBytes``; with `stoppingOnceAllSeen`, the search stops
    /// after the chunk in which every term has been seen: a snippet of a long article costs what its first matches
    /// cost.
    func matches(in text: UnsafeBufferPointer<UInt8>, stoppingOnceAllSeen: Bool = true) -> [SnippetBuilder.Match] {
        guard !needles.isEmpty else { return [] }
        var found: [SnippetBuilder.Match] = []
        var seen = [Bool](repeating: false, count: (needleTerms.last ?? 0) + 1), unseen = termsWithNeedles
        // A match starting in the last `overlap` bytes of a chunk is left to the next chunk, which starts there.
        let overlap = 4 * (needles.map(\.count).max() ?? 0) + 8
        var start = 0
        while start < text.count {
            var end = min(text.count, start + Self.chunkBytes)
            while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
            let last = end == text.count
            var owned = last ? end : max(start + 1, end - overlap)
            while owned < end, text[owned] & 0xC0 == 0x80 { owned += 1 }
            search(UnsafeBufferPointer(rebasing: text[start ..< end]), from: start, owned: owned, into: &found) { term in
                if !seen[term] { seen[term] = true; unseen -= 1 }
            }
            if last || (stoppingOnceAllSeen && unseen == 0) { break }
            start = owned
        }
        return Self.merged(found)
    }

    /// The bytes folded and searched in one go.
    static let chunkBytes = 8 * 1024

    /// Finds the terms in one chunk of the text that begins at byte `offset`, keeping the matches that start
    /// before `owned`.
    private func search(_ chunk: UnsafeBufferPointer<UInt8>, from offset: Int, owned: Int,
                        into found: inout [SnippetBuilder.Match], seeing: (Int) -> Void) {
        let folded = analyzer.normalizedText(bytes: chunk)
        folded.bytes.withUnsafeBufferPointer { haystack in
            for (needle, term) in zip(needles, needleTerms) where !needle.isEmpty {
                Self.forEachOccurrence(of: needle, in: haystack) { start in
                    let range = folded.originalRange(of: start ..< start + needle.count)
                    guard offset + range.lowerBound < owned else { return }
                    found.append(.init(range: offset + range.lowerBound ..< offset + range.upperBound, term: term))
                    seeing(term)
                }
            }
        }
    }

    /// Calls `found` with the start of each occurrence of `needle` in `haystack`, left to right, occurrences not
    /// overlapping. libc's `memchr` skips to each place where the needle's last byte could end it, which in CJK
    /// text (a continuation byte, one of 64) is rare, where a byte loop would stop at every lead byte.
    private static func forEachOccurrence(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>,
                                          _ found: (Int) -> Void) {
        guard let base = haystack.baseAddress, !needle.isEmpty, haystack.count >= needle.count else { return }
        needle.withUnsafeBufferPointer { needle in
            guard let bytes = needle.baseAddress else { return }
            let last = needle.count - 1, key = Int32(needle[last])
            var start = 0
            while haystack.count - start >= needle.count,
                  let hit = memchr(base + start + last, key, haystack.count - start - last) {
                let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - last
                if memcmp(base + candidate, bytes, last) == 0 {
                    found(candidate)
                    start = candidate + needle.count
                } else {
                    start = candidate + 1
                }
            }
        }
    }

    private static func merged(_ matches: [SnippetBuilder.Match]) -> [SnippetBuilder.Match] {
        var result: [SnippetBuilder.Match] = []
        for match in matches.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = result.last, match.range.lowerBound <= last.range.upperBound {
                result[result.count - 1].range = last.range.lowerBound ..< max(last.range.upperBound, match.range.upperBound)
                result[result.count - 1].terms |= match.terms
            } else {
                result.append(match)
            }
        }
        return result
    }
}

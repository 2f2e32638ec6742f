/// Picks the passage of an article's body to show with a hit: the window of a given number of characters that
/// holds the most different matched terms, then the most matches, then comes first.
///
/// The window starts a quarter of its length before a match, or at the start of that match's sentence when it is
/// nearer, and never cuts a character. Paragraph breaks inside it read as spaces; `…` marks a cut. The work is on
/// UTF-8 bytes, with lengths counted in Unicode scalars (one per CJK character) and the window's edges then moved
/// out to character boundaries: it costs O(matches × length), whatever the article's size.
enum SnippetBuilder {
    /// A match in the body: its UTF-8 byte range and which query terms it is (one, or several once adjacent
    /// matches are merged: 快递员社会保险 for 快递员 社会保险).
    struct Match: Equatable {
        var range: Range<Int>
        /// The terms as bits, bit `n` for term `n` (terms past the 64th share the last bit).
        var terms: UInt64

        init(range: Range<Int>, term: Int) {
            self.range = range
            terms = 1 << UInt64(min(term, 63))
        }
    }

    /// The most matches tried as a window's first.
    static let maximumCandidates = 64

    /// The snippet of the UTF-8 `text` with `matches` (sorted, not overlapping) highlighted inside it.
    static func snippet(of text: UnsafeBufferPointer<UInt8>, matches: [Match], length: Int) -> HighlightedText {
        let window = bestWindow(text, matches: matches, length: max(1, length))
        return cut(text, window: window, matches: matches)
    }

    /// The byte range of the best window: each match (of the first ``maximumCandidates``) is tried as the
    /// window's first, and the window is judged by the matches that lie wholly inside it once it is placed.
    private static func bestWindow(_ bytes: UnsafeBufferPointer<UInt8>, matches: [Match], length: Int) -> Range<Int> {
        var best: (distinct: Int, total: Int, window: Range<Int>)?
        for first in matches.prefix(maximumCandidates) {
            let window = placed(bytes, before: first.range.lowerBound, length: length)
            var bits: UInt64 = 0, total = 0
            for match in matches[firstMatch(matches, from: window.lowerBound)...] {
                guard match.range.upperBound <= window.upperBound else { break }
                bits |= match.terms
                total += 1
            }
            let distinct = bits.nonzeroBitCount
            if best == nil || distinct > best!.distinct || distinct == best!.distinct && total > best!.total {
                best = (distinct, total, window)
            }
        }
        return best?.window ?? placed(bytes, before: 0, length: length)
    }

    /// The index of the first of `matches` (sorted) that starts at or after byte `position`.
    private static func firstMatch(_ matches: [Match], from position: Int) -> Int {
        var low = 0, high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].range.lowerBound < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A window of `length` scalars that starts a quarter of its length before `position` (or after the sentence
    /// end nearer than that), moved back when the text ends before the window does.
    private static func placed(_ bytes: UnsafeBufferPointer<UInt8>, before position: Int, length: Int) -> Range<Int> {
        var start = position
        for _ in 0 ..< length / 4 where start > 0 {
            let previous = previousScalar(bytes, before: start)
            if isSentenceEnd(bytes, at: previous) { break }
            start = previous
        }
        var (end, counted) = advance(bytes, from: start, scalars: length)
        while counted < length, start > 0 { start = previousScalar(bytes, before: start); counted += 1 }
        return start ..< end
    }

    /// The position `count` scalars after the scalar that starts at `start` (or the text's end), and the number
    /// of scalars passed. Eight bytes are counted at a time while the scalar sought is sure to lie past them (a
    /// scalar starts at every byte that is not a continuation byte, 10xxxxxx), then byte by byte.
    @inline(__always)
    private static func advance(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                scalars count: Int) -> (end: Int, counted: Int) {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return (start, 0) }
        var end = start, counted = 0
        while end + 8 <= bytes.count {
            let block = base.loadUnaligned(fromByteOffset: end, as: UInt64.self)
            let continuations = (block & ~(block << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            guard counted + 8 - continuations <= count else { break }
            counted += 8 - continuations
            end += 8
        }
        while end < bytes.count {
            if bytes[end] & 0xC0 != 0x80 {
                if counted == count { break }
                counted += 1
            }
            end += 1
        }
        return (end, counted)
    }

    /// The window's text, its edges moved out to character boundaries, with the matches wholly inside highlighted
    /// (half a word highlighted would mislead).
    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, window: Range<Int>, matches: [Match]) -> HighlightedText {
        // Character boundaries are decided on the window and a margin of 64 bytes each side (clusters are shorter).
        var from = max(0, window.lowerBound - 64), to = min(bytes.count, window.upperBound + 64)
        while from > 0, bytes[from] & 0xC0 == 0x80 { from -= 1 }
        while to < bytes.count, bytes[to] & 0xC0 == 0x80 { to += 1 }
        let local = String(decoding: UnsafeBufferPointer(rebasing: bytes[from ..< to]), as: UTF8.self)
        let utf8 = local.utf8
        let lower = from + utf8.distance(from: utf8.startIndex, to: local.characterBoundary(
            atOrBefore: utf8.index(utf8.startIndex, offsetBy: window.lowerBound - from)))
        let upper = from + utf8.distance(from: utf8.startIndex, to: local.characterBoundary(
            atOrAfter: utf8.index(utf8.startIndex, offsetBy: window.upperBound - from)))
        var output: [UInt8] = []
        output.reserveCapacity(upper - lower + 8)
        let ellipsis: [UInt8] = Array("…".utf8)
        if lower > 0 { output += ellipsis }
        let shift = output.count - lower
        for index in lower ..< upper { output.append(bytes[index] == 0x0A ? 0x20 : bytes[index]) }
        if upper < bytes.count { output += ellipsis }
        let highlights = matches.compactMap { match -> Range<Int>? in
            match.range.lowerBound >= lower && match.range.upperBound <= upper
                ? match.range.lowerBound + shift ..< match.range.upperBound + shift : nil
        }
        return HighlightedText(text: String(decoding: output, as: UTF8.self), byteRanges: highlights)
    }

    @inline(__always)
    private static func previousScalar(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var index = index - 1
        while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// Whether the scalar at `index` ends a sentence: 。！？； or a line break, ! ? ;.
    private static func isSentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x0A || byte == 0x21 || byte == 0x3F || byte == 0x3B }
        guard byte == 0xE3 || byte == 0xEF, index + 2 < bytes.count else { return false }
        let second = bytes[index + 1], third = bytes[index + 2]
        if byte == 0xE3 { return second == 0x80 && third == 0x82 }  // 。 U+3002
        return second == 0xBC && (third == 0x81 || third == 0x9F || third == 0x9B)  // ！ ？ ； U+FF01 FF1F FF1B
    }
}

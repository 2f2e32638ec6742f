/// Text with highlighted parts, such as a snippet: plain data, rendered by the caller (terminal, HTML, JSON).
///
/// The highlights are ranges of `text` (``highlights``, `String.Index`); as numbers they are offsets in Unicode
/// scalars (code points, ``scalarOffsets``), the unit of the command line's and the server's JSON and of Python's
/// `str`, JavaScript's `Array.from(text)` and Rust's `chars()`.
public struct HighlightedText: Sendable, Equatable {
    /// The text, without any markup.
    public var text: String
    /// The highlighted ranges of `text`, in order, not overlapping.
    public var highlights: [Range<String.Index>]

    /// `text` with `highlights`: ranges of `text`, in order and not overlapping.
    public init(text: String, highlights: [Range<String.Index>] = []) {
        self.text = text
        self.highlights = highlights
    }

    /// The highlighted parts, as strings.
    public var highlightedParts: [String] { highlights.map { String(text[$0]) } }

    /// The highlights as `[start, end)` offsets in Unicode scalars (code points) into `text`: the unit of the JSON
    /// newsearch writes.
    ///
    /// Complexity: O(n) in the length of `text`, in one pass whatever the number of highlights.
    public var scalarOffsets: [Range<Int>] {
        let bounds = highlights.flatMap { [$0.lowerBound, $0.upperBound] }
        let scalars = text.unicodeScalars
        var offsets: [Int] = []
        offsets.reserveCapacity(bounds.count)
        var offset = 0, index = scalars.startIndex
        for bound in bounds {
            while index < bound && index < scalars.endIndex {
                scalars.formIndex(after: &index)
                offset += 1
            }
            offsets.append(offset)
        }
        return stride(from: 0, to: offsets.count - 1, by: 2).map { offsets[$0] ..< offsets[$0 + 1] }
    }

    /// `text` with the highlights given as offsets in Unicode scalars (as ``scalarOffsets`` gives them); a range
    /// out of the text, or empty, is left out.
    public init(text: String, scalarOffsets: [Range<Int>]) {
        let scalars = text.unicodeScalars
        let indices = Array(scalars.indices) + [scalars.endIndex]
        self.init(text: text, highlights: scalarOffsets.compactMap { range in
            guard range.lowerBound >= 0, range.upperBound < indices.count, !range.isEmpty else { return nil }
            return indices[range.lowerBound] ..< indices[range.upperBound]
        })
    }

    /// The highlights as offsets counted in `Character`s (grapheme clusters), a unit no JSON of newsearch uses.
    @available(*, deprecated, renamed: "scalarOffsets", message: "offsets are counted in Unicode scalars, as in the JSON")
    public var characterOffsets: [Range<Int>] {
        let bounds = highlights.flatMap { [$0.lowerBound, $0.upperBound] }
        var offsets: [Int] = []
        offsets.reserveCapacity(bounds.count)
        var next = 0, offset = 0, index = text.startIndex
        while next < bounds.count {
            if index >= bounds[next] {
                offsets.append(offset)
                next += 1
            } else {
                text.formIndex(after: &index)
                offset += 1
            }
        }
        return stride(from: 0, to: offsets.count, by: 2).map { offsets[$0] ..< offsets[$0 + 1] }
    }

    /// `text` with each highlight wrapped in `open` and `close`, and nothing escaped: for a terminal or plain text.
    /// For a web page use ``html``, which escapes the text.
    public func rendered(open: String, close: String) -> String {
        rendered(open: open, close: close) { String($0) }
    }

    /// `text` with each highlight wrapped in `open` and `close`, every piece of `text` passed through `escape`
    /// first (the markers are not).
    public func rendered(open: String, close: String, escaping escape: (Substring) -> String) -> String {
        var result = ""
        var cursor = text.startIndex
        for range in highlights {
            result += escape(text[cursor ..< range.lowerBound]) + open + escape(text[range]) + close
            cursor = range.upperBound
        }
        return result + escape(text[cursor...])
    }

    /// `text` as HTML: `&`, `<`, `>`, `"` and `'` escaped, so that a title holding markup shows as text, and each
    /// highlight in `<mark>…</mark>`. Safe inside an element and inside a quoted attribute value.
    public var html: String {
        rendered(open: "<mark>", close: "</mark>", escaping: Self.escapingHTML)
    }

    /// `text` with the characters HTML gives a meaning escaped.
    static func escapingHTML(_ text: Substring) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `text` with the highlights given as offsets counted in `Character`s.
    @available(*, deprecated, renamed: "init(text:scalarOffsets:)", message: "offsets are counted in Unicode scalars, as in the JSON")
    public init(text: String, characterOffsets: [Range<Int>]) {
        let indices = Array(text.indices) + [text.endIndex]
        self.init(text: text, highlights: characterOffsets.compactMap { range in
            guard range.lowerBound >= 0, range.upperBound < indices.count, !range.isEmpty else { return nil }
            return indices[range.lowerBound] ..< indices[range.upperBound]
        })
    }

    /// `text` with highlights given as UTF-8 byte ranges, in order and not overlapping; each bound is rounded out
    /// to a character boundary, so that no highlight splits a character (a combining mark joins the one before).
    init(text: String, byteRanges: [Range<Int>]) {
        let utf8 = text.utf8
        var highlights: [Range<String.Index>] = []
        for range in byteRanges where range.lowerBound < range.upperBound && range.upperBound <= utf8.count {
            let lower = text.characterBoundary(atOrBefore: utf8.index(utf8.startIndex, offsetBy: range.lowerBound))
            let upper = text.characterBoundary(atOrAfter: utf8.index(utf8.startIndex, offsetBy: range.upperBound))
            if let last = highlights.last, lower <= last.upperBound {
                highlights[highlights.count - 1] = last.lowerBound ..< max(upper, last.upperBound)
            } else if lower < upper {
                highlights.append(lower ..< upper)
            }
        }
        self.init(text: text, highlights: highlights)
    }
}

extension String {
    func characterBoundary(atOrBefore index: String.Index) -> String.Index {
        var index = index
        while !isCharacterBoundary(index) { index = unicodeScalars.index(before: index) }
        return index
    }

    func characterBoundary(atOrAfter index: String.Index) -> String.Index {
        var index = index
        while !isCharacterBoundary(index) { index = unicodeScalars.index(after: index) }
        return index
    }

    /// Whether a character begins at `index`. Between two scalars that never join (ASCII, CJK ideographs and
    /// punctuation, kana, full-width forms) the answer is immediate; elsewhere the characters of a few scalars
    /// around `index` decide, which is exact for every cluster of up to eight scalars before it and keeps the
    /// cost constant (String's own check walks from the start of the text).
    private func isCharacterBoundary(_ index: String.Index) -> Bool {
        guard index > startIndex, index < endIndex else { return true }
        let next = unicodeScalars[index].value, previous = unicodeScalars[unicodeScalars.index(before: index)].value
        let simple = { (value: UInt32) in
            value < 0x300 && value != 0x0D || (0x3000 ..< 0xA000).contains(value) || (0xFF00 ..< 0xFFF0).contains(value)
        }
        if simple(next) && simple(previous) { return true }
        var lower = index
        for _ in 0 ..< 8 where lower > startIndex { lower = unicodeScalars.index(before: lower) }
        var upper = index
        for _ in 0 ..< 2 where upper < endIndex { upper = unicodeScalars.index(after: upper) }
        let window = self[lower ..< upper]
        var position = window.startIndex
        while position < index { position = window.index(after: position) }
        return position == index
    }
}

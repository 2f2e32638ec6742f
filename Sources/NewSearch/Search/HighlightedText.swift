/// Text with highlighted parts, such as a snippet: plain data, rendered by the caller (terminal, HTML, JSON).
public struct HighlightedText: Sendable, Equatable {
    /// The text, without any markup.
    public var text: String
    /// The highlighted ranges of `text`, in order, not overlapping.
    public var highlights: [Range<String.Index>]

    public init(text: String, highlights: [Range<String.Index>] = []) {
        self.text = text
        self.highlights = highlights
    }

    /// The highlighted parts, as strings.
    public var highlightedParts: [String] { highlights.map { String(text[$0]) } }

    /// The highlights as character offsets into `text` (counted in `Character`s).
    ///
    /// Complexity: O(n) in the length of `text`, in one pass whatever the number of highlights.
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

    /// `text` with each highlight wrapped in `open` and `close`.
    public func rendered(open: String, close: String) -> String {
        var result = ""
        var cursor = text.startIndex
        for range in highlights {
            result += text[cursor ..< range.lowerBound] + open + text[range] + close
            cursor = range.upperBound
        }
        return result + text[cursor...]
    }

    /// `text` with the highlights given as character offsets.
    public init(text: String, characterOffsets: [Range<Int>]) {
        let indices = Array(text.indices) + [text.endIndex]
        self.init(text: text, highlights: characterOffsets.compactMap { range in
            guard range.lowerBound >= 0, range.upperBound < indices.count, !range.isEmpty else { return nil }
            return indices[range.lowerBound] ..< indices[range.upperBound]
        })
    }

    /// Start and end markers that FTS5's `snippet()` and `highlight()` put around matches; the indexed text
    /// holds no control characters, so they cannot clash with it.
    static let openMarker: Character = "\u{2}"
    static let closeMarker: Character = "\u{3}"

    /// Reads text marked by FTS5 with ``openMarker`` and ``closeMarker``; adjacent highlights are merged.
    ///
    /// Works on the UTF-8 bytes (the markers are single bytes that no other character contains), then rounds every
    /// bound to a character boundary: a marker between a character and a combining mark that joins it would
    /// otherwise fall inside the character, and no highlight may split one.
    init(marked: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(marked.utf8.count)
        var byteRanges: [Range<Int>] = []
        var openedAt: Int?
        for byte in marked.utf8 {
            switch byte {
            case Self.openMarker.asciiValue:
                openedAt = bytes.count
            case Self.closeMarker.asciiValue:
                guard let start = openedAt else { continue }
                if let last = byteRanges.last, last.upperBound == start {
                    byteRanges[byteRanges.count - 1] = last.lowerBound ..< bytes.count
                } else {
                    byteRanges.append(start ..< bytes.count)
                }
                openedAt = nil
            default:
                bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let utf8 = text.utf8
        self.init(text: text, highlights: byteRanges.compactMap { range in
            let lower = text.characterBoundary(atOrBefore: utf8.index(utf8.startIndex, offsetBy: range.lowerBound))
            let upper = text.characterBoundary(atOrAfter: utf8.index(utf8.startIndex, offsetBy: range.upperBound))
            return lower < upper ? lower ..< upper : nil
        })
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
    /// punctuation, kana) the answer is immediate; elsewhere String decides, which may look at the neighbourhood.
    private func isCharacterBoundary(_ index: String.Index) -> Bool {
        guard index > startIndex, index < endIndex else { return true }
        let next = unicodeScalars[index].value, previous = unicodeScalars[unicodeScalars.index(before: index)].value
        let simple = { (value: UInt32) in value < 0x300 && value != 0x0D || (0x3000 ..< 0xA000).contains(value) }
        if simple(next) && simple(previous) { return true }
        return String.Index(index, within: self) != nil
    }
}

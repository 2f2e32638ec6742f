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
    public var characterOffsets: [Range<Int>] {
        highlights.map {
            text.distance(from: text.startIndex, to: $0.lowerBound) ..< text.distance(from: text.startIndex, to: $0.upperBound)
        }
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
    init(marked: String) {
        var text = ""
        var highlights: [Range<String.Index>] = []
        var openedAt: String.Index?
        for character in marked {
            switch character {
            case Self.openMarker:
                openedAt = text.endIndex
            case Self.closeMarker:
                guard let start = openedAt else { continue }
                if let last = highlights.last, last.upperBound == start {
                    highlights[highlights.count - 1] = last.lowerBound ..< text.endIndex
                } else {
                    highlights.append(start ..< text.endIndex)
                }
                openedAt = nil
            default:
                text.append(character)
            }
        }
        // A marker between a character and a combining mark that joins it would fall inside the character:
        // round every bound down to a character boundary, so that no highlight splits a character.
        self.init(text: text, highlights: highlights.compactMap { range in
            let lower = text.characterBoundary(atOrBefore: range.lowerBound)
            let upper = text.characterBoundary(atOrAfter: range.upperBound)
            return lower < upper ? lower ..< upper : nil
        })
    }
}

extension String {
    func characterBoundary(atOrBefore index: String.Index) -> String.Index {
        var index = index
        while index > startIndex, String.Index(index, within: self) == nil { index = unicodeScalars.index(before: index) }
        return index
    }

    func characterBoundary(atOrAfter index: String.Index) -> String.Index {
        var index = index
        while index < endIndex, String.Index(index, within: self) == nil { index = unicodeScalars.index(after: index) }
        return index
    }
}

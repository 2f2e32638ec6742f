/// Tokens of one text in a compact, reusable form: entries plus one byte buffer holding every token's indexed
/// bytes (marker bytes included).
///
/// The FTS5 tokenizer hands token bytes to SQLite straight from ``bytes``, with no `String` per token.
struct TokenList: Sendable {
    /// One token: its indexed bytes are `bytes[textStart ..< textStart + textLength]`, its origin
    /// `sourceStart ..< sourceEnd` in the original text.
    struct Entry: Sendable {
        var textStart: Int32
        var textLength: Int32
        var sourceStart: Int32
        var sourceEnd: Int32
        var kind: Token.Kind
        /// Shares the position of the token before it: a marker, a part, or a query-time alternative.
        var colocated: Bool
    }

    /// Bytes that set markers apart from text: no folded text holds a byte below 0x20 in a token.
    enum Marker {
        static let wordBoundary: UInt8 = 0x01
        static let wholeWord: UInt8 = 0x02
        static let gap: UInt8 = 0x03
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []

    var count: Int { entries.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    mutating func reserve(tokens: Int, bytes byteCount: Int) {
        entries.reserveCapacity(tokens)
        bytes.reserveCapacity(byteCount)
    }

    /// Appends a token of `kind` whose text is `text`, found at `source` in the original.
    /// Markers get their marker byte: before the text for a word start or a whole word, after it for a word end.
    mutating func append(_ text: ArraySlice<UInt8>, kind: Token.Kind, colocated: Bool, source: Range<Int>) {
        let start = bytes.count
        switch kind {
        case .text, .part:
            bytes.append(contentsOf: text)
        case .wordStart:
            bytes.append(Marker.wordBoundary)
            bytes.append(contentsOf: text)
        case .wordEnd:
            bytes.append(contentsOf: text)
            bytes.append(Marker.wordBoundary)
        case .wholeWord:
            bytes.append(Marker.wholeWord)
            bytes.append(contentsOf: text)
        case .gap:
            bytes.append(Marker.gap)
        }
        entries.append(Entry(textStart: Int32(start), textLength: Int32(bytes.count - start),
                             sourceStart: Int32(source.lowerBound), sourceEnd: Int32(source.upperBound), kind: kind,
                             colocated: colocated))
    }

    /// The entry's text without its marker byte.
    func cleanText(of entry: Entry) -> [UInt8] {
        let start = Int(entry.textStart), end = start + Int(entry.textLength)
        switch entry.kind {
        case .text, .part: return Array(bytes[start ..< end])
        case .wordStart, .wholeWord: return Array(bytes[start + 1 ..< end])
        case .wordEnd: return Array(bytes[start ..< end - 1])
        case .gap: return []
        }
    }

    /// The tokens as public values; positions advance on every token that is not colocated.
    func tokens() -> [Token] {
        var position = -1
        return entries.map { entry in
            if !entry.colocated { position += 1 }
            return Token(text: String(decoding: cleanText(of: entry), as: UTF8.self), kind: entry.kind,
                         colocated: entry.colocated,
                         byteRange: Int(entry.sourceStart) ..< Int(entry.sourceEnd), position: max(0, position))
        }
    }
}

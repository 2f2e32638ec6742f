/// Tokens of one text in a compact, reusable form: entries plus one byte buffer holding every token's text.
///
/// The FTS5 tokenizer hands token bytes to SQLite straight from ``bytes``, with no `String` per token.
struct TokenList: Sendable {
    /// One token: its text is `bytes[textStart ..< textStart + textLength]`, its origin `sourceStart ..< sourceEnd`.
    struct Entry: Sendable {
        var textStart: Int32
        var textLength: Int32
        var sourceStart: Int32
        var sourceEnd: Int32
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []

    var count: Int { entries.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// Appends a token whose text is `text`, found at `source` in the original.
    mutating func append<Bytes: Collection<UInt8>>(_ text: Bytes, source: Range<Int>) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        entries.append(Entry(textStart: Int32(start), textLength: Int32(bytes.count - start),
                             sourceStart: Int32(source.lowerBound), sourceEnd: Int32(source.upperBound)))
    }

    /// Appends `text` lower-cased (ASCII letters only; the caller handles other scripts).
    mutating func appendASCIILowercased(_ text: UnsafeBufferPointer<UInt8>, source: Range<Int>) {
        let start = bytes.count
        for byte in text {
            bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        }
        entries.append(Entry(textStart: Int32(start), textLength: Int32(bytes.count - start),
                             sourceStart: Int32(source.lowerBound), sourceEnd: Int32(source.upperBound)))
    }

    /// The tokens as public values, positions counted from 0.
    func tokens() -> [Token] {
        entries.enumerated().map { position, entry in
            let start = Int(entry.textStart)
            let text = String(decoding: bytes[start ..< start + Int(entry.textLength)], as: UTF8.self)
            return Token(text: text, byteRange: Int(entry.sourceStart) ..< Int(entry.sourceEnd), position: position)
        }
    }
}

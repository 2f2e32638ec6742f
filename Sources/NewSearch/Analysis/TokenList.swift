/// The tokens of one text in the compact form the index uses: entries plus one byte buffer holding every token's
/// indexed bytes, and the word boundaries among their positions (see ``TokenContract``).
///
/// The buffer holds each analysed text's folded bytes once, followed by one gap byte: a character token's bytes
/// are its slice of that text, and every gap token points at the gap byte, so appending a token copies no bytes.
/// The FTS5 tokenizer hands token bytes to SQLite straight from ``bytes``, with no `String` per token.
struct TokenList: Sendable {
    /// One token at the next position: its indexed bytes are `bytes[textStart ..< textStart + textLength]`, its
    /// origin `sourceStart ..< sourceEnd` in the original text.
    struct Entry: Sendable {
        var textStart: Int32
        var textLength: Int32
        var sourceStart: Int32
        var sourceEnd: Int32
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []
    /// One bit per position plus one for the end, set where a word boundary lies (documents only).
    private(set) var boundaries = WordBoundaries()
    /// The tokens that are characters, not gaps: the text's length for bm25.
    private(set) var characterCount = 0
    /// Where the folded text begun last starts in ``bytes``, and where its gap byte is.
    private var textBase = 0
    private var gapByte = 0

    var count: Int { entries.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        boundaries.removeAll()
        characterCount = 0
        textBase = 0
        gapByte = 0
    }

    mutating func reserve(tokens: Int) {
        entries.reserveCapacity(tokens)
    }

    /// Copies the folded text whose tokens are appended next, and a gap byte after it.
    mutating func beginText(_ folded: UnsafeBufferPointer<UInt8>) {
        textBase = bytes.count
        bytes.reserveCapacity(bytes.count + folded.count + 1)
        bytes.append(contentsOf: folded)
        gapByte = bytes.count
        bytes.append(TokenContract.gap)
    }

    /// Appends a character token whose folded bytes are `folded` in the text begun last, found at `source` in the
    /// original; `startsWord` records a word boundary before it.
    mutating func appendCharacter(folded: Range<Int>, source: Range<Int>, startsWord: Bool) {
        entries.append(Entry(textStart: Int32(textBase + folded.lowerBound), textLength: Int32(folded.count),
                             sourceStart: Int32(source.lowerBound), sourceEnd: Int32(source.upperBound)))
        boundaries.append(startsWord)
        characterCount += 1
    }

    /// Appends a gap token standing for the separating text at `source`.
    mutating func appendGap(source: Range<Int>) {
        entries.append(Entry(textStart: Int32(gapByte), textLength: 1,
                             sourceStart: Int32(source.lowerBound), sourceEnd: Int32(source.upperBound)))
        boundaries.append(true)
    }

    /// Closes the list: the boundary bit after the last token.
    mutating func finish() {
        boundaries.append(true)
    }

    /// The entry's indexed bytes.
    func text(of entry: Entry) -> ArraySlice<UInt8> {
        bytes[Int(entry.textStart) ..< Int(entry.textStart + entry.textLength)]
    }

    /// Whether the entry is the gap token (a character token is one scalar of at least one byte that is not the
    /// gap byte, and single-byte characters are never the gap byte).
    func isGap(_ entry: Entry) -> Bool {
        entry.textLength == 1 && bytes[Int(entry.textStart)] == TokenContract.gap
    }

    /// Calls `body` with the scalar of each character token that is an ideograph
    /// (``QueryCharacters/isIdeograph(_:)``), in order.
    func forEachIdeograph(_ body: (UInt32) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            for entry in entries where entry.textLength >= 3 {
                let (scalar, width) = UTF8Scalar.decode(bytes, at: Int(entry.textStart))
                if width == Int(entry.textLength), QueryCharacters.isIdeograph(scalar) { body(scalar) }
            }
        }
    }

    /// The tokens as public values.
    func tokens() -> [Token] {
        entries.enumerated().map { position, entry in
            let gap = isGap(entry)
            return Token(text: gap ? "" : String(decoding: text(of: entry), as: UTF8.self),
                         kind: gap ? .gap : .text,
                         byteRange: Int(entry.sourceStart) ..< Int(entry.sourceEnd), position: position,
                         startsWord: !gap && boundaries.contains(position),
                         endsWord: !gap && boundaries.contains(position + 1))
        }
    }
}

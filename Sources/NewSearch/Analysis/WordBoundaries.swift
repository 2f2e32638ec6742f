/// Where words begin and end among a text's token positions: bit `p` is set when a word boundary lies just before
/// the token at position `p` (it begins a word, or is a gap); bit `count - 1` marks the end of the text.
///
/// A match of positions `s ..< e` is *word-aligned* when bits `s` and `e` are both set: 上海 in 上海今天 is, 上海 in
/// 上海市 is not. Stored per article as little-endian bytes, one bit per position plus one.
struct WordBoundaries: Sendable, Equatable {
    /// The bits, eight positions a byte, lowest bit first.
    private(set) var bytes: [UInt8] = []
    /// The number of bits: token positions plus one.
    private(set) var count = 0

    init() {}

    /// Boundaries read back from their stored bytes.
    init(bytes: [UInt8], count: Int) {
        self.bytes = bytes
        self.count = count
    }

    /// Adds the bit of the next position.
    mutating func append(_ isBoundary: Bool) {
        if count & 7 == 0 { bytes.append(0) }
        if isBoundary { bytes[count >> 3] |= 1 << UInt8(count & 7) }
        count += 1
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        count = 0
    }

    func contains(_ position: Int) -> Bool {
        position >= 0 && position < count && bytes[position >> 3] & (1 << UInt8(position & 7)) != 0
    }
}

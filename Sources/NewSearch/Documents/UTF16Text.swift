/// Text files saved as UTF-16 with a byte-order mark (as some Windows editors do): decoded rather than refused as
/// binary for their NUL bytes.
enum UTF16Text {
    /// The text of `bytes` when `lead` (their first two bytes) is a UTF-16 byte-order mark, nil otherwise;
    /// invalid sequences read as U+FFFD.
    static func decode(_ lead: [UInt8], _ bytes: some Collection<UInt8>) -> String? {
        guard lead.count == 2, lead == [0xFF, 0xFE] || lead == [0xFE, 0xFF] else { return nil }
        let bigEndian = lead[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.dropFirst(2).makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            units.append(bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first))
        }
        return String(decoding: units, as: UTF16.self)
    }
}

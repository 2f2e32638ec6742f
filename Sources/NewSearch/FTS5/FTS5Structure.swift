/// What FTS5's structure record says of an index: how many segments it is made of.
///
/// FTS5 keeps its index as segments (sorted runs of terms) that merges combine, a log-structured design: every
/// commit (and every flush of its in-memory hash) writes a segment, and the record in row 10 of the `_data`
/// table lists them. A query reads each term from every segment, and FTS5 refuses to write past 2,000 segments
/// (`SQLITE_FULL`), so the count is what tells whether merging keeps up with the writes.
///
/// The record (SQLite 3.40's `fts5_index.c`): a 4-byte cookie, then varints for the number of levels, the number of
/// segments, the write counter, and per level the segments being merged and the segments with their ids and pages.
struct FTS5Structure: Equatable {
    /// The row of the `_data` table that holds the structure record.
    static let rowID: Int64 = 10
    /// FTS5's limit on segments (`FTS5_MAX_SEGMENT`): a write past it fails with `SQLITE_FULL`.
    static let maximumSegments = 2000

    /// Levels of the log-structured index.
    var levels: Int
    /// Segments over all levels.
    var segments: Int

    /// Decodes `record`; nil for bytes too short to be one.
    init?(record: some Collection<UInt8>) {
        var reader = VarintReader(bytes: Array(record), offset: 4)
        guard let levels = reader.next(), let segments = reader.next() else { return nil }
        self.levels = Int(levels)
        self.segments = Int(segments)
    }

    init(levels: Int, segments: Int) {
        self.levels = levels
        self.segments = segments
    }

    /// SQLite's variable-length integers: 7 bits a byte, high bit set while more follow; the ninth byte gives 8.
    private struct VarintReader {
        let bytes: [UInt8]
        var offset: Int

        mutating func next() -> UInt64? {
            var value: UInt64 = 0
            for index in 0 ..< 9 {
                guard offset < bytes.count else { return nil }
                let byte = bytes[offset]
                offset += 1
                if index == 8 { return (value << 8) | UInt64(byte) }
                value = (value << 7) | UInt64(byte & 0x7F)
                if byte < 0x80 { return value }
            }
            return value
        }
    }
}

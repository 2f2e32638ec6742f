/// What ranking needs of every article, held in memory so that scoring a match costs no SQL: its title and body
/// lengths (bm25's length normalization), its date (ties and date order), and its word boundaries (word-aligned
/// matches).
///
/// Built once per connection from the index's statistics table and rebuilt when the index changes; immutable once
/// built, so it can be shared. Lookups are by row id, through a dense table.
final class DocumentStatistics: @unchecked Sendable {
    // Unchecked: the buffers below are written in init only, read-only afterwards, and freed in deinit.
    /// One article's figures.
    struct Entry: Sendable {
        /// Character tokens of the title and of the body (bm25's document lengths).
        var titleLength: UInt32
        var bodyLength: UInt32
        /// Token positions of the title (gaps included): where the body's boundary bits begin.
        var titlePositions: UInt32
        /// Token positions of the body.
        var bodyPositions: UInt32
        /// Where the article's boundary bits begin in the pool.
        var boundaryOffset: UInt32
        /// Seconds since 1970, or `Int64.min` when the article has no date.
        var date: Int64
    }

    /// Accumulates the rows of the statistics table.
    struct Builder {
        fileprivate var entries: [Entry] = []
        fileprivate var ids: [Int64] = []
        fileprivate var pool: [UInt8] = []

        init(capacity: Int = 0) {
            entries.reserveCapacity(capacity)
            ids.reserveCapacity(capacity)
        }

        /// Adds an article's record and its boundary blob (see ``StatisticsRecord``).
        mutating func add(_ record: StatisticsRecord, boundaries: UnsafeRawBufferPointer) {
            ids.append(record.id)
            entries.append(Entry(titleLength: UInt32(record.titleLength), bodyLength: UInt32(record.bodyLength),
                                 titlePositions: UInt32(record.titlePositions),
                                 bodyPositions: UInt32(record.bodyPositions),
                                 boundaryOffset: UInt32(pool.count), date: record.date ?? .min))
            pool.append(contentsOf: boundaries)
        }

        func build() -> DocumentStatistics {
            DocumentStatistics(self)
        }
    }

    /// The figures as plain memory, for the ranking function's hot path: a value without reference counting,
    /// valid while this object lives.
    struct Table {
        fileprivate let entries: UnsafeMutableBufferPointer<Entry>
        /// Row id → index into `entries` + 1 (0: no such article).
        fileprivate let slots: UnsafeMutableBufferPointer<UInt32>
        fileprivate let pool: UnsafeMutableBufferPointer<UInt8>

        /// The figures of the article stored under row `id`, if it is known.
        @inline(__always)
        func entry(_ id: Int64) -> Entry? {
            guard id >= 0, id < slots.count else { return nil }
            let slot = slots[Int(id)]
            return slot == 0 ? nil : entries[Int(slot) - 1]
        }

        /// The lengths of the article's columns (title, body).
        @inline(__always)
        func length(of entry: Entry, column: Int) -> Int {
            Int(column == 0 ? entry.titleLength : entry.bodyLength)
        }

        /// Whether a word boundary lies before `position` in `column` (0 title, 1 body) of the article.
        @inline(__always)
        func isBoundary(_ entry: Entry, column: Int, position: Int) -> Bool {
            guard let bit = StatisticsRecord.boundaryBit(
                column: column, position: position, titlePositions: Int(entry.titlePositions),
                bodyPositions: Int(entry.bodyPositions)) else { return false }
            return pool[Int(entry.boundaryOffset) + bit >> 3] & (1 << UInt8(bit & 7)) != 0
        }
    }

    let table: Table
    /// The row id of every article, in the order they were added.
    let ids: [Int64]
    /// The number of articles.
    let count: Int
    /// The mean title and body lengths, for bm25.
    let averageLengths: [Double]

    private init(_ builder: Builder) {
        let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: max(1, builder.entries.count))
        _ = entries.initialize(from: builder.entries)
        let pool = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, builder.pool.count))
        _ = pool.initialize(from: builder.pool)
        ids = builder.ids
        count = builder.entries.count
        let largest = Int(builder.ids.max() ?? 0)
        let slots = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: largest + 1)
        slots.initialize(repeating: 0)
        for (index, id) in builder.ids.enumerated() where id >= 0 { slots[Int(id)] = UInt32(index + 1) }
        table = Table(entries: entries, slots: slots, pool: pool)
        let titles = builder.entries.reduce(0) { $0 + Double($1.titleLength) }
        let bodies = builder.entries.reduce(0) { $0 + Double($1.bodyLength) }
        averageLengths = count == 0 ? [1, 1] : [titles / Double(count), bodies / Double(count)]
    }

    deinit {
        table.entries.deallocate()
        table.slots.deallocate()
        table.pool.deallocate()
    }

    /// The figures of the article stored under row `id`, if it is known.
    func entry(_ id: Int64) -> Entry? {
        table.entry(id)
    }
}

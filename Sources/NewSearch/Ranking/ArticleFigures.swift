/// What ranking reads of every matching article, beside FTS5: its title and body lengths (bm25's length
/// normalization), whether it belongs to a series (``Ranking/seriesFactor``) and its date (ties and date order).
/// Stored in blocks of ``blockSize`` articles by row id (``ArticleFigures/Entry``, ``entryBytes`` each) and loaded a
/// block at a time, the first time a query touches one of its articles: a query reads the figures of its matches,
/// not the whole archive's, and a process reads none before its first query. The word boundaries, which only the
/// best candidates need, are read per article (``StatisticsRecord``).
///
/// One per connection and index version; not thread-safe (a connection runs one statement at a time). Loaded
/// blocks stay until ``maximumLoadedBytes`` is passed, when all are dropped: a reader's memory for figures is
/// bounded by that (64 MB, four million articles' worth).
final class ArticleFigures {
    /// One article's figures.
    struct Entry {
        /// Character tokens of the title (below 2^31) and of the body.
        var titleLength: UInt32
        var bodyLength: UInt32
        /// Seconds since 1970, `Int64.min` when the article has no date.
        var date: Int64
        /// Whether its title is a series' (``SeriesTitles``): stored as the title length's top bit.
        var isSeries = false

        /// The entry of a row that holds no article.
        static let none = Entry(titleLength: 0, bodyLength: 0, date: .min)
    }

    /// The title length's bit that marks an article of a series.
    static let seriesBit: UInt32 = 1 << 31

    /// Articles per block (row ids `block << blockShift ..< (block + 1) << blockShift`).
    static let blockShift = 8
    static let blockSize = 1 << blockShift
    /// Bytes per entry: the lengths as little-endian `UInt32`s (the title's top bit the series mark), then the date
    /// as a little-endian `Int64`.
    static let entryBytes = 16
    static let blockBytes = blockSize * entryBytes
    /// The most bytes of blocks kept loaded.
    static let maximumLoadedBytes = 64 << 20

    /// Reads one block's bytes (``blockBytes``), nil when the block holds no article; throws when the read fails
    /// (an interrupted statement, say), and the block is then read again next time.
    typealias BlockReader = (_ block: Int) throws -> [UInt8]?

    /// The number of articles and the mean title and body lengths (bm25's averages).
    let count: Int
    /// The largest row id an article may have.
    let largestID: Int64
    let averageLengths: [Double]
    /// The figures as plain memory for the ranking function's hot path (a value without reference counting,
    /// valid while this object lives).
    let table: Table

    /// - Parameters:
    ///   - largestID: the largest row id an article may have (blocks beyond it are never read).
    ///   - count, titleLengths, bodyLengths: the number of articles and the sums of their title and body lengths.
    ///   - reader: reads a block; it throws when the read fails (the block is then read again next time).
    init(largestID: Int64, count: Int, titleLengths: Int64, bodyLengths: Int64,
         reader: @escaping BlockReader) {
        self.count = count
        self.largestID = largestID
        averageLengths = count == 0 ? [1, 1]
            : [Double(titleLengths) / Double(count), Double(bodyLengths) / Double(count)]
        let blocks = UnsafeMutableBufferPointer<UnsafeMutableRawPointer?>.allocate(
            capacity: Int(max(0, largestID) >> Self.blockShift) + 1)
        blocks.initialize(repeating: nil)
        table = Table(blocks: blocks, loader: .passRetained(Loader(reader)))
    }

    deinit {
        table.dropAll()
        table.blocks.deallocate()
        table.loader.release()
    }

    /// Loads blocks on a table's first touch: the reader, and what is loaded.
    final class Loader {
        let read: BlockReader
        var loadedBytes = 0
        /// The block of a range of ids that holds no article: lengths 0, no date.
        let empty = UnsafeMutableRawPointer.allocate(byteCount: ArticleFigures.blockBytes, alignment: 8)

        init(_ read: @escaping BlockReader) {
            self.read = read
            let none = ArticleFigures.patched(nil, id: 0, entry: .none)
            let entry = none.prefix(ArticleFigures.entryBytes)
            for offset in stride(from: 0, to: ArticleFigures.blockBytes, by: ArticleFigures.entryBytes) {
                entry.withUnsafeBytes { (empty + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
        }

        deinit { empty.deallocate() }
    }

    /// The figures as plain memory.
    struct Table {
        fileprivate let blocks: UnsafeMutableBufferPointer<UnsafeMutableRawPointer?>
        fileprivate let loader: Unmanaged<Loader>

        /// The figures of the article stored under row `id` (lengths 0 and no date for an id that holds none).
        @inline(__always)
        func entry(_ id: Int64) -> Entry {
            let block = Int(id >> ArticleFigures.blockShift)
            guard id >= 0, block < blocks.count else { return .none }
            let base = blocks[block] ?? load(block)
            let offset = ArticleFigures.entryOffset(id)
            let title = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            return Entry(titleLength: title & ~ArticleFigures.seriesBit,
                         bodyLength: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)),
                         date: Int64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: Int64.self)),
                         isSeries: title & ArticleFigures.seriesBit != 0)
        }

        /// Reads block `block` in, first dropping every loaded block when the bound would be passed.
        @inline(never)
        private func load(_ block: Int) -> UnsafeMutableRawPointer {
            loader._withUnsafeGuaranteedRef { loader in
                let bytes: [UInt8]?
                do { bytes = try loader.read(block) } catch { return loader.empty }  // not kept: read again next time
                guard let bytes, bytes.count == ArticleFigures.blockBytes else {
                    blocks[block] = loader.empty
                    return loader.empty
                }
                if loader.loadedBytes + bytes.count > ArticleFigures.maximumLoadedBytes { dropAll() }
                let memory = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 8)
                bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
                loader.loadedBytes += bytes.count
                blocks[block] = memory
                return memory
            }
        }

        /// Frees every loaded block.
        fileprivate func dropAll() {
            loader._withUnsafeGuaranteedRef { loader in
                for index in blocks.indices {
                    if let block = blocks[index], block != loader.empty { block.deallocate() }
                    blocks[index] = nil
                }
                loader.loadedBytes = 0
            }
        }
    }

    /// The bytes of the blocks loaded so far.
    var loadedBytes: Int { table.loader._withUnsafeGuaranteedRef { $0.loadedBytes } }

    /// The figures of the article stored under row `id`.
    func entry(_ id: Int64) -> Entry {
        table.entry(id)
    }

    /// `block` with the series mark of each row of `ids` in it set to `isSeries`, the rest as they are (a block
    /// of zeros when `block` is nil or not a block): how the store marks a title's articles when it becomes a
    /// series', and the delete trigger unmarks them when it no longer is (the `newsearch_series` SQL function).
    static func marked(_ block: UnsafeRawBufferPointer?, ids: some Sequence<Int64>, isSeries: Bool) -> [UInt8] {
        rewritten(block) { bytes in
            for id in ids {
                let offset = entryOffset(id)
                let title = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let marked = isSeries ? title | seriesBit : title & ~seriesBit
                bytes.storeBytes(of: marked.littleEndian, toByteOffset: offset, as: UInt32.self)
            }
        }
    }

    /// `block` (or a new block of zeros, when nil) with the entry of row `id` set to `entry`: how a write keeps
    /// the stored blocks up to date (the `newsearch_figure` SQL function).
    static func patched(_ block: UnsafeRawBufferPointer?, id: Int64, entry: Entry) -> [UInt8] {
        rewritten(block) { bytes in
            let offset = entryOffset(id)
            let title = min(entry.titleLength, ~seriesBit) | (entry.isSeries ? seriesBit : 0)
            bytes.storeBytes(of: title.littleEndian, toByteOffset: offset, as: UInt32.self)
            bytes.storeBytes(of: entry.bodyLength.littleEndian, toByteOffset: offset + 4, as: UInt32.self)
            bytes.storeBytes(of: entry.date.littleEndian, toByteOffset: offset + 8, as: Int64.self)
        }
    }

    /// The byte offset of row `id`'s entry in its block.
    @inline(__always)
    static func entryOffset(_ id: Int64) -> Int {
        Int(id & Int64(blockSize - 1)) * entryBytes
    }

    /// A copy of `block` (a block of zeros when it is nil or not a block's size), changed by `change`.
    private static func rewritten(_ block: UnsafeRawBufferPointer?,
                                  _ change: (UnsafeMutableRawBufferPointer) -> Void) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: blockBytes)
        if let block, block.count == blockBytes { bytes.withUnsafeMutableBytes { $0.copyMemory(from: block) } }
        bytes.withUnsafeMutableBytes(change)
        return bytes
    }
}

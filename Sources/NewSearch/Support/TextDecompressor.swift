import CZstd

/// Reads back text that ``TextCompressor`` stored, keeping one decompression context: one per connection (it is
/// not for two threads at once). A frame compressed with the index's ``CompressionDictionary`` names it; the
/// decompressor reads that dictionary through `dictionaryReader` the first time it meets it, and keeps it.
final class TextDecompressor {
    /// The largest text it returns: SQLite's own limit on a value (SQLITE_MAX_LENGTH), far above the longest body
    /// an article file may hold (``ArticleParser``), so that a damaged size field cannot make it allocate more.
    static let maximumBytes = 1_000_000_000

    private let context: OpaquePointer
    /// The stored dictionary of a given id on a connection, nil when there is none.
    private let dictionaryReader: (Database, UInt32) -> [UInt8]?
    /// The last dictionary used, prepared for decompression, and its id.
    private var tables: (id: UInt32, pointer: OpaquePointer)?

    init(dictionaryReader: @escaping (Database, UInt32) -> [UInt8]?) {
        guard let context = ZSTD_createDCtx() else { fatalError("Zstandard could not allocate a decompression context") }
        self.context = context
        self.dictionaryReader = dictionaryReader
    }

    deinit {
        ZSTD_freeDCtx(context)
        if let tables { ZSTD_freeDDict(tables.pointer) }
    }

    /// The UTF-8 bytes of the text `stored` holds: no bytes for empty text, nil for bytes that are no frame of
    /// ``TextCompressor`` (damaged, written by something else, or naming a dictionary `database` does not hold).
    /// `database` is the connection that read the bytes, asked only for a dictionary not met before.
    func decompress(_ stored: UnsafeRawBufferPointer, in database: @autoclosure () -> Database) -> [UInt8]? {
        guard let source = stored.baseAddress, !stored.isEmpty else { return [] }
        let size = ZSTD_getFrameContentSize(source, stored.count)
        // ZSTD_CONTENTSIZE_UNKNOWN and _ERROR are the two largest values: no frame of ours.
        guard size <= UInt64(Self.maximumBytes) else { return nil }
        let id = ZSTD_getDictID_fromFrame(source, stored.count)
        var dictionary: OpaquePointer?
        if id != 0 {
            guard let found = self.dictionary(id, database) else { return nil }
            dictionary = found
        }
        var failed = false
        let text = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            let written = dictionary.map {
                ZSTD_decompress_usingDDict(context, buffer.baseAddress, Int(size), source, stored.count, $0)
            } ?? ZSTD_decompressDCtx(context, buffer.baseAddress, Int(size), source, stored.count)
            failed = ZSTD_isError(written) != 0 || written != Int(size)
            count = failed ? 0 : written
        }
        return failed ? nil : text
    }

    /// The decompression tables of dictionary `id`: those kept, or those of the dictionary read from `database`.
    private func dictionary(_ id: UInt32, _ database: () -> Database) -> OpaquePointer? {
        if let tables, tables.id == id { return tables.pointer }
        guard let bytes = dictionaryReader(database(), id),
              let pointer = bytes.withUnsafeBytes({ ZSTD_createDDict($0.baseAddress, $0.count) })
        else { return nil }
        guard ZSTD_getDictID_fromDDict(pointer) == id else {
            ZSTD_freeDDict(pointer)
            return nil
        }
        if let tables { ZSTD_freeDDict(tables.pointer) }
        tables = (id, pointer)
        return pointer
    }
}

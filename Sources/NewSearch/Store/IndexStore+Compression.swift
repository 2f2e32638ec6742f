extension IndexStore {
    /// A decompressor for the stored text of a newsearch index, which finds the index's dictionary on the connection
    /// it reads from: for newsearch's connections and an app's alike.
    static func makeDecompressor() -> TextDecompressor {
        TextDecompressor(dictionaryReader: compressionDictionary(in:id:))
    }

    /// The bytes of the compression dictionary `id` that `database` holds; nil when it holds none, and a frame
    /// that names it cannot be read. For ``TextDecompressor``, on newsearch's connections and an app's alike.
    static func compressionDictionary(in database: Database, id: UInt32) -> [UInt8]? {
        guard let statement = try? database.prepare("SELECT bytes FROM \(IndexSchema.dictionaries) WHERE id = ?"),
              (try? statement.bind(.integer(Int64(id))).step()) == true
        else { return nil }
        return statement.withBlob(0) { Array($0) }
    }

    /// The dictionary the index compresses bodies with (it has at most one), nil before a run trained one. The one
    /// read before is kept while its id is still the index's (a rebuild by another process trains another).
    func compressionDictionary() throws -> CompressionDictionary? {
        // Prepared here, not cached: a cached statement left on its row would hold a read open on the writer's
        // connection for the rest of the run (the pool resets it only when the write ends), and a write on another
        // connection meanwhile waited past its timeout (tried: two tests failed).
        let statement = try database.prepare("SELECT id FROM \(IndexSchema.dictionaries) LIMIT 1")
        guard try statement.step() else { return nil }
        let id = UInt32(truncatingIfNeeded: statement.int64(0))
        if let cached = cachedCompression, cached.id == id { return cached }
        cachedCompression = Self.compressionDictionary(in: database, id: id).flatMap(CompressionDictionary.init(bytes:))
        return cachedCompression
    }

    /// Stores `dictionary`, in a transaction of its own: committed before any body compressed with it.
    func addCompressionDictionary(_ dictionary: CompressionDictionary) throws {
        try database.transaction {
            try database.prepare("INSERT OR REPLACE INTO \(IndexSchema.dictionaries) (id, bytes) VALUES (?, ?)")
                .bind(.integer(Int64(dictionary.id)), .blob(dictionary.bytes)).run()
        }
    }
}

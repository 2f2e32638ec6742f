import CSQLite

/// The `newsearch_figure(entries, id, title_length, body_length, date)` SQL function: a block of
/// `newsearch_figures` (NULL for a new one) with the entry of row `id` set (see ``ArticleFigures``). The store's
/// insert (``IndexSchema/figureUpsert``) and the schema's delete trigger on statistics call it, so the blocks follow
/// every write, in the writing transaction; every connection that writes or removes articles registers it
/// (newsearch's own, and an app's through ``SQLiteExtension``). Every C callback is here.
enum FigureFunction {
    static let name = "newsearch_figure"

    static func register(on database: Database) throws {
        try database.createFunction(name, arguments: 5, function)
    }

    private static let function: @convention(c) (
        OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Void = { context, _, arguments in
        guard let context, let arguments, let block = arguments[0] else { return }
        let existing = sqlite3_value_type(block) == SQLITE_BLOB
            ? UnsafeRawBufferPointer(start: sqlite3_value_blob(block), count: Int(sqlite3_value_bytes(block))) : nil
        let date = arguments[4].map { sqlite3_value_type($0) == SQLITE_NULL ? Int64.min : sqlite3_value_int64($0) }
        let entry = ArticleFigures.Entry(
            titleLength: UInt32(clamping: sqlite3_value_int64(arguments[2])),
            bodyLength: UInt32(clamping: sqlite3_value_int64(arguments[3])), date: date ?? .min)
        let bytes = ArticleFigures.patched(existing, id: sqlite3_value_int64(arguments[1]), entry: entry)
        bytes.withUnsafeBytes { csqlite_result_blob_transient(context, $0.baseAddress, Int32($0.count)) }
    }
}

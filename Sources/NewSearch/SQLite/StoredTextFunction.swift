import CSQLite

/// The `newsearch_text(compressed_body)` SQL function: an article body as text, from the bytes
/// ``TextCompressor`` stored (see ``IndexSchema``). The `newsearch_articles` view, FTS5's reads of the content and
/// the delete trigger call it, so every connection that reads or removes articles registers it: newsearch's own,
/// and an app's through ``SQLiteExtension/register(on:dictionary:)``. Every C callback is here.
enum StoredTextFunction {
    static let name = "newsearch_text"

    /// Registers the function on `database`, decompressing with `decompressor`: the connection's own, which the
    /// function uses only while one of the connection's statements steps (never two at once).
    static func register(on database: Database, decompressor: TextDecompressor) throws {
        try database.createFunction(name, arguments: 1, context: decompressor, function)
    }

    private static let function: @convention(c) (
        OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Void = { context, _, arguments in
        guard let context, let argument = arguments?[0], let data = sqlite3_user_data(context) else { return }
        if sqlite3_value_type(argument) == SQLITE_NULL { return sqlite3_result_null(context) }
        let bytes = sqlite3_value_blob(argument), count = Int(sqlite3_value_bytes(argument))
        let decompressor = Unmanaged<TextDecompressor>.fromOpaque(data).takeUnretainedValue()
        let stored = UnsafeRawBufferPointer(start: bytes, count: count)
        guard let connection = sqlite3_context_db_handle(context),
              let text = decompressor.decompress(stored, in: Database(borrowing: connection)) else {
            return sqlite3_result_error(context, "\(name): the stored text is damaged", -1)
        }
        guard !text.isEmpty else { return csqlite_result_text_transient(context, "", 0) }
        text.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { text in
                csqlite_result_text_transient(context, text.baseAddress, Int32(text.count))
            }
        }
    }
}

import CSQLite

/// The SQL functions that keep the blocks of `newsearch_figures` (see ``ArticleFigures``) up to date, in the writing
/// transaction; every connection that writes or removes articles registers them (newsearch's own, and an app's
/// through ``SQLiteExtension``). Every C callback is here.
///
/// - `newsearch_figure(entries, id, title_length, body_length, date, series)`: a block (NULL for a new one) with the
///   entry of row `id` set. The store's insert (``IndexSchema/figureUpsert``) and the schema's delete trigger on
///   statistics call it.
/// - `newsearch_series(entries, series, ids)`: a block with the series mark of each row of `ids` (their row ids
///   separated by commas, as `group_concat` gives them) set to `series` (0 or 1). The store calls it when a title
///   becomes a series' (``IndexSchema/seriesMarkingByKey``), the delete trigger when it no longer is.
enum FigureFunction {
    static let name = "newsearch_figure"
    static let seriesName = "newsearch_series"

    static func register(on database: Database) throws {
        try database.createFunction(name, arguments: 6, function)
        try database.createFunction(seriesName, arguments: 3, seriesFunction)
    }

    private static let function: @convention(c) (
        OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Void = { context, _, arguments in
        guard let context, let arguments, let block = arguments[0] else { return }
        let date = arguments[4].map { sqlite3_value_type($0) == SQLITE_NULL ? Int64.min : sqlite3_value_int64($0) }
        let entry = ArticleFigures.Entry(
            titleLength: UInt32(clamping: sqlite3_value_int64(arguments[2])),
            bodyLength: UInt32(clamping: sqlite3_value_int64(arguments[3])), date: date ?? .min,
            isSeries: arguments[5].map { sqlite3_value_int64($0) != 0 } ?? false)
        let bytes = ArticleFigures.patched(blob(block), id: sqlite3_value_int64(arguments[1]), entry: entry)
        bytes.withUnsafeBytes { csqlite_result_blob_transient(context, $0.baseAddress, Int32($0.count)) }
    }

    private static let seriesFunction: @convention(c) (
        OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Void = { context, _, arguments in
        guard let context, let arguments, let block = arguments[0], let list = arguments[2] else { return }
        let text = sqlite3_value_type(list) == SQLITE_NULL ? ""
            : String(cString: sqlite3_value_text(list))
        let ids = text.split(separator: ",").compactMap { Int64($0) }
        let isSeries = arguments[1].map { sqlite3_value_int64($0) != 0 } ?? false
        let bytes = ArticleFigures.marked(blob(block), ids: ids, isSeries: isSeries)
        bytes.withUnsafeBytes { csqlite_result_blob_transient(context, $0.baseAddress, Int32($0.count)) }
    }

    /// The bytes of a blob argument, nil for another type.
    private static func blob(_ value: OpaquePointer) -> UnsafeRawBufferPointer? {
        sqlite3_value_type(value) == SQLITE_BLOB
            ? UnsafeRawBufferPointer(start: sqlite3_value_blob(value), count: Int(sqlite3_value_bytes(value))) : nil
    }
}

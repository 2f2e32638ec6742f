import CSQLite
import NewSearch

/// The entry point of the loadable SQLite extension `libnewsearch-sqlite.so`: the name SQLite derives from the
/// file's name (`sqlite3_` + its letters after `lib`, up to the first dot + `_init`), so `.load` in the sqlite3 shell
/// and Python's `load_extension` need no entry point named.
///
/// Registers on `connection` what ``SQLiteExtension/register(on:dictionary:)`` registers: the `newsearch`
/// tokenizer, `newsearch_rank`, `newsearch_query` and the functions a newsearch index's view and triggers call,
/// with the dictionary of the newsearch index in the connection's database, if any.
@_cdecl("sqlite3_newsearchsqlite_init")
public func newsearchSQLiteInit(_ connection: OpaquePointer?,
                                _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                _ routines: UnsafeRawPointer?) -> Int32 {
    func fail(_ message: String) -> Int32 {
        errorMessage?.pointee = csqlite_error_message("newsearch-sqlite: " + message)
        return SQLITE_ERROR
    }
    guard let connection else { return SQLITE_MISUSE }
    guard csqlite_api_is_linked(routines) != 0 else {
        return fail("this program has its own copy of SQLite built in, and the extension calls the system's "
                    + "libsqlite3 (\(SearchIndex.sqliteVersion)); load it into a program that uses that library, "
                    + "such as the sqlite3 shell or Python's sqlite3 module")
    }
    do {
        try SQLiteExtension.register(on: connection)
    } catch {
        return fail("\(error)")
    }
    return SQLITE_OK
}

import CSQLite

/// The connection's `fts5_api`, obtained through `SELECT fts5(?1)` (SQLite's documented way).
enum FTS5API {
    /// - Throws: ``SQLiteError`` when the SQLite in use was built without FTS5 (or too old an FTS5 API).
    static func of(_ database: Database) throws -> UnsafeMutablePointer<fts5_api> {
        guard let api = csqlite_fts5_api(database.handle), api.pointee.iVersion >= 2 else {
            throw SQLiteError(code: SQLITE_ERROR, message: "this SQLite has no FTS5 (version 2 or later)", sql: nil)
        }
        return api
    }
}

import CSQLite

/// A failed SQLite call: its result code, SQLite's message and the statement, if any.
public struct SQLiteError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var sql: String?

    public var description: String {
        sql.map { "SQLite error \(code): \(message) (in: \($0))" } ?? "SQLite error \(code): \(message)"
    }
}

extension SQLiteError {
    /// The error of a failed call on `connection`: its code and SQLite's message.
    init(code: Int32, connection: OpaquePointer, sql: String?) {
        self.init(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}

import CSQLite

/// A failed SQLite call: its result code, SQLite's message and the statement, if any.
public struct SQLiteError: Error, CustomStringConvertible {
    /// SQLite's result code; on the connections newsearch opens, an extended one (2067 for
    /// `SQLITE_CONSTRAINT_UNIQUE`, where the primary code is 19).
    public var code: Int32
    /// SQLite's message for the failure (`sqlite3_errmsg`), or newsearch's own where it detected the problem.
    public var message: String
    /// The SQL statement that failed; nil when the failure is not that of a statement (opening, configuring).
    public var sql: String?

    /// The error as one line: `SQLite error CODE: MESSAGE`, followed by `(in: SQL)` when the statement is known.
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

import CSQLite

/// A failed SQLite call: its result code, SQLite's message and the statement, if any.
public struct SQLiteError: Error, CustomStringConvertible, CustomDebugStringConvertible {
    /// SQLite's result code; on the connections newsearch opens, an extended one (2067 for
    /// `SQLITE_CONSTRAINT_UNIQUE`, where the primary code is 19).
    public var code: Int32
    /// SQLite's message for the failure (`sqlite3_errmsg`), or newsearch's own where it detected the problem.
    public var message: String
    /// The SQL statement that failed; nil when the failure is not that of a statement (opening, configuring).
    public var sql: String?

    /// The error as a sentence for the person using newsearch: what happened and what to do, without SQL (the
    /// command-line tool words a damaged file's advice with its own options).
    public var description: String {
        switch code & 0xFF {
        case SQLITE_FULL:
            return "the disk is full, or the database reached SQLite's size limit (\(message)): free some space and "
                + "run again (the index keeps what was written before)"
        case SQLITE_BUSY, SQLITE_LOCKED:
            return "the index stayed locked by another program for more than 5 seconds: try again once it is done"
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return "the index file is damaged (\(message)): build it again (open it with rebuild: true)"
        case SQLITE_READONLY, SQLITE_PERM:
            return "the index cannot be written (\(message)): check the permissions of the file and its folder"
        case SQLITE_CANTOPEN:
            return "the index file cannot be opened (\(message)): check that its folder exists and can be read"
        case SQLITE_IOERR:
            return "reading or writing the index failed (\(message)): check the disk, then run again"
        case SQLITE_NOMEM:
            return "SQLite ran out of memory: close other programs, or index fewer articles at a time"
        case SQLITE_INTERRUPT:
            return "the operation was interrupted"
        default:
            return "SQLite could not complete the operation: \(message)"
        }
    }

    /// The error with its code and statement, for logs and bug reports: `SQLite error CODE: MESSAGE (in: SQL)`.
    public var debugDescription: String {
        sql.map { "SQLite error \(code): \(message) (in: \($0))" } ?? "SQLite error \(code): \(message)"
    }
}

extension SQLiteError {
    /// The error of a failed call on `connection`: its code and SQLite's message.
    init(code: Int32, connection: OpaquePointer, sql: String?) {
        self.init(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}

import CSQLite
import Foundation

/// One SQLite connection: the handle type that owns every `sqlite3 *` of the store layer.
final class Database {
    let handle: OpaquePointer
    /// Whether this value closes the handle when released (not for a connection an app owns).
    private let ownsHandle: Bool

    /// Opens (or creates, unless `readOnly`) the database at `path`; `":memory:"` opens a private in-memory one.
    /// - Parameter immutable: read the file as one that nothing changes (SQLite's `immutable=1`): no locks, no
    ///   `-shm` or `-wal` file, so a file in a folder the user cannot write can still be read. Read-only only.
    init(path: String, readOnly: Bool = false, immutable: Bool = false) throws {
        var handle: OpaquePointer?
        var flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        var name = path
        if immutable && readOnly {
            flags |= SQLITE_OPEN_URI
            name = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
        }
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw SQLiteError(code: code, message: "\(message): \(path)", sql: nil)
        }
        self.handle = handle
        ownsHandle = true
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5_000)
    }

    /// Wraps a connection an app opened and keeps: used, never configured or closed.
    init(borrowing handle: OpaquePointer) {
        self.handle = handle
        ownsHandle = false
    }

    deinit {
        if ownsHandle { sqlite3_close_v2(handle) }
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw SQLiteError(code: code, message: message, sql: sql)
        }
    }

    /// Compiles one statement.
    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return Statement(statement, database: self, sql: sql)
    }

    private var statements: [String: Statement] = [:]

    /// The compiled statement for `sql`, compiled on first use and kept for the connection's life: for the
    /// statements of every search, whose compiling would otherwise cost as much as running them. The caller
    /// binds (which resets) before each use and must not use one statement in two places at once.
    func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one read transaction, so that all its statements see the database as it was when the first
    /// began, and take SQLite's locks once rather than each; inside a transaction already, just runs it.
    func reading<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Runs `body` so that raising `flag` stops it: every ``progressInterval`` virtual-machine steps SQLite asks
    /// the flag, and a raised flag interrupts the running statement. `body` then ends with `CancellationError`,
    /// whatever error the interrupted statement threw.
    func interruptible<T>(by flag: CancellationFlag?, _ body: () throws -> T) throws -> T {
        guard let flag else { return try body() }
        try flag.check()
        sqlite3_progress_handler(handle, Self.progressInterval, Self.askFlag, Unmanaged.passUnretained(flag).toOpaque())
        defer { sqlite3_progress_handler(handle, 0, nil, nil) }
        do {
            let result = try body()
            try flag.check()
            return result
        } catch {
            try flag.check()
            throw error
        }
    }

    /// Virtual-machine steps between two looks at a ``CancellationFlag``: about 10 µs of work.
    static let progressInterval: Int32 = 1_000

    private static let askFlag: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
        guard let context else { return 0 }
        return Unmanaged<CancellationFlag>.fromOpaque(context).takeUnretainedValue().isRaised ? 1 : 0
    }

    /// Resets every statement of the connection that is still stepping (a cached statement read to its first row,
    /// say), so that the connection holds no read transaction: a reader that kept one would go on seeing the
    /// index as it was when the statement began, whatever writers commit.
    func finishReads() {
        var statement = sqlite3_next_stmt(handle, nil)
        while let current = statement {
            if sqlite3_stmt_busy(current) != 0 { sqlite3_reset(current) }
            statement = sqlite3_next_stmt(handle, current)
        }
    }

    /// Whether the database has a table called `name`.
    func hasTable(_ name: String) throws -> Bool {
        let statement = try prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        return try statement.bind(.text(name)).step()
    }

    /// The integer an SQL statement such as a `PRAGMA` returns first, or nil when it returns no row.
    func integer(_ sql: String) throws -> Int64? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int64(0) : nil
    }

    /// The version of the SQLite library in use, such as "3.40.1".
    static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// The row id of the last row inserted on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, connection: handle, sql: sql)
    }
}

import CSystemSQLite

/// A minimal connection to the system SQLite, for the FTS5 baselines.
final class Connection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let handle: OpaquePointer

    init(path: String, readOnly: Bool = false) throws {
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(handle)
            throw Failure(description: "\(message): \(path)")
        }
        self.handle = handle
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    static var version: String { String(cString: sqlite3_libversion()) }

    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw Failure(description: "\(message) in: \(sql)")
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement
        else { throw failure(sql) }
        return Statement(statement, connection: self)
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func failure(_ context: String) -> Failure {
        Failure(description: "\(String(cString: sqlite3_errmsg(handle))) in: \(context)")
    }
}

/// An empty C string that lives as long as the program, for binding empty text without a NULL pointer.
nonisolated(unsafe) private let emptyText: UnsafeMutablePointer<CChar> = {
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    pointer.pointee = 0
    return pointer
}()

/// A compiled statement. Text is bound for the duration of one `withBound` call (SQLITE_STATIC), so nothing is
/// copied twice.
final class Statement {
    private let handle: OpaquePointer
    private let connection: Connection  // kept open while the statement lives

    init(_ handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `texts` to the parameters `first`… (after `integer`, if any, bound to 1), runs `body`, then resets
    /// the statement and clears its bindings.
    func withBound<T>(integer: Int64? = nil, _ texts: [String], _ body: (Statement) throws -> T) throws -> T {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var first: Int32 = 1
        if let integer {
            guard sqlite3_bind_int64(handle, 1, integer) == SQLITE_OK else { throw connection.failure("bind 1") }
            first = 2
        }
        return try bind(texts[...], from: first) { try body(self) }
    }

    private func bind<T>(_ texts: ArraySlice<String>, from index: Int32, _ body: () throws -> T) throws -> T {
        guard var text = texts.first else { return try body() }
        return try text.withUTF8 { bytes in
            let code = bytes.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, index, $0.baseAddress ?? UnsafePointer(emptyText), Int32($0.count), nil)
            }
            guard code == SQLITE_OK else { throw connection.failure("bind \(index)") }
            return try bind(texts.dropFirst(), from: index + 1, body)
        }
    }

    /// Steps once: true when a row is ready.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure("step")
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: bytes)
    }
}

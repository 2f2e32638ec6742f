import CSQLite
import Foundation
import Testing

/// A raw `sqlite3 *` an app would own, outside newsearch's wrapper: for the tests of what apps do to a database.
final class AppConnection {
    let handle: OpaquePointer

    init(_ path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw AppError(message: "cannot open \(path)")
        }
        self.handle = handle
    }

    deinit {
        sqlite3_close(handle)
    }

    struct AppError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `sql`, binding `arguments` as text; returns every row, each column as text (nil for NULL).
    @discardableResult
    func rows(_ sql: String, _ arguments: String...) throws -> [[String?]] {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw error() }
        for (index, argument) in arguments.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), argument, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        var rows: [[String?]] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw error() }
            rows.append((0 ..< sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
    }

    private func error() -> AppError {
        AppError(message: String(cString: sqlite3_errmsg(handle)))
    }
}

import CSQLite
import Testing
@testable import NewSearch

/// What a user reads when SQLite fails is a sentence saying what to do, never SQL (issue 10, item 5).
@Suite struct SQLiteErrorTests {
    @Test(arguments: [
        (SQLITE_FULL, "disk is full"), (SQLITE_BUSY, "locked"), (SQLITE_IOERR | (3 << 8), "check the disk"),
        (SQLITE_CORRUPT, "rebuild: true"), (SQLITE_READONLY, "permissions"), (SQLITE_CANTOPEN, "cannot be opened"),
        (SQLITE_NOMEM, "out of memory"), (SQLITE_CONSTRAINT | (8 << 8), "could not complete"),
    ])
    func everyFailureIsASentenceWithoutSQL(code: Int32, says fragment: String) {
        let error = SQLiteError(code: code, message: "raw message", sql: "INSERT INTO newsearch_documents (path) VALUES (?)")
        #expect(error.description.contains(fragment), "\(error)")
        #expect(!error.description.contains("INSERT") && !error.description.contains("SQLite error \(code)"))
        #expect(error.debugDescription.contains("INSERT"), "the statement stays in the debug description")
    }

    @Test func aRealFailureOnADatabaseReadsAsASentence() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1)")
        #expect { try database.execute("INSERT INTO t VALUES (1)") } throws: { error in
            "\(error)".contains("UNIQUE constraint failed") && !"\(error)".contains("INSERT")
        }
    }
}

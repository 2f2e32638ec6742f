import CSQLite
import Foundation
import Testing

/// `newsearch index` and `newsearch query` given an app's own database as `--index`: refused, with a message that
/// names the file, and the file left byte for byte as it was.
@Suite final class ForeignDatabaseCLITests {
    private let cli: CLI
    /// `app.db` in the command's folder: a `documents` table (id, title, body) of 500 rows and a `meta` table.
    private let database: URL
    /// `news/` in the command's folder, holding one article copied from `corpus/`.
    private let news: URL

    init() throws {
        cli = try CLI()
        database = cli.directory.appendingPathComponent("app.db")
        news = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.corpus + "/000_seed.md",
                                         toPath: news.appendingPathComponent("000_seed.md").path)
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        try #require(sqlite3_open(database.path, &handle) == SQLITE_OK)
        let sql = """
            CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
                INSERT INTO documents (id, title, body) SELECT i, '标题 ' || i, '正文：欠薪问题 ' || i FROM n;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            INSERT INTO meta (key, value) VALUES ('app_version', '3.1');
            """
        try #require(sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK)
    }

    deinit {
        cli.remove()
    }

    /// The database's bytes, and which of its side files exist.
    private func snapshot() -> (bytes: Data?, sideFiles: [String]) {
        (FileManager.default.contents(atPath: database.path),
         ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: database.path + $0) })
    }

    /// The number of rows of the app's `documents` table.
    private func documentRows() throws -> Int64 {
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        try #require(sqlite3_open_v2(database.path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        try #require(sqlite3_prepare_v2(handle, "SELECT count(*) FROM documents", -1, &statement, nil) == SQLITE_OK)
        try #require(sqlite3_step(statement) == SQLITE_ROW)
        return sqlite3_column_int64(statement, 0)
    }

    private func expectRefused(_ output: CLI.Output, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.status != 0, "exit status \(output.status); stdout: \(output.stdout)",
                sourceLocation: sourceLocation)
        #expect(output.stderr.contains("app.db"), "stderr: \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.contains("not a newsearch index"), "stderr: \(output.stderr)",
                sourceLocation: sourceLocation)
        #expect(!output.stdout.contains("Indexed"), "stdout: \(output.stdout)", sourceLocation: sourceLocation)
    }

    @Test func indexIntoAnAppDatabaseIsRefusedAndLeavesItUnchanged() throws {
        let before = snapshot()
        #expect(before.bytes != nil && before.sideFiles.isEmpty)
        expectRefused(try cli.run("index", "--index", "app.db", "news"))
        expectRefused(try cli.run("index", "--index", "app.db", "--rebuild", "news"))
        expectRefused(try cli.run("index", "news", environment: ["NEWSEARCH_INDEX": "app.db"]))
        let after = snapshot()
        #expect(after.bytes == before.bytes, "app.db changed")
        #expect(after.sideFiles.isEmpty, "side files appeared: \(after.sideFiles)")
        #expect(try documentRows() == 500)
    }

    @Test func queryOnAnAppDatabaseIsRefusedAndLeavesItUnchanged() throws {
        let before = snapshot()
        expectRefused(try cli.run("query", "--index", "app.db", "欠薪"))
        expectRefused(try cli.run("query", "--index", "app.db", "欠薪", "--json"))
        let after = snapshot()
        #expect(after.bytes == before.bytes, "app.db changed")
        #expect(after.sideFiles.isEmpty, "side files appeared: \(after.sideFiles)")
        #expect(try documentRows() == 500)
    }

    @Test func anArticleGivenAsTheIndexIsRefusedAndLeftAsItWas() throws {
        let article = news.appendingPathComponent("000_seed.md").path
        let bytes = FileManager.default.contents(atPath: article)
        let output = try cli.run("index", "--index", article, "news")
        #expect(output.status != 0)
        #expect(output.stderr.contains(article) && output.stderr.contains("not a newsearch index"),
                "stderr: \(output.stderr)")
        #expect(FileManager.default.contents(atPath: article) == bytes)
    }
}

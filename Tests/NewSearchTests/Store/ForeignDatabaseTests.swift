import CSQLite
import Foundation
import Testing
@testable import NewSearch

/// Opening an index never changes a file that is not newsearch's: an app's database, a text file, a database of
/// another application is refused with ``StoreError/notAnIndex(path:reason:)`` and left byte for byte as it was;
/// an empty file becomes an index; an index of the first layout is replaced only on `rebuild`.
@Suite struct ForeignDatabaseTests {
    private let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    // MARK: - Raw SQLite, outside newsearch

    /// Runs `sql` on the database at `path` through a connection of its own, closed before returning.
    private func execute(_ path: String, _ sql: String) throws {
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        try #require(sqlite3_open(path, &handle) == SQLITE_OK)
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        let text = message.map { String(cString: $0) } ?? ""
        sqlite3_free(message)
        try #require(code == SQLITE_OK, "\(text): \(sql)")
    }

    /// The first column of the first row `sql` returns on the database at `path`, opened read-only.
    private func integer(_ path: String, _ sql: String) throws -> Int64 {
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        try #require(sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        try #require(sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK,
                     "\(String(cString: sqlite3_errmsg(handle))): \(sql)")
        try #require(sqlite3_step(statement) == SQLITE_ROW, "\(sql) returned no row")
        return sqlite3_column_int64(statement, 0)
    }

    /// The names of the tables (and views) of the database at `path`, sorted.
    private func tables(_ path: String) throws -> [String] {
        var handle: OpaquePointer?
        defer { sqlite3_close(handle) }
        try #require(sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        try #require(sqlite3_prepare_v2(handle, """
            SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name
            """, -1, &statement, nil) == SQLITE_OK)
        var names: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { names.append(String(cString: sqlite3_column_text(statement, 0))) }
        return names
    }

    /// An app's own database: a `documents` table (id, title, body) of 500 rows and a `meta` table, in the default
    /// (rollback journal) mode, so that nothing but the file itself exists beside it.
    @discardableResult
    private func appDatabase(_ name: String = "app.db", journal: String = "DELETE") throws -> String {
        let path = folder.path + "/" + name
        try execute(path, """
            PRAGMA journal_mode = \(journal);
            CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
                INSERT INTO documents (id, title, body) SELECT i, '标题 ' || i, '正文：欠薪问题 ' || i FROM n;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            INSERT INTO meta (key, value) VALUES ('app_version', '3.1'), ('owner', 'someone else');
            """)
        return path
    }

    // MARK: - What a file looks like on disk

    /// A file's bytes and which of its SQLite side files exist.
    private struct Snapshot: Equatable {
        var bytes: Data?
        var sideFiles: [String]

        init(_ path: String) {
            bytes = FileManager.default.contents(atPath: path)
            sideFiles = ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: path + $0) }
        }
    }

    /// Whether `error` is ``StoreError/notAnIndex(path:reason:)`` for `path`, described with the path.
    private static func isNotAnIndex(_ error: any Error, path: String, reasonContains fragment: String? = nil) -> Bool {
        guard case StoreError.notAnIndex(let errorPath, let reason) = error, errorPath == path else { return false }
        let description = "\(error)"
        guard description.contains(path), description.contains("is not a newsearch index") else { return false }
        return fragment.map { reason.contains($0) } ?? true
    }

    /// Opens `path` writable, read-only and writable with rebuild, expecting each to be refused as not an index.
    private func expectRefusedEveryWay(_ path: String, reasonContains fragment: String? = nil,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) { try SearchIndex(path: path) } throws: { error in
            Self.isNotAnIndex(error, path: path, reasonContains: fragment)
        }
        #expect(sourceLocation: sourceLocation) { try SearchIndex(path: path, readOnly: true) } throws: { error in
            Self.isNotAnIndex(error, path: path, reasonContains: fragment)
        }
        #expect(sourceLocation: sourceLocation) { try SearchIndex(path: path, rebuild: true) } throws: { error in
            Self.isNotAnIndex(error, path: path, reasonContains: fragment)
        }
        #expect(sourceLocation: sourceLocation) {
            try SearchIndex(path: path, dictionary: UserDictionary(words: ["欠薪"]), rebuild: true)
        } throws: { error in
            Self.isNotAnIndex(error, path: path, reasonContains: fragment)
        }
    }

    // MARK: - 1. An app's database

    @Test func anAppDatabaseIsRefusedEveryWayAndLeftByteForByte() throws {
        let path = try appDatabase()
        let before = Snapshot(path)
        #expect(before.bytes != nil && before.sideFiles.isEmpty)
        expectRefusedEveryWay(path, reasonContains: "documents")
        let after = Snapshot(path)
        #expect(after.bytes == before.bytes, "the app database's bytes changed")
        #expect(after.sideFiles.isEmpty, "side files appeared: \(after.sideFiles)")
        #expect(try integer(path, "SELECT count(*) FROM documents") == 500)
        #expect(try integer(path, "SELECT count(*) FROM meta") == 2)
        #expect(try tables(path) == ["documents", "meta"])
        #expect(try integer(path, "PRAGMA application_id") == 0)
    }

    /// The explicit way to keep the index in the app's own database: beside the app's tables, which stay as they
    /// were, and under the app's own application id.
    @Test func anAppDatabaseHoldsTheIndexWhenAskedExplicitly() throws {
        let path = try appDatabase()
        try execute(path, "PRAGMA application_id = 1234")
        let appRows = try integer(path, "SELECT sum(length(title) + length(body) * id) FROM documents")
        try folder.write("news/a.md", "---\ntitle: 快递员欠薪\n---\n<p>外卖骑手的社保与欠薪问题。</p>")
        do {
            let index = try SearchIndex(path: path, inAppDatabase: true)
            #expect(try index.index([folder.path + "/news"]).added == 1)
            try index.add(Article(title: "应用里的稿件", body: "欠薪"), path: "app://1")
            #expect(try index.search("欠薪").total == 2)
        }
        #expect(try integer(path, "SELECT count(*) FROM documents") == 500)
        #expect(try integer(path, "SELECT sum(length(title) + length(body) * id) FROM documents") == appRows)
        #expect(try integer(path, "SELECT count(*) FROM meta") == 2)
        #expect(try integer(path, "PRAGMA application_id") == 1234)
        let names = try tables(path)
        #expect(names.filter { !$0.hasPrefix("newsearch_") } == ["documents", "meta"], "\(names)")
        #expect(try SearchIndex(path: path, readOnly: true, inAppDatabase: true).search("欠薪").total == 2)
        // Without the option it is still an app's database, refused, and the refusal says how to open it.
        #expect { try SearchIndex(path: path, readOnly: true) } throws: { error in
            Self.isNotAnIndex(error, path: path, reasonContains: "inAppDatabase: true")
        }
        // Rebuilding drops newsearch's tables only.
        #expect(try SearchIndex(path: path, rebuild: true, inAppDatabase: true).count() == 0)
        #expect(try integer(path, "SELECT count(*) FROM documents") == 500)
    }

    @Test func theRefusalNamesTheFileAndItsTables() throws {
        let path = try appDatabase()
        do {
            _ = try SearchIndex(path: path)
            Issue.record("an app database was opened as an index")
        } catch let error as StoreError {
            let description = "\(error)"
            #expect(description.contains(path))
            #expect(description.contains("not a newsearch index"))
            #expect(description.contains("documents") && description.contains("meta"))
            #expect(description.contains("open another file"))
            #expect(!description.contains("--index"), "the library's words, not the command line's")
        }
    }

    /// An app database kept in WAL mode: opening it must not change it either, nor leave side files behind.
    @Test func anAppDatabaseInWALModeIsRefusedAndLeftAsItWas() throws {
        let path = try appDatabase(journal: "WAL")
        let before = Snapshot(path)
        #expect(before.bytes != nil && before.sideFiles.isEmpty)
        expectRefusedEveryWay(path, reasonContains: "documents")
        let after = Snapshot(path)
        #expect(after.bytes == before.bytes, "the app database's bytes changed")
        #expect(after.sideFiles.isEmpty, "side files left behind: \(after.sideFiles)")
        #expect(try integer(path, "SELECT count(*) FROM documents") == 500)
    }

    /// An app database that happens to have tables called meta, documents and fts (the first layout's names),
    /// but is not a first-layout index, is refused as not an index, not taken for an old index nor failing in SQL.
    @Test(arguments: [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('app_version', '3');",
        "CREATE TABLE meta (name TEXT, setting TEXT); INSERT INTO meta VALUES ('analyzer_version', '2');",
    ])
    func anAppDatabaseWithTheFirstLayoutsTableNamesIsRefused(metaTable: String) throws {
        let path = folder.path + "/lookalike.db"
        try execute(path, """
            \(metaTable)
            CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, body TEXT);
            INSERT INTO documents (title, body) VALUES ('t', 'b');
            CREATE TABLE fts (id INTEGER PRIMARY KEY, words TEXT);
            """)
        let before = Snapshot(path)
        expectRefusedEveryWay(path)
        #expect(Snapshot(path) == before)
        #expect(try tables(path) == ["documents", "fts", "meta"])
    }

    /// Newsearch's tables may share a file with an app's only when the file is already newsearch's: an app
    /// database is refused even when it has no table whose name newsearch uses.
    @Test func anAppDatabaseWithUnrelatedTablesIsRefused() throws {
        let path = folder.path + "/notes.db"
        try execute(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x');")
        let before = Snapshot(path)
        expectRefusedEveryWay(path, reasonContains: "notes")
        #expect(Snapshot(path) == before)
    }

    // MARK: - 2. Not a database, another application's database

    @Test(arguments: [
        "not-a-database.txt: 这不是数据库，只是一段文字。\n",
        String(repeating: "上海市邮政管理局网站2月15日消息，加大处置欠薪力度。\n", count: 400),
    ])
    func aTextFileIsRefusedAndLeftAsItWas(text: String) throws {
        let path = try folder.write("notes.txt", text)
        let before = Snapshot(path)
        expectRefusedEveryWay(path, reasonContains: "not an SQLite database")
        let after = Snapshot(path)
        #expect(after.bytes == Data(text.utf8))
        #expect(after.sideFiles.isEmpty, "side files appeared: \(after.sideFiles)")
        #expect(after == before)
    }

    @Test func anArticleGivenAsTheIndexIsRefusedAndLeftAsItWas() throws {
        let article = try Fixtures.bytes("000_seed.md")
        let path = try folder.write("000_seed.md", article)
        expectRefusedEveryWay(path, reasonContains: "not an SQLite database")
        #expect(Snapshot(path).bytes == article)
        #expect(Snapshot(path).sideFiles.isEmpty)
    }

    @Test func aDatabaseWithAnotherApplicationIDIsRefused() throws {
        let path = folder.path + "/other.db"
        try execute(path, """
            PRAGMA application_id = 1234567;
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);
            INSERT INTO items (name) VALUES ('a'), ('b');
            """)
        let before = Snapshot(path)
        expectRefusedEveryWay(path)
        #expect(Snapshot(path) == before)
        #expect(try integer(path, "PRAGMA application_id") == 1_234_567)
        #expect(try integer(path, "SELECT count(*) FROM items") == 2)
    }

    /// Another application's file that has no tables yet is still that application's, not an empty file.
    @Test func aTablelessDatabaseWithAnotherApplicationIDIsRefused() throws {
        let path = folder.path + "/other-empty.db"
        try execute(path, "PRAGMA application_id = 42; PRAGMA user_version = 7;")
        let before = Snapshot(path)
        #expect(before.bytes?.isEmpty == false)
        expectRefusedEveryWay(path, reasonContains: "application_id is 42")
        #expect(Snapshot(path) == before)
        #expect(try tables(path).isEmpty)
    }

    // MARK: - 3. An empty file

    @Test func aZeroByteFileBecomesAnIndex() throws {
        let path = try folder.write("empty.db", Data())
        try folder.write("news/a.md", "---\ntitle: 快递员欠薪\n---\n<p>外卖骑手的社保与欠薪问题。</p>")
        do {
            let index = try SearchIndex(path: path)
            #expect(try index.index([folder.path + "/news"]).added == 1)
            #expect(try index.search("欠薪").total == 1)
        }
        #expect(try integer(path, "PRAGMA application_id") == 1_852_143_475)
        #expect(IndexSchema.applicationID == 1_852_143_475)
        #expect(try tables(path).contains("newsearch_documents"))
        let reader = try SearchIndex(path: path, readOnly: true)
        #expect(try reader.count() == 1)
        #expect(try reader.search("欠薪").hits.first?.path.hasSuffix("news/a.md") == true)
    }

    @Test func aZeroByteFileOpenedReadOnlyIsNoIndexAndStaysEmpty() throws {
        let path = try folder.write("empty.db", Data())
        #expect(throws: StoreError.indexNotFound(path)) { try SearchIndex(path: path, readOnly: true) }
        #expect(Snapshot(path).bytes == Data())
        #expect(Snapshot(path).sideFiles.isEmpty)
    }

    @Test func aMissingFileOpenedReadOnlyIsNoIndexAndIsNotCreated() throws {
        let path = folder.path + "/missing.db"
        #expect(throws: StoreError.indexNotFound(path)) { try SearchIndex(path: path, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    // MARK: - 4. An index of the first layout

    /// The tables of a first-layout index (schema version 1). `fts` is an ordinary table here: the classifier looks
    /// only at table names and the `analyzer_version` key.
    private func firstLayoutIndex() throws -> String {
        let path = folder.path + "/old.db"
        try execute(path, """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO meta (key, value) VALUES ('analyzer_version', '2'), ('schema_version', '1');
            CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                                    body TEXT NOT NULL, content_hash TEXT NOT NULL);
            INSERT INTO documents (path, title, body, content_hash) VALUES ('news/old.md', '旧', '旧文', 'x');
            CREATE TABLE fts (title TEXT, body TEXT);
            """)
        return path
    }

    @Test func aFirstLayoutIndexIsAnOlderIndexUnlessRebuilt() throws {
        let path = try firstLayoutIndex()
        let before = Snapshot(path)
        #expect(throws: StoreError.olderIndex(path)) { try SearchIndex(path: path) }
        #expect(throws: StoreError.olderIndex(path)) { try SearchIndex(path: path, readOnly: true) }
        #expect(throws: StoreError.olderIndex(path)) { try SearchIndex(path: path, readOnly: true, rebuild: true) }
        #expect("\(StoreError.olderIndex(path))".contains(path))
        #expect("\(StoreError.olderIndex(path))".contains("rebuild: true"))
        #expect(Snapshot(path) == before, "refusing the older index changed it")
        #expect(try tables(path) == ["documents", "fts", "meta"])
    }

    @Test func rebuildingAFirstLayoutIndexReplacesItsTables() throws {
        let path = try firstLayoutIndex()
        try folder.write("news/a.md", "---\ntitle: 快递员欠薪\n---\n<p>外卖骑手的社保与欠薪问题。</p>")
        do {
            let index = try SearchIndex(path: path, rebuild: true)
            #expect(try index.count() == 0)
            #expect(try index.index([folder.path + "/news"]).added == 1)
        }
        let names = try tables(path)
        #expect(!names.contains("meta") && !names.contains("documents") && !names.contains("fts"), "\(names)")
        for table in [IndexSchema.meta, IndexSchema.documents, IndexSchema.statistics, IndexSchema.fts] {
            #expect(names.contains(table), "\(table) missing from \(names)")
        }
        #expect(names.allSatisfy { $0.hasPrefix("newsearch_") }, "\(names)")
        #expect(try integer(path, "PRAGMA application_id") == IndexSchema.applicationID)
        let reader = try SearchIndex(path: path, readOnly: true)
        #expect(try reader.count() == 1)
        #expect(try reader.search("欠薪").total == 1)
        #expect(try SearchIndex(path: path).count() == 1)
    }

    /// Schema version 2 stored paths relative to the folder `index` ran in: reading it as version 3 would make
    /// every article a second copy, so it asks to be rebuilt.
    @Test func aSecondLayoutIndexIsAnOlderIndexUnlessRebuilt() throws {
        let path = folder.path + "/index.db"
        try folder.write("news/a.md", "---\ntitle: 快递员欠薪\n---\n<p>外卖骑手的社保与欠薪问题。</p>")
        try SearchIndex(path: path).index([folder.path + "/news"])
        try execute(path, "UPDATE \(IndexSchema.meta) SET value = '2' WHERE key = 'schema_version'")
        #expect(throws: StoreError.olderIndex(path)) { try SearchIndex(path: path) }
        #expect(throws: StoreError.olderIndex(path)) { try SearchIndex(path: path, readOnly: true) }
        let rebuilt = try SearchIndex(path: path, rebuild: true)
        #expect(try rebuilt.count() == 0)
        #expect(try rebuilt.index([folder.path + "/news"]).added == 1)
        #expect(try SearchIndex(path: path, readOnly: true).search("欠薪").total == 1)
    }

    // MARK: - A newsearch index is still opened

    @Test func aNewsearchIndexReopensEveryWay() throws {
        let path = folder.path + "/index.db"
        try folder.write("news/a.md", "---\ntitle: 快递员欠薪\n---\n<p>外卖骑手的社保与欠薪问题。</p>")
        try SearchIndex(path: path).index([folder.path + "/news"])
        #expect(try SearchIndex(path: path, readOnly: true).count() == 1)
        #expect(try SearchIndex(path: path).count() == 1)
        #expect(try SearchIndex(path: path, rebuild: true).count() == 0)
    }
}

import Foundation

/// The index file: a documents table, an FTS5 table over its title and body, and the analysis stamp.
///
/// ```sql
/// documents(id, path UNIQUE, title, author, categories JSON, date ISO-8601, body, images JSON, content_hash)
/// fts USING fts5(title, body, content='documents', content_rowid='id', tokenize='newsearch')
/// ```
/// The FTS5 table keeps no second copy of the text (external content); snippets read it from `documents`.
final class IndexStore {
    /// Bumped when the tables change shape.
    static let schemaVersion = 1

    let database: Database
    let host: TokenizerHost
    /// The stamp of the analysis this store's tokenizer applies.
    let stamp: AnalysisStamp
    /// Set when a read-only store's index was built under another stamp: its answers may be wrong.
    private(set) var stampMismatch: SearchError?

    /// Opens the index at `path`. A writable store creates the file and its tables when missing.
    ///
    /// - Parameters:
    ///   - dictionary: the user dictionary to apply; nil keeps the one the index was built with (none for a new one).
    ///   - rebuild: empty a writable index first, so that it can take a new analysis stamp.
    /// - Throws: ``SearchError/indexNotFound(_:)`` when a read-only store has no file at `path`;
    ///   ``SearchError/analysisMismatch(path:index:current:)`` when a writable index holds documents analysed
    ///   under another stamp and `rebuild` is false.
    init(path: String, writable: Bool, dictionary: UserDictionary? = nil, rebuild: Bool = false) throws {
        if !writable, path != ":memory:", !FileManager.default.fileExists(atPath: path) {
            throw SearchError.indexNotFound(path)
        }
        database = try Database(path: path, readOnly: !writable)
        let meta = try IndexStore.readMeta(database)
        let stored = AnalysisStamp(meta: meta)
        let effective = dictionary ?? meta["dictionary"].map { UserDictionary(words: $0.components(separatedBy: "\n")) }
            ?? .empty
        stamp = AnalysisStamp.current(dictionary: effective)
        host = TokenizerHost(dictionary: effective)
        try FTS5Tokenizer.register(on: database, host: host)
        try FTS5RankFunction.register(on: database)
        guard writable else {
            if let stored, stored != stamp { stampMismatch = .analysisMismatch(path: path, index: stored, current: stamp) }
            return
        }
        if let stored, stored != stamp, !rebuild, try IndexStore.documentCount(database) > 0 {
            throw SearchError.analysisMismatch(path: path, index: stored, current: stamp)
        }
        if rebuild || stored != stamp { try database.execute("DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS documents;") }
        try createSchema(dictionary: effective)
        writes = try Writes(database)
    }

    private static func readMeta(_ database: Database) throws -> [String: String] {
        guard try database.hasTable("meta") else { return [:] }
        let statement = try database.prepare("SELECT key, value FROM meta")
        var meta: [String: String] = [:]
        while try statement.step() { meta[statement.text(0) ?? ""] = statement.text(1) ?? "" }
        return meta
    }

    /// The number of stored documents; 0 before the table exists.
    private static func documentCount(_ database: Database) throws -> Int {
        guard try database.hasTable("documents") else { return 0 }
        let statement = try database.prepare("SELECT count(*) FROM documents")
        return try statement.step() ? Int(statement.int64(0)) : 0
    }

    private func createSchema(dictionary: UserDictionary) throws {
        try database.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -65536;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS documents (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                author TEXT,
                categories TEXT NOT NULL DEFAULT '[]',
                date TEXT,
                body TEXT NOT NULL,
                images TEXT NOT NULL DEFAULT '{}',
                content_hash TEXT NOT NULL
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
                title, body, content = 'documents', content_rowid = 'id', tokenize = '\(FTS5Tokenizer.name)'
            );
            """)
        let entries = [("schema_version", "\(IndexStore.schemaVersion)"),
                       ("dictionary", dictionary.words.joined(separator: "\n"))] + stamp.metaEntries
        let statement = try database.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
        try database.transaction {
            for (key, value) in entries { try statement.bind(.text(key), .text(value)).run() }
        }
    }

    /// Every stored document: its path, row id and content hash.
    func storedDocuments() throws -> [String: (id: Int64, hash: String)] {
        let statement = try database.prepare("SELECT path, id, content_hash FROM documents")
        var result: [String: (id: Int64, hash: String)] = [:]
        while try statement.step() {
            result[statement.text(0) ?? ""] = (statement.int64(1), statement.text(2) ?? "")
        }
        return result
    }

    /// The statements that change the index, compiled once for a writable store.
    private struct Writes {
        let insertDocument: Statement
        let insertText: Statement
        let deleteText: Statement
        let deleteDocument: Statement

        init(_ database: Database) throws {
            insertDocument = try database.prepare("""
                INSERT INTO documents (path, title, author, categories, date, body, images, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertText = try database.prepare("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)")
            deleteText = try database.prepare("""
                INSERT INTO fts (fts, rowid, title, body) SELECT 'delete', id, title, body FROM documents WHERE id = ?
                """)
            deleteDocument = try database.prepare("DELETE FROM documents WHERE id = ?")
        }
    }

    private var writes: Writes?

    /// The stored documents among `paths`: their row ids and content hashes.
    func storedDocuments(paths: [String]) throws -> [String: (id: Int64, hash: String)] {
        let statement = try database.prepare("SELECT id, content_hash FROM documents WHERE path = ?")
        var result: [String: (id: Int64, hash: String)] = [:]
        for path in paths where try statement.bind(.text(path)).step() {
            result[path] = (statement.int64(0), statement.text(1) ?? "")
        }
        return result
    }

    /// The row id of the document stored under `path`, if any.
    func documentID(path: String) throws -> Int64? {
        try storedDocuments(paths: [path])[path]?.id
    }

    /// The number of stored documents.
    func documentCount() throws -> Int {
        try IndexStore.documentCount(database)
    }

    /// Stores a prepared article and indexes its text with the tokens analysed ahead of time.
    func insert(_ prepared: PreparedArticle) throws {
        let article = prepared.article
        guard let writes else { preconditionFailure("insert into a read-only index store") }
        try writes.insertDocument.bind(
            .text(prepared.path), .text(article.title), .optionalText(article.author),
            .text(prepared.categoriesJSON), .optionalText(prepared.dateText),
            .text(article.body), .text(prepared.imagesJSON), .text(prepared.contentHash)
        ).run()
        let id = database.lastInsertRowID
        host.offer(article.title, tokens: prepared.titleTokens)
        host.offer(article.body, tokens: prepared.bodyTokens)
        defer { host.clear() }
        try writes.insertText.bind(.integer(id), .text(article.title), .text(article.body)).run()
    }

    /// Removes a document and its index entries.
    func delete(id: Int64) throws {
        guard let writes else { preconditionFailure("delete from a read-only index store") }
        try writes.deleteText.bind(.integer(id)).run()
        try writes.deleteDocument.bind(.integer(id)).run()
    }
}

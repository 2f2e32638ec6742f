import BenchmarkSupport
import Foundation
import NewSearch

/// One of the indexes compared: it builds a file from extracted articles, then answers queries on it.
protocol Engine {
    var label: String { get }
    var fileName: String { get }
    /// Opens a new index at `path`, indexes `articles` and closes it.
    func build(_ articles: [(path: String, article: Article)], at path: String) throws
    func openSearcher(at path: String) throws -> any Searcher
}

protocol Searcher {
    /// Runs `query` as a search page: counts every hit and fetches the 10 best with a highlighted title and a
    /// snippet of the body. Returns the number of hits.
    func search(_ query: String) throws -> Int
    /// The paths of every hit, unranked and without snippets: the cost of matching alone.
    func paths(_ query: String) throws -> [String]
}

// MARK: newsearch

/// newsearch through its public API: `add(contentsOf:)` analyses on all cores while one writer stores.
struct NewsearchEngine: Engine {
    let label = "newsearch"
    let fileName = "newsearch"

    func build(_ articles: [(path: String, article: Article)], at path: String) throws {
        let index = try SearchIndex(path: path)
        let report = try index.add(contentsOf: articles)
        require(report.added == articles.count, "newsearch added \(report.added) of \(articles.count) articles")
    }

    func openSearcher(at path: String) throws -> any Searcher {
        NewsearchSearcher(index: try SearchIndex(path: path, readOnly: true))
    }
}

struct NewsearchSearcher: Searcher {
    let index: SearchIndex

    func search(_ query: String) throws -> Int {
        let results = try index.search(query, limit: 10)
        require(results.hits.count == min(10, results.total), "newsearch \(query): \(results.hits.count) hits shown")
        return results.total
    }

    func paths(_ query: String) throws -> [String] {
        try index.paths(matching: query)
    }
}

// MARK: SQLite FTS5 with a built-in tokenizer

/// The same layout as newsearch's, with one of FTS5's own tokenizers: a documents table and an external-content
/// FTS5 table over its title and body; WAL, `synchronous = NORMAL` and a 64 MB page cache as newsearch sets them;
/// 256 articles per transaction as newsearch writes them. Single-threaded, as SQLite indexes.
struct FTS5Engine: Engine {
    static let articlesPerTransaction = 256

    let tokenizer: String
    var label: String { "FTS5 \(tokenizer)" }
    var fileName: String { "fts5-\(tokenizer)" }

    func build(_ articles: [(path: String, article: Article)], at path: String) throws {
        let connection = try Connection(path: path)
        try connection.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -65536;
            CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
                                    body TEXT NOT NULL);
            CREATE VIRTUAL TABLE fts USING fts5(title, body, content = 'documents', content_rowid = 'id',
                                                tokenize = '\(tokenizer)');
            """)
        let insertDocument = try connection.prepare("INSERT INTO documents (path, title, body) VALUES (?, ?, ?)")
        let insertText = try connection.prepare("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)")
        for chunkStart in stride(from: 0, to: articles.count, by: Self.articlesPerTransaction) {
            let chunk = articles[chunkStart ..< min(chunkStart + Self.articlesPerTransaction, articles.count)]
            try connection.execute("BEGIN IMMEDIATE")
            for (path, article) in chunk {
                try insertDocument.withBound([path, article.title, article.body]) { _ = try $0.step() }
                try insertText.withBound(integer: connection.lastInsertRowID, [article.title, article.body]) {
                    _ = try $0.step()
                }
            }
            try connection.execute("COMMIT")
        }
    }

    func openSearcher(at path: String) throws -> any Searcher {
        let connection = try Connection(path: path, readOnly: true)
        return FTS5Searcher(
            connection: connection,
            paths: try connection.prepare("""
                SELECT d.path FROM fts JOIN documents AS d ON d.id = fts.rowid WHERE fts MATCH ?1 ORDER BY d.id
                """),
            count: try connection.prepare("SELECT count(*) FROM fts WHERE fts MATCH ?1"),
            page: try connection.prepare("""
                SELECT d.path, highlight(fts, 0, '[', ']'), snippet(fts, 1, '[', ']', '…', 32),
                       bm25(fts, 5.0, 1.0) AS score
                FROM fts JOIN documents AS d ON d.id = fts.rowid
                WHERE fts MATCH ?1
                ORDER BY score, d.id
                LIMIT 10
                """))
    }
}

struct FTS5Searcher: Searcher {
    let connection: Connection
    let paths: Statement
    let count: Statement
    let page: Statement

    /// The query as FTS5 syntax: each space-separated term one quoted string (quotes doubled), all required.
    static func expression(_ query: String) -> String {
        query.split(separator: " ").map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " ")
    }

    func search(_ query: String) throws -> Int {
        let expression = Self.expression(query)
        let total = try count.withBound([expression]) { try $0.step() ? Int($0.int64(0)) : 0 }
        var shown = 0
        try page.withBound([expression]) { page in
            while try page.step() {
                shown += 1
                _ = page.text(1)
                _ = page.text(2)
            }
        }
        require(shown == min(10, total), "FTS5 \(query): \(shown) hits shown of \(total)")
        return total
    }

    func paths(_ query: String) throws -> [String] {
        try paths.withBound([Self.expression(query)]) { statement in
            var found: [String] = []
            while try statement.step() { found.append(statement.text(0) ?? "") }
            return found
        }
    }
}

// Built with the package trait "GRDB" only: without it this module is empty and GRDB.swift is not fetched.
#if GRDB
import GRDB
import NewSearch

extension Database {
    /// Registers newsearch's `newsearch` FTS5 tokenizer, `newsearch_rank` ranking function and `newsearch_text`
    /// function (a newsearch index's bodies, as its `newsearch_articles` view reads them) on this connection
    /// (see `SQLiteExtension.register(on:dictionary:)` in NewSearch). Prefer
    /// ``GRDB/Configuration/registerNewSearch(dictionary:)``, which does it on every connection a queue or pool opens.
    /// - Parameter dictionary: the user dictionary to segment with; nil takes the newsearch index's own when the
    ///   database holds one, else none.
    public func registerNewSearch(dictionary: UserDictionary? = nil) throws {
        guard let connection = sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed")
        }
        try SQLiteExtension.register(on: connection, dictionary: dictionary)
    }
}

extension Configuration {
    /// Registers newsearch on every connection of the `DatabaseQueue` or `DatabasePool` made with this
    /// configuration, the pool's readers included.
    public mutating func registerNewSearch(dictionary: UserDictionary? = nil) {
        prepareDatabase { db in try db.registerNewSearch(dictionary: dictionary) }
    }
}

extension FTS5TokenizerDescriptor {
    /// The `newsearch` tokenizer: `t.tokenizer = .newsearch` in `db.create(virtualTable:using: FTS5())`.
    public static let newsearch = FTS5TokenizerDescriptor(components: [SQLiteExtension.tokenizerName])
}

extension FTS5Pattern {
    /// A query in newsearch's language (terms, `"phrases"`, `-exclusions`, `OR`, `title:`), for
    /// `matching(_:)` and `MATCH ?`; nil when it has nothing to match. Any user text is a valid pattern.
    /// - Parameters:
    ///   - query: the user's text, in newsearch's query language.
    ///   - allowedColumns: the table's columns, when the query may name them (`title:…`).
    ///   - dictionary: the user dictionary of the table's tokenizer.
    public init?(newsearchQuery query: String, allowedColumns: [String] = [], dictionary: UserDictionary = .empty) throws {
        guard let expression = try SQLiteExtension.match(query, dictionary: dictionary).expression else { return nil }
        try self.init(rawPattern: expression, allowedColumns: allowedColumns)
    }
}
#endif

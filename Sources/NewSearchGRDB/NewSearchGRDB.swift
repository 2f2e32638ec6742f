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

/// Why a query in newsearch's language gives no FTS5 pattern.
public enum NewSearchPatternError: Error, Equatable, CustomStringConvertible {
    /// The query has no text to match: empty, only punctuation, or only exclusions (`-广告`).
    case nothingToMatch(query: String)
    /// The query confines a term to a column the table does not have (`title:` on a table without `title`).
    case unknownColumn(String, columns: [String])

    public var description: String {
        switch self {
        case .nothingToMatch(let query):
            return "\"\(query)\" has nothing to match: give a word or a phrase"
        case .unknownColumn(let column, let columns):
            return "the query names the column \(column), which the table does not have (its columns: "
                + columns.joined(separator: ", ") + ")"
        }
    }
}

extension FTS5Pattern {
    /// A query in newsearch's language (terms, `"phrases"`, `-exclusions`, `OR`, `title:`), for
    /// `matching(_:)` and `MATCH ?`. Any user text reads as a query; it throws, and only throws, when the query
    /// has nothing to match or names a column the table lacks, each with a sentence (``NewSearchPatternError``).
    /// - Parameters:
    ///   - query: the user's text, in newsearch's query language.
    ///   - allowedColumns: the table's columns: a query that confines a term to another is refused
    ///     (``NewSearchPatternError/unknownColumn(_:columns:)``). nil allows the columns newsearch knows (`title`,
    ///     `body`), which a table must then have for `title:` or `body:` to match.
    ///   - dictionary: the user dictionary of the table's tokenizer.
    /// - Throws: ``NewSearchPatternError``; an `AnalysisError` when ICU cannot be loaded.
    public init(newsearchQuery query: String, allowedColumns: [String]? = nil,
                dictionary: UserDictionary = .empty) throws {
        let match = try SQLiteExtension.match(query, dictionary: dictionary)
        guard let expression = match.expression else { throw NewSearchPatternError.nothingToMatch(query: query) }
        let columns = allowedColumns ?? match.columns
        if let unknown = match.columns.first(where: { !columns.contains($0) }) {
            throw NewSearchPatternError.unknownColumn(unknown, columns: columns)
        }
        try self.init(rawPattern: expression, allowedColumns: columns)
    }
}
#endif

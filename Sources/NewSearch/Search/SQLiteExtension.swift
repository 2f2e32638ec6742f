/// newsearch on an SQLite connection an app owns: the `newsearch` FTS5 tokenizer, the `newsearch_rank` ranking
/// function and the query language, for the app's own FTS5 tables (or for reading a newsearch index with the
/// app's own SQLite code, GRDB among it: see the `NewSearchGRDB` product).
///
/// ```swift
/// try SQLiteExtension.register(on: connection)              // once per connection, readers included
/// // CREATE VIRTUAL TABLE story USING fts5(title, body, tokenize = 'newsearch');
/// let match = SQLiteExtension.match("快递员 社会保险")
/// // SELECT title FROM story WHERE story MATCH ?1 ORDER BY newsearch_rank(story) DESC   -- ?1: match.expression
/// ```
///
/// `newsearch_rank(table)` scores a row of any FTS5 table as newsearch ranks its own hits (``RelevanceModel``):
/// BM25F per term, the first column weighing as a title and the others as a body;
/// lengths come from FTS5's own counts. It sees no word boundaries, so it has neither the raise for word-aligned
/// matches nor the one for terms close together, which newsearch's own search adds to its best candidates in a
/// second phase (``SearchIndex/search(_:options:)-54f49``). It returns NULL for a row that is no hit after all
/// (a `term*` matched only inside a word); higher is better.
public enum SQLiteExtension {
    /// The tokenizer's name, for `tokenize = 'newsearch'`.
    public static let tokenizerName = FTS5Tokenizer.name
    /// The ranking function's name: `newsearch_rank(table)`.
    public static let rankFunctionName = FTS5RankFunction.name
    /// The query function's name: `newsearch_query(text)`, the MATCH text of a query in newsearch's language
    /// (what ``match(_:dictionary:)`` gives as its expression; NULL when it has none).
    public static let queryFunctionName = QueryFunction.name

    /// The analyzers ``match(_:dictionary:)`` compiles with, kept between calls.
    private static let analyzers = AnalyzerPool()

    /// Registers the `newsearch` tokenizer, the `newsearch_rank` and `newsearch_query` functions, the `newsearch_text` function (which
    /// reads a newsearch index's stored bodies, as its `newsearch_articles` view does) and the `newsearch_figure` and
    /// `newsearch_series` functions (which a newsearch index's delete trigger calls) on `connection`, an
    /// `sqlite3 *` the app opened and keeps (newsearch never configures or closes it). Call it on every connection
    /// that reads or writes a table using the tokenizer: FTS5 tokenizes queries, inserts and deletes alike.
    ///
    /// - Parameters:
    ///   - connection: the app's `sqlite3 *`, such as GRDB's `Database.sqliteConnection`.
    ///   - dictionary: the user dictionary to segment with. nil takes the one of the newsearch index in the
    ///     connection's database (`newsearch_meta`), if there is one, else none: a table must always be read with
    ///     the dictionary it was written with.
    /// - Throws: ``StoreError/olderIndex(_:)`` when the connection's database holds a newsearch index made by an
    ///   older newsearch (rebuild it first); ``SQLiteError`` when the SQLite in use has no FTS5; ``AnalysisError``
    ///   when ICU cannot be loaded.
    public static func register(on connection: OpaquePointer, dictionary: UserDictionary? = nil) throws {
        let database = Database(borrowing: connection)
        try IndexStore.requireCurrentLayout(in: database)
        let dictionary = try dictionary ?? IndexStore.storedDictionary(in: database) ?? .empty
        // The tokenizer makes its analyzers when a table first uses it, inside SQLite, where an error could only be
        // a result code: making one here reports a missing ICU to the caller now, as AnalysisError.
        _ = try Analyzer(dictionary: dictionary)
        try StoredTextFunction.register(on: database, decompressor: IndexStore.makeDecompressor())
        try FTS5Tokenizer.register(on: database, host: TokenizerHost(dictionary: dictionary))
        try FTS5RankFunction.register(on: database, environment: RankingEnvironment())
        try FigureFunction.register(on: database)
        try QueryFunction.register(on: database, dictionary: dictionary)
    }

    /// A query in newsearch's language (see ``QueryParser``) as the text of an FTS5 `MATCH`, which is valid FTS5
    /// whatever the user typed: every term is a quoted string.
    public struct Match: Sendable, Equatable {
        /// The MATCH text; nil when the query has no text to match (empty, punctuation, only exclusions).
        public var expression: String?
        /// The columns the expression names (`title`, `body`), sorted: the table must have them.
        public var columns: [String] = []
        /// What of the query was read literally or ignored, with its position. Author, category and date
        /// conditions apply to a newsearch index's own metadata only, so here they are ignored with a warning.
        public var warnings: [QueryWarning]
    }

    /// `query` compiled for the `MATCH` of a table that uses the `newsearch` tokenizer with `dictionary`.
    /// Column conditions (`title:…`, `body:…`) name the columns `title` and `body`.
    public static func match(_ query: String, dictionary: UserDictionary = .empty) throws -> Match {
        let parsed = QueryParser.parse(query)
        let plan = try analyzers.withAnalyzer(dictionary: dictionary) { QueryCompiler.compile(parsed, analyzer: $0) }
        var warnings = plan.warnings
        if !plan.filters.isEmpty {
            warnings.append(QueryWarning(position: 0, message: "author, category and date conditions apply to a "
                                             + "newsearch index only: ignored in an FTS5 expression"))
        }
        return Match(expression: plan.match?.text, columns: (plan.match?.columnNames ?? []).sorted(),
                     warnings: warnings)
    }
}

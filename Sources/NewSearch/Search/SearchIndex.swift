import Foundation

/// A newsearch index: build it from folders of articles, then search it.
///
/// ```swift
/// let index = try SearchIndex(path: "newsearch.db")
/// let report = try index.index(["corpus"])
/// let results = try index.search("快递员 社会保险", limit: 5)
/// print(results.hits.first?.title.text ?? "no hit")
/// ```
/// Not thread-safe: use one `SearchIndex` per thread (SQLite lets several open the same file).
public final class SearchIndex {
    /// The file name used when no path is given.
    public static let defaultPath = "newsearch.db"

    /// The version of the SQLite library newsearch runs on, such as "3.40.1".
    public static var sqliteVersion: String { Database.libraryVersion }

    private let store: IndexStore
    private let analyzer: Analyzer
    private lazy var searcher = Searcher(store: store, analyzer: analyzer)

    /// Opens the index at `path`, creating it when `readOnly` is false.
    ///
    /// - Parameters:
    ///   - dictionary: a user dictionary to segment with; nil keeps the one the index was built with. Queries
    ///     always use the index's own dictionary, so they segment exactly as the articles were.
    ///   - rebuild: empty the index first (writable only), so that it can take a new dictionary or analyzer.
    /// - Throws: ``StoreError`` for a missing read-only index, a file that is not a newsearch index (left as it
    ///   is), an index of an older newsearch, or one built with another analysis when `rebuild` is false;
    ///   ``SQLiteError``; ``AnalysisError`` when ICU cannot be loaded.
    public init(path: String = SearchIndex.defaultPath, readOnly: Bool = false,
                dictionary: UserDictionary? = nil, rebuild: Bool = false) throws {
        store = try IndexStore(path: path, writable: !readOnly, dictionary: dictionary, rebuild: rebuild)
        analyzer = try Analyzer(dictionary: store.host.dictionary)
    }

    /// The user dictionary this index segments with.
    public var dictionary: UserDictionary { store.host.dictionary }

    /// The analysis this index applies.
    public var stamp: AnalysisStamp { store.stamp }

    /// For an index opened read-only: why its tokens may not match this build's (it was built with another
    /// analyzer, ICU or dictionary), or nil when all is well. Rebuilding the index clears it.
    public var analysisWarning: StoreError? { store.stampMismatch }

    /// Brings the index up to date with every article under `roots` (folders, searched recursively, or files).
    ///
    /// New files are added, changed ones indexed again, unchanged ones skipped, and stored articles under a root
    /// whose file is gone are removed. Files that are not articles are reported, never fatal.
    /// - Parameter progress: called after each chunk of files, on the calling thread.
    /// - Throws: ``DocumentError/notFound(_:)`` for a missing root (before any change); ``SQLiteError``.
    /// - Complexity: O(total size of the files), spread over all cores.
    @discardableResult
    public func index(_ roots: [String], progress: (IndexProgress) -> Void = { _ in }) throws -> IndexReport {
        try Indexer(store: store).index(roots, progress: progress)
    }

    /// Adds `article` under the key `path`, replacing the article stored under that path, if any.
    ///
    /// For apps that hold articles in memory rather than in files; `path` is what hits report as their path.
    /// - Complexity: O(size of the article).
    public func add(_ article: Article, path: String) throws {
        try add(contentsOf: [(path, article)])
    }

    /// Adds many articles, each under its key `path`, analysing them on all cores; an article whose path is
    /// stored already replaces it (or is left alone when its title and body are unchanged).
    /// - Parameter progress: called after each chunk of articles, on the calling thread.
    /// - Complexity: O(total size of the articles), spread over all cores.
    @discardableResult
    public func add(contentsOf articles: [(path: String, article: Article)],
                    progress: (IndexProgress) -> Void = { _ in }) throws -> IndexReport {
        try Indexer(store: store).add(articles, progress: progress)
    }

    /// Removes the article stored under `path`; returns whether there was one.
    @discardableResult
    public func remove(path: String) throws -> Bool {
        guard let id = try store.documentID(path: path) else { return false }
        try store.database.transaction { try store.delete(id: id) }
        return true
    }

    /// What the index holds: articles, size on disk, date range, analysis stamp, last update.
    /// - Complexity: O(1) reads of the meta and statistics tables, plus one aggregate over the statistics.
    public func info() throws -> IndexInfo {
        let path = store.path
        let size = [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        let dates = try store.dateRange()
        return IndexInfo(
            path: path, articles: try store.documentCount(), bytesOnDisk: path == ":memory:" ? 0 : size,
            firstDate: dates.map { Date(timeIntervalSince1970: TimeInterval($0.first)) },
            lastDate: dates.map { Date(timeIntervalSince1970: TimeInterval($0.last)) },
            stamp: store.stamp, dictionaryWords: store.host.dictionary.words.count,
            lastUpdated: try store.meta("last_updated").flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)))
    }

    /// The number of articles in the index.
    public func count() throws -> Int {
        try store.documentCount()
    }

    /// The paths of every article matching `query`, in index order: the hit set without ranking or snippets,
    /// for pipelines and checks.
    /// - Complexity: O(matching articles).
    public func paths(matching query: String) throws -> [String] {
        try searcher.paths(matching: query)
    }

    /// The articles matching every term of `query`, best first.
    ///
    /// Any text is a valid query: characters FTS5 would read as syntax are matched literally or ignored.
    /// - Parameters:
    ///   - limit: the most hits to return; nil for all.
    ///   - offset: hits to pass over first, for paging.
    /// - Complexity: O(matching articles) plus O(limit) snippets.
    public func search(_ query: String, limit: Int? = 10, offset: Int = 0) throws -> SearchResults {
        try search(query, options: SearchOptions(limit: limit, offset: offset))
    }

    /// The articles matching `query` (see ``QueryParser`` for the language), as `options` ask.
    ///
    /// Any text is a valid query: broken syntax is read literally, and reported in ``SearchResults/warnings``.
    /// - Complexity: O(matching articles) plus O(limit) snippets.
    public func search(_ query: String, options: SearchOptions) throws -> SearchResults {
        try searcher.search(query, options: options)
    }
}

import Foundation

/// A newsearch index: build it from folders of articles, then search it.
///
/// ```swift
/// let index = try SearchIndex(path: "newsearch.db")
/// let report = try index.index(["corpus"])
/// let results = try index.search("快递员 社会保险", limit: 5)
/// print(results.hits.first?.title.text ?? "no hit")
/// ```
///
/// One `SearchIndex` serves any number of threads and tasks at once: searches run in parallel, each on a
/// connection of its own (SQLite's WAL mode lets them read while a write goes on), and writes
/// (``index(_:progress:)-45r6z``, ``add(_:path:)-5uaix``, ``remove(path:)-1jqhn``) run one at a time. Every call
/// has an `async` form, which a cancelled task stops (see <doc:Embedding>).
public final class SearchIndex: Sendable {
    /// The file name used when no path is given.
    public static let defaultPath = "newsearch.db"

    /// The version of the SQLite library newsearch runs on, such as "3.40.1".
    public static var sqliteVersion: String { Database.libraryVersion }

    let pool: SessionPool

    /// The user dictionary this index segments with.
    public let dictionary: UserDictionary

    /// The analysis this index applies.
    public let stamp: AnalysisStamp

    /// For an index opened read-only: why its tokens may not match this build's (it was built with another
    /// analyzer, ICU or dictionary), or nil when all is well. Rebuilding the index clears it.
    public let analysisWarning: StoreError?

    /// Opens the index at `path`, creating it when `readOnly` is false.
    ///
    /// - Parameters:
    ///   - path: the index file, or `:memory:` for an index that lives in memory only.
    ///   - readOnly: open the index for searching only: it must exist, and is never written.
    ///   - dictionary: a user dictionary to segment with; nil keeps the one the index was built with. Queries
    ///     always use the index's own dictionary, so they segment exactly as the articles were.
    ///   - rebuild: empty the index first (writable only), so that it can take a new dictionary or analyzer. The
    ///     rebuild waits for an index run in progress (in any process) to end before it empties the index, and
    ///     holds the index's run lock until the first ``index(_:progress:)-45r6z`` or ``add(contentsOf:progress:)-4moy9``
    ///     through this instance ends, so that no other run writes in between.
    ///   - inAppDatabase: `path` is the app's own SQLite database, which is to hold the index beside the app's
    ///     tables. newsearch then adds its tables (all named `newsearch_…`) and switches the file to WAL, and
    ///     leaves the app's tables and `application_id` alone; `rebuild` drops newsearch's tables only. Without it,
    ///     a database that holds other tables is refused, unchanged.
    ///   - waitingForAnotherRun: called once, before waiting, when `rebuild` must wait for another index run.
    /// - Throws: ``StoreError`` for a missing read-only index, a file that is not a newsearch index (left as it
    ///   is), an index of a newer newsearch, and, when `rebuild` is false, one of an older newsearch, a damaged
    ///   one (a table missing) or one built with another analysis;
    ///   ``SQLiteError``; ``AnalysisError`` when ICU cannot be loaded.
    public init(path: String = SearchIndex.defaultPath, readOnly: Bool = false,
                dictionary: UserDictionary? = nil, rebuild: Bool = false, inAppDatabase: Bool = false,
                waitingForAnotherRun: () -> Void = {}) throws {
        pool = try SessionPool(path: path, writable: !readOnly, dictionary: dictionary, rebuild: rebuild,
                               inAppDatabase: inAppDatabase, waiting: waitingForAnotherRun)
        let store = pool.primary.store
        self.dictionary = store.host.dictionary
        stamp = store.stamp
        analysisWarning = store.stampMismatch
    }

    /// Brings the index up to date with every article under `roots` (folders, searched recursively, or files).
    ///
    /// New files are added, changed ones indexed again, unchanged ones skipped, and stored articles under a root
    /// whose file is gone are removed. Files that are not articles are reported, never fatal. A symbolic link
    /// that leads outside `roots` (to a file or a folder) is skipped and reported; links inside are followed.
    /// - Parameters:
    ///   - roots: the folders and files to index; a relative path is taken from the current folder.
    ///   - progress: called after each chunk of files, on the calling thread.
    /// - Throws: ``DocumentError/notFound(_:)`` for a missing root (before any change); ``SQLiteError``.
    /// - Complexity: O(total size of the files), spread over all cores; then, when the run changed the index and it
    ///   holds 8,192 articles or more, the ranking of its frequent terms (``rankFrequentTerms(progress:)-60xzt``).
    @discardableResult
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func index(_ roots: [String], progress: (IndexProgress) -> Void = { _ in }) throws -> IndexReport {
        try index(roots, cancellation: nil, progress: progress)
    }

    /// Brings the index up to date with every article under `roots`, as ``index(_:progress:)-45r6z`` does, and
    /// with `followLinks` also follows the symbolic links that lead outside `roots`: a link to a file is read and a
    /// link to a folder walked, each under the link's path (as `rg -L` and `newsearch index --follow` do).
    @discardableResult
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func index(_ roots: [String], followLinks: Bool,
                      progress: (IndexProgress) -> Void = { _ in }) throws -> IndexReport {
        try index(roots, followLinks: followLinks, cancellation: nil, progress: progress)
    }

    /// Adds `article` under the key `path`, replacing the article stored under that path, if any.
    ///
    /// For apps that hold articles in memory rather than in files; `path` is what hits report as their path.
    /// - Complexity: O(size of the article).
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func add(_ article: Article, path: String) throws {
        try add(contentsOf: [(path, article)])
    }

    /// Adds many articles, each under its key `path`, analysing them on all cores; an article whose path is
    /// stored already replaces it (or is left alone when its title and body are unchanged).
    ///
    /// Unlike ``index(_:progress:)-45r6z``, adding does not rank the frequent terms again (the change drops their
    /// ranked pages, and searches of them rank every hit meanwhile): call ``rankFrequentTerms(progress:)-60xzt`` after a
    /// batch, as an index run does at its end.
    /// - Parameters:
    ///   - articles: the articles, each with the key it is stored under and that hits report as their path.
    ///   - progress: called after each chunk of articles, on the calling thread.
    /// - Complexity: O(total size of the articles), spread over all cores.
    @discardableResult
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func add(contentsOf articles: [(path: String, article: Article)],
                    progress: (IndexProgress) -> Void = { _ in }) throws -> IndexReport {
        try add(contentsOf: articles, cancellation: nil, progress: progress)
    }

    /// Ranks the first page of every frequent term ahead of time, when the articles changed since it was last done:
    /// a search of such a term alone then reads its page instead of ranking every match (README, *Frequent terms*).
    /// An index run does it at its end; after ``add(contentsOf:progress:)-4moy9`` or ``remove(path:)-1jqhn`` an app calls it once
    /// the batch is in. Searches are right without it, only slower for terms in many articles.
    /// - Parameter progress: called once, with the number of terms (phase ``IndexProgress/Phase/frequentTerms``).
    /// - Returns: the number of terms ranked, nil when nothing had changed.
    /// - Complexity: O(the matches of the terms in 8,192 articles or more), spread over all cores; nothing for an
    ///   index of fewer articles.
    @discardableResult
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func rankFrequentTerms(progress: (IndexProgress) -> Void = { _ in }) throws -> Int? {
        try rankFrequentTerms(cancellation: nil, progress: progress)
    }

    /// Removes the article stored under `path` (as ``article(path:)-241u5`` finds it); returns whether there was one.
    @discardableResult
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func remove(path: String) throws -> Bool {
        try pool.write { session in
            let store = session.store
            guard let id = try Self.lookUp(path, store.documentID(path:)) else { return false }
            try store.database.transaction { try store.delete(id: id) }
            return true
        }
    }

    /// The article stored under `path`, read back from the index: its title, body and metadata as they were
    /// indexed, or nil when there is none.
    ///
    /// `path` is an app's key as given to ``add(_:path:)-5uaix`` (`app://42`), or an indexed file's path as stored
    /// or as typed from the current folder (`corpus/a.md`, `./corpus/a.md`).
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func article(path: String) throws -> IndexedArticle? {
        try pool.read { session in try Self.lookUp(path, session.store.article(path:)) }
    }

    /// The article of id `id` (``SearchHit/id``, ``IndexedArticle/id``), read back from the index, or nil when no
    /// article has that id: the way to address an article from a URL or another table, since an id stays the same
    /// while the article stays indexed.
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func article(id: Int64) throws -> IndexedArticle? {
        try pool.read { try $0.store.indexedArticle(id: id) }
    }

    /// `text` with every occurrence of `query`'s terms highlighted, as hits highlight them (folded as the index
    /// folds, so 社会保险 marks 社會保險; excluded terms are not marked): to show a whole article with the terms
    /// of the query that found it marked.
    ///
    /// ```swift
    /// if let stored = try index.article(id: hit.id) {
    ///     let body = try index.highlighted(stored.article.body, query: "快递员 社会保险").html
    /// }
    /// ```
    /// - Complexity: O(size of `text`); of the index, only its synonyms are read (once until it changes).
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func highlighted(_ text: String, query: String) throws -> HighlightedText {
        try pool.read { try $0.searcher.highlighted(text, query: query) }
    }

    /// The synonym groups stored with the index (``Synonyms/empty`` when none were set).
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func synonyms() throws -> Synonyms {
        try pool.read { try $0.store.synonyms() }
    }

    /// Stores `synonyms` with the index, replacing the groups stored before (``Synonyms/empty`` removes them all).
    /// They apply from the next search on, in every process that searches the index; nothing is indexed again.
    ///
    /// ```swift
    /// try index.setSynonyms(Synonyms(groups: [["医保", "医疗保险"]]))
    /// try index.search("医保").total   // == try index.search("医保 OR 医疗保险").total
    /// ```
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func setSynonyms(_ synonyms: Synonyms) throws {
        try pool.write { session in try session.store.database.transaction { try session.store.setSynonyms(synonyms) } }
    }

    /// What `find` gives for `path` as stored (an app's key, a stored file path), else for `path` read as a file
    /// path typed from the current folder: the one rule ``article(path:)-241u5`` and ``remove(path:)-1jqhn`` share.
    private static func lookUp<T>(_ path: String, _ find: (String) throws -> T?) rethrows -> T? {
        try find(path) ?? find(FileScanner.canonical(path))
    }

    /// What the index holds: articles, size on disk, date range, analysis stamp, last update.
    /// - Complexity: O(1) reads of the meta and statistics tables, plus one aggregate over the statistics.
    public func info() throws -> IndexInfo {
        try pool.read { session in
            let store = session.store, path = pool.givenPath
            let size = [store.path, store.path + "-wal"].reduce(0) { total, file in
                total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
            }
            let dates = try store.dateRange()
            return IndexInfo(
                path: path, articles: try store.documentCount(), bytesOnDisk: path == ":memory:" ? 0 : size,
                firstDate: dates.map { Date(timeIntervalSince1970: TimeInterval($0.first)) },
                lastDate: dates.map { Date(timeIntervalSince1970: TimeInterval($0.last)) },
                stamp: store.stamp, dictionaryWords: store.host.dictionary.words.count,
                synonymGroups: try store.synonyms().groups.count, rankedHeads: try store.rankedHeadCount(),
                lastUpdated: try store.meta("last_updated").flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)),
                folder: try store.commonFolder())
        }
    }

    /// The number of articles in the index.
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func count() throws -> Int {
        try pool.read { try $0.store.documentCount() }
    }

    /// The paths of every article matching `query`, in index order: the hit set without ranking or snippets,
    /// for pipelines and checks.
    /// - Complexity: O(matching articles).
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func paths(matching query: String) throws -> [String] {
        try paths(matching: query, cancellation: nil)
    }

    /// The articles matching every term of `query`, best first.
    ///
    /// Any text is a valid query: characters FTS5 would read as syntax are matched literally or ignored.
    /// - Parameters:
    ///   - query: the text to search for, in the language of ``QueryParser``.
    ///   - limit: the most hits to return; nil for all.
    ///   - offset: hits to pass over first, for paging.
    /// - Complexity: O(matching articles) plus O(limit) snippets.
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func search(_ query: String, limit: Int? = 10, offset: Int = 0) throws -> SearchResults {
        try search(query, options: SearchOptions(limit: limit, offset: offset))
    }

    /// The articles matching `query` (see ``QueryParser`` for the language), as `options` ask.
    ///
    /// Any text is a valid query: broken syntax is read literally, and reported in ``SearchResults/warnings``.
    /// - Complexity: O(matching articles) plus O(limit) snippets.
    @available(*, noasync, message: "blocks the caller; in async code use the async form, try await index.…, from an async function (top-level code picks this synchronous one)")
    public func search(_ query: String, options: SearchOptions) throws -> SearchResults {
        try search(query, options: options, cancellation: nil)
    }

    // MARK: - The work of the sync and async forms

    func index(_ roots: [String], followLinks: Bool = false, cancellation: CancellationFlag?,
               progress: (IndexProgress) -> Void) throws -> IndexReport {
        var report = try pool.write {
            try Indexer(store: $0.store, cancellation: cancellation, followLinks: followLinks).index(roots, progress: progress)
        }
        try rankHeads(into: &report, cancellation: cancellation, progress: progress)
        return report
    }

    func add(contentsOf articles: [(path: String, article: Article)], cancellation: CancellationFlag?,
             progress: (IndexProgress) -> Void) throws -> IndexReport {
        try pool.write { try Indexer(store: $0.store, cancellation: cancellation).add(articles, progress: progress) }
    }

    func search(_ query: String, options: SearchOptions, cancellation: CancellationFlag?) throws -> SearchResults {
        try pool.read { session in
            try session.store.database.interruptible(by: cancellation) {
                try session.searcher.search(query, options: options, cancellation: cancellation)
            }
        }
    }

    func paths(matching query: String, cancellation: CancellationFlag?) throws -> [String] {
        try pool.read { session in
            try session.store.database.interruptible(by: cancellation) {
                try session.searcher.paths(matching: query, cancellation: cancellation)
            }
        }
    }
}

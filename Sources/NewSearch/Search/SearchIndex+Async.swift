import Dispatch

/// The `async` forms: each runs the call's work on a thread of its own, outside Swift's cooperative pool (so a
/// long index run blocks none of its threads), and a cancelled task stops it: a search at its next check (about
/// every 10 µs of SQLite work, and between hits), an index run after the chunk it is writing, which is rolled
/// back. A stopped call throws `CancellationError`; what an index run committed before stays.
extension SearchIndex {
    /// Brings the index up to date with every article under `roots`; see ``index(_:progress:)-45r6z``.
    /// - Parameters:
    ///   - roots: the folders and files to index; a relative path is taken from the current folder.
    ///   - progress: called after each chunk of files, on the thread doing the work.
    @discardableResult
    public func index(_ roots: [String], progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }) async throws
        -> IndexReport {
        try await Self.stoppable { flag in try self.index(roots, cancellation: flag, progress: progress) }
    }

    /// Brings the index up to date with every article under `roots`, following links out of them when
    /// `followLinks` is true; see ``index(_:followLinks:progress:)``.
    @discardableResult
    public func index(_ roots: [String], followLinks: Bool,
                      progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }) async throws -> IndexReport {
        try await Self.stoppable { flag in
            try self.index(roots, followLinks: followLinks, cancellation: flag, progress: progress)
        }
    }

    /// Adds `article` under the key `path`; see ``add(_:path:)-5uaix``.
    public func add(_ article: Article, path: String) async throws {
        try await add(contentsOf: [(path, article)])
    }

    /// Adds many articles, each under its key `path`; see ``add(contentsOf:progress:)-4moy9``.
    @discardableResult
    public func add(contentsOf articles: [(path: String, article: Article)],
                    progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }) async throws -> IndexReport {
        try await Self.stoppable { flag in try self.add(contentsOf: articles, cancellation: flag, progress: progress) }
    }

    /// Ranks the first page of every frequent term ahead of time, as ``rankFrequentTerms(progress:)-60xzt`` does.
    @discardableResult
    public func rankFrequentTerms(progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }) async throws -> Int? {
        try await Self.stoppable { flag in try self.rankFrequentTerms(cancellation: flag, progress: progress) }
    }

    /// Removes the article stored under `path`; see ``remove(path:)-1jqhn``.
    @discardableResult
    public func remove(path: String) async throws -> Bool {
        try await Self.stoppable { _ in try self.remove(path: path) }
    }

    /// The article stored under `path`; see ``article(path:)-241u5``.
    public func article(path: String) async throws -> IndexedArticle? {
        try await Self.stoppable { _ in try self.article(path: path) }
    }

    /// The article of id `id`; see ``article(id:)-59rvu``.
    public func article(id: Int64) async throws -> IndexedArticle? {
        try await Self.stoppable { _ in try self.article(id: id) }
    }

    /// `text` with `query`'s terms highlighted; see ``highlighted(_:query:)-7o83y``.
    public func highlighted(_ text: String, query: String) async throws -> HighlightedText {
        try await Self.stoppable { _ in try self.highlighted(text, query: query) }
    }

    /// The synonym groups stored with the index; see ``synonyms()-3uvba``.
    public func synonyms() async throws -> Synonyms {
        try await Self.stoppable { _ in try self.synonyms() }
    }

    /// Stores `synonyms` with the index, replacing the previous groups; see ``setSynonyms(_:)-157k6``.
    public func setSynonyms(_ synonyms: Synonyms) async throws {
        try await Self.stoppable { _ in try self.setSynonyms(synonyms) }
    }

    /// The articles matching every term of `query`, best first; see ``search(_:limit:offset:)-3dad8``.
    public func search(_ query: String, limit: Int? = 10, offset: Int = 0) async throws -> SearchResults {
        try await search(query, options: SearchOptions(limit: limit, offset: offset))
    }

    /// The articles matching `query`, as `options` ask; see ``search(_:options:)-54f49``.
    public func search(_ query: String, options: SearchOptions) async throws -> SearchResults {
        try await Self.stoppable { flag in try self.search(query, options: options, cancellation: flag) }
    }

    /// The paths of every article matching `query`; see ``paths(matching:)-6h98k``.
    public func paths(matching query: String) async throws -> [String] {
        try await Self.stoppable { flag in try self.paths(matching: query, cancellation: flag) }
    }

    /// The number of articles in the index; see ``count()-2l0u3``.
    public func count() async throws -> Int {
        try await Self.stoppable { _ in try self.count() }
    }

    /// What the index holds; see ``info()-jena``.
    public func info() async throws -> IndexInfo {
        try await Self.stoppable { _ in try self.info() }
    }

    /// Runs `work` on a Dispatch thread, raising its flag when the task is cancelled.
    private static func stoppable<T: Sendable>(_ work: @escaping @Sendable (CancellationFlag) throws -> T)
        async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(with: Result {
                        try flag.check()
                        return try work(flag)
                    })
                }
            }
        } onCancel: {
            flag.raise()
        }
    }
}

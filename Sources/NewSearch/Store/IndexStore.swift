import Foundation

/// The index file, and the one owner of its schema and of all its SQL (see ``IndexSchema``).
///
/// Opening never changes a file that is not a newsearch index: an SQLite file with other tables, or another
/// `application_id`, is refused with ``StoreError/notAnIndex(path:reason:)`` before anything is written.
final class IndexStore {
    let database: Database
    let host: TokenizerHost
    /// What the ranking function reads: the statistics, set before each search.
    let environment = RankingEnvironment()
    /// The stamp of the analysis this store's tokenizer applies.
    let stamp: AnalysisStamp
    /// Set when a read-only store's index was built under another stamp: its answers may be wrong.
    private(set) var stampMismatch: StoreError?
    let path: String
    /// Whether the index lives in an app's own database (see ``init(path:writable:dictionary:rebuild:inAppDatabase:)``).
    let inAppDatabase: Bool

    /// Bumped by every write through this store, so that cached figures know they are stale.
    var generation = 0
    var cachedFigures: (figures: ArticleFigures, dataVersion: Int64, generation: Int)?
    /// Document frequencies of query terms counted since the figures were opened (see ``figures()``).
    var frequencyCache = BoundedCache<String, Int>()
    /// The number of articles holding each term in their title, where a search counted it (see ``ExecutionPlan/titleTier``).
    var titleFrequencyCache = BoundedCache<String, Int>()
    /// The best first-phase score (idf deferred) an article without the term in its title reached, per term and
    /// model, when a search ranked every hit; until the index changes (see ``cachedUntitledBound(_:parameters:)``).
    var untitledBoundCache = BoundedCache<UntitledBoundKey, Double>()
    struct UntitledBoundKey: Hashable {
        var term: String
        var parameters: RankingParameters
    }
    var writes: Writes?
    /// Every article's categories, for facet counts: loaded on first use, forgotten when the figures reopen.
    var cachedCategories: CategoryTable?
    /// The meta key under which the synonyms are stored, one group a line (``Synonyms/text``).
    static let synonymsKey = "synonyms"
    /// The index's synonyms as last read, until the index changes (see ``synonyms()``).
    var cachedSynonyms: SynonymTable?
    /// The compression dictionary as last read, kept while the index holds it (``compressionDictionary()``).
    var cachedCompression: CompressionDictionary?
    /// Reads the stored bodies back (``TextCompressor`` wrote them), for the store and the connection's
    /// `newsearch_text` function alike.
    let decompressor = IndexStore.makeDecompressor()
    /// Stored category lists (JSON) parsed, by their text: an index has few distinct lists.
    var parsedCategoryLists: [String: [String]] = [:]
    /// The statement that reads one statistics record, which the second phase of ranking runs for each candidate
    /// (kept here: looking it up by its SQL text, as other cached statements are, hashed the text every time).
    lazy var recordStatement = Result {
        try database.prepare("SELECT \(StatisticsRecord.columns) FROM \(IndexSchema.statistics) WHERE id = ?")
    }
    /// The run lock a rebuild took before emptying the index, held until the first index run through this store
    /// ends (``Indexer`` takes it over) or the store closes: no other run may write between the emptying and that
    /// run (see ``takeRunLock(waiting:)``).
    private var rebuildLock: RunLock?

    /// Opens the index at `path`. A writable store creates the file and its tables when missing.
    ///
    /// - Parameters:
    ///   - dictionary: the user dictionary to apply; nil keeps the one the index was built with (none for a new one).
    ///   - rebuild: empty a writable index first, so that it can take a new analysis stamp.
    ///   - inAppDatabase: the file is an app's own database, which the index shares: its other tables and its
    ///     `application_id` are the app's, left as they are (see ``SearchIndex/init(path:readOnly:dictionary:rebuild:inAppDatabase:waitingForAnotherRun:)``).
    ///   - waiting: called once when a rebuild must wait for another index run to end before it empties the index.
    /// - Throws: ``StoreError`` when there is no index (read-only), the file is not a newsearch index, it was made
    ///   by an older newsearch (and `rebuild` is false) or a newer one, it lacks one of its tables, or its documents
    ///   were analysed under another stamp and `rebuild` is false.
    init(path: String, writable: Bool, dictionary: UserDictionary? = nil, rebuild: Bool = false,
         inAppDatabase: Bool = false, waiting: () -> Void = {}) throws {
        self.path = path
        if !writable, path != ":memory:", !FileManager.default.fileExists(atPath: path) {
            throw StoreError.indexNotFound(path)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError.notAnIndex(path: path, reason: "it is a folder; give the index file's path, such as \(path)/newsearch.db")
        }
        let canWrite = path == ":memory:" || Self.canWrite(path)
        if writable, !canWrite { throw StoreError.notWritable(path) }
        // A reader that cannot write the file or its folder could not make the -shm file WAL needs: it reads the
        // file as immutable instead, which changes nothing on disk.
        database = try Database(path: path, readOnly: !writable, immutable: !writable && !canWrite)
        let kind = try Self.classify(database, path: path, inAppDatabase: inAppDatabase)
        if case .foreign(let reason) = kind { throw StoreError.notAnIndex(path: path, reason: reason) }
        self.inAppDatabase = inAppDatabase
        if !writable, kind == .empty { throw StoreError.indexNotFound(path) }
        let meta = kind == .newsearch ? try Self.readMeta(database) : [:]
        try Self.refuseNewer(meta: meta, path: path)
        let schemaVersion = Self.schemaVersion(meta: meta)
        let older = kind == .firstLayout || (kind == .newsearch && schemaVersion < IndexSchema.version)
        if older, !(writable && rebuild) { throw StoreError.olderIndex(path) }
        if kind == .newsearch, !older, !(writable && rebuild), let missing = try Self.missingObject(in: database) {
            throw StoreError.damagedIndex(path: path, reason: "its \(missing) is missing")
        }
        let stored = AnalysisStamp(meta: meta)
        let effective = dictionary ?? Self.dictionary(meta: meta) ?? .empty
        stamp = AnalysisStamp.current(dictionary: effective)
        host = TokenizerHost(dictionary: effective, phraseEnd: .shortest)
        try StoredTextFunction.register(on: database, decompressor: decompressor)
        try FTS5Tokenizer.register(on: database, host: host)
        try FTS5RankFunction.register(on: database, environment: environment)
        try FigureFunction.register(on: database)
        guard writable else {
            if let stored, stored != stamp { stampMismatch = .analysisMismatch(path: path, index: stored, current: stamp) }
            try database.execute("PRAGMA mmap_size = \(Self.readerMapBytes)")
            return
        }
        // On a new file only: 16 KB pages pack articles (1–2 KB of text each) with far less unused space than 4 KB
        // ones, and incremental auto-vacuum lets the pages that FTS5's final merge frees be given back.
        // (Not in an app's database, whose vacuum mode is the app's.)
        if !inAppDatabase { try database.execute("PRAGMA page_size = 16384; PRAGMA auto_vacuum = INCREMENTAL;") }
        try database.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA journal_size_limit = \(Self.walKeptBytes);
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -65536;
            """)
        // A rebuild takes the run lock before it empties anything: a run in progress would otherwise go on writing
        // articles analysed the old way into the emptied index, which the rebuild would then skip as unchanged.
        if rebuild { rebuildLock = RunLock(path: path, waiting: waiting) }
        // An index this version made with this analysis needs no write to open. Making, upgrading or emptying one
        // waits for a run in progress first (its run lock): SQLite's own wait for the write lock (5 s) is shorter
        // than a run's transaction may be, and two `newsearch index` started at once on a new file failed so.
        let current = kind == .newsearch && !older && !rebuild && stored == stamp
        if !current {
            let setupLock = rebuild ? nil : RunLock(path: path, waiting: waiting)
            try withExtendedLifetime(setupLock) { try createOrReplaceSchema(kind: kind, effective: effective, rebuild: rebuild) }
        }
        writes = try Writes(database)
    }

    /// How much of the file a reader maps into memory (SQLite's `mmap_size`): its pages are then read from the
    /// operating system's cache in place, where SQLite's own cache (2 MB per connection by default) would copy
    /// them in with a system call each. On the shared corpus, the 65 typical queries run in turn on one reader
    /// went from a median of 0.64–0.66 to 0.575–0.60 ms (three processes each), and `compare`'s classes from a
    /// geometric mean of 0.72 to 0.65 ms (its typical median stayed at 0.61 ms); a larger per-connection cache
    /// (64 MB) gained less and costs memory per reader. Readers only: the writer keeps SQLite's own cache, which
    /// it also writes through.
    static let readerMapBytes = 1 << 30

    /// The size the write-ahead log is cut back to after a checkpoint: a run's final merge writes the whole index
    /// through the log (tens of MB for the shared corpus), which SQLite would otherwise keep on disk beside it.
    static let walKeptBytes = 4 << 20

    /// Whether this user may write the file at `path` (when it exists) and create files beside it.
    private static func canWrite(_ path: String) -> Bool {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        let folderWritable = files.isWritableFile(atPath: folder.isEmpty ? "." : folder)
        return folderWritable && (!files.fileExists(atPath: path) || files.isWritableFile(atPath: path))
    }

    /// What a file holds, as far as newsearch is concerned.
    enum FileKind: Equatable {
        /// No tables: a new file, or one newsearch may take.
        case empty
        /// A newsearch index.
        case newsearch
        /// An index of schema version 1 (tables `meta`, `documents`, `fts`, no application id).
        case firstLayout
        /// Anything else, and why.
        case foreign(String)
    }

    /// - Parameter inAppDatabase: an app's database is expected: its tables and application id are no reason to
    ///   refuse it, and newsearch's tables in it, if any, are the index.
    private static func classify(_ database: Database, path: String, inAppDatabase: Bool) throws -> FileKind {
        let tables: [String]
        let applicationID: Int64
        do {
            applicationID = try database.integer("PRAGMA application_id") ?? 0
            let statement = try database.prepare(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var names: [String] = []
            while try statement.step() { names.append(statement.text(0) ?? "") }
            tables = names
        } catch let error as SQLiteError where error.code & 0xFF == 26 {  // SQLITE_NOTADB
            return .foreign("not an SQLite database")
        }
        if applicationID == IndexSchema.applicationID { return .newsearch }
        if inAppDatabase { return tables.contains(IndexSchema.meta) ? .newsearch : .empty }
        if tables.isEmpty { return applicationID == 0 ? .empty : .foreign("its application_id is \(applicationID)") }
        if Set(tables).isSuperset(of: ["meta", "documents", "fts"]), isFirstLayout(database) { return .firstLayout }
        let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
        return .foreign("it holds other tables: \(shown)"
            + (tables.contains(IndexSchema.meta) ? "; an index kept in an app's database opens with inAppDatabase: true" : ""))
    }

    /// Whether `meta` holds the first layout's `analyzer_version` key; an app's `meta` of another shape is not it.
    private static func isFirstLayout(_ database: Database) -> Bool {
        guard let statement = try? database.prepare("SELECT 1 FROM meta WHERE key = 'analyzer_version'") else {
            return false
        }
        return (try? statement.step()) == true
    }

    /// The user dictionary recorded in `meta`, if any.
    private static func dictionary(meta: [String: String]) -> UserDictionary? {
        meta["dictionary"].map { UserDictionary(words: $0.components(separatedBy: "\n")) }
    }

    /// The user dictionary of the newsearch index in `database`, when it holds one.
    static func storedDictionary(in database: Database) throws -> UserDictionary? {
        guard try database.integer("PRAGMA application_id") == IndexSchema.applicationID else { return nil }
        return dictionary(meta: try readMeta(database))
    }

    /// Throws ``StoreError/olderIndex(_:)`` when `database` holds a newsearch index (in its own file or an app's)
    /// of an older layout (``StoreError/newerIndex(path:found:supported:)`` for a newer one): an app's connection must not query or delete through it, since its tokens and
    /// triggers are not this version's (a delete would hand FTS5 tokens it never stored).
    static func requireCurrentLayout(in database: Database) throws {
        guard try database.hasTable(IndexSchema.meta) else { return }
        let meta = try readMeta(database)
        let file = try database.prepare("SELECT file FROM pragma_database_list WHERE name = 'main'")
        let path = try file.step() ? file.text(0) ?? "" : ""
        try refuseNewer(meta: meta, path: path)
        guard schemaVersion(meta: meta) < IndexSchema.version else { return }
        throw StoreError.olderIndex(path)
    }

    /// The run lock for an index run through this store: the one a rebuild holds, else a new one (waiting for
    /// another run first, calling `waiting` if it must). Nil where ``RunLock`` takes none.
    func takeRunLock(waiting: () -> Void) -> RunLock? {
        defer { rebuildLock = nil }
        return rebuildLock ?? RunLock(path: path, waiting: waiting)
    }

    /// Throws ``StoreError/newerIndex(path:found:supported:)`` when `meta` records a schema or an analyzer newer
    /// than this newsearch's: an older program must neither read nor overwrite what a newer one wrote, as SQLite
    /// refuses a newer file format.
    private static func refuseNewer(meta: [String: String], path: String) throws {
        let schema = schemaVersion(meta: meta)
        if schema > IndexSchema.version {
            throw StoreError.newerIndex(path: path, found: "schema \(schema)", supported: "schema \(IndexSchema.version)")
        }
        if let analyzer = AnalysisStamp(meta: meta)?.analyzerVersion, analyzer > Analyzer.version {
            throw StoreError.newerIndex(path: path, found: "analyzer \(analyzer)", supported: "analyzer \(Analyzer.version)")
        }
    }

    /// The first of the index's tables, views and triggers (``IndexSchema/objects``) that `database` lacks, as a
    /// phrase (`table newsearch_statistics`), or nil when it has them all.
    private static func missingObject(in database: Database) throws -> String? {
        let statement = try database.prepare("SELECT type, name FROM sqlite_master")
        var present = Set<String>()
        while try statement.step() { present.insert("\(statement.text(0) ?? "") \(statement.text(1) ?? "")") }
        return IndexSchema.objects.map { "\($0.type) \($0.name)" }.first { !present.contains($0) }
    }

    /// The schema version `meta` records (0 when none).
    private static func schemaVersion(meta: [String: String]) -> Int {
        meta["schema_version"].flatMap(Int.init) ?? 0
    }

    private static func readMeta(_ database: Database) throws -> [String: String] {
        guard try database.hasTable(IndexSchema.meta) else { return [:] }
        let statement = try database.prepare("SELECT key, value FROM \(IndexSchema.meta)")
        var meta: [String: String] = [:]
        while try statement.step() { meta[statement.text(0) ?? ""] = statement.text(1) ?? "" }
        return meta
    }

    /// Makes the schema in one transaction, dropping what a rebuild, another analysis or the first layout asks to.
    /// What to drop is decided again under the write lock: another run may have made the index meanwhile.
    private func createOrReplaceSchema(kind: FileKind, effective: UserDictionary, rebuild: Bool) throws {
        try database.transaction {
            let meta = try Self.readMeta(database)
            try Self.refuseNewer(meta: meta, path: path)
            let stored = AnalysisStamp(meta: meta)
            if let stored, stored != stamp, !rebuild, try documentCount() > 0 {
                throw StoreError.analysisMismatch(path: path, index: stored, current: stamp)
            }
            if kind == .firstLayout { try database.execute(IndexSchema.firstLayoutRemoval) }
            if rebuild || stored != stamp { try database.execute(IndexSchema.removal) }
            try createSchema(dictionary: effective)
            // Synonyms apply at query time, whatever the analysis: a rebuild keeps them.
            if let synonyms = meta[Self.synonymsKey] { try setMeta(Self.synonymsKey, synonyms) }
        }
    }

    /// Marks the file as newsearch's, creates the tables and records the stamp, inside the caller's transaction.
    private func createSchema(dictionary: UserDictionary) throws {
        // An app's database keeps its own application id: the index is recognised there by its tables.
        try database.execute((inAppDatabase ? "" : "PRAGMA application_id = \(IndexSchema.applicationID);\n")
                             + IndexSchema.creation)
        let entries = [("schema_version", "\(IndexSchema.version)"),
                       ("dictionary", dictionary.words.joined(separator: "\n"))] + stamp.metaEntries
        let statement = try database.prepare("INSERT OR REPLACE INTO \(IndexSchema.meta) (key, value) VALUES (?, ?)")
        for (key, value) in entries { try statement.bind(.text(key), .text(value)).run() }
    }

    /// The number of stored documents.
    func documentCount() throws -> Int {
        guard try database.hasTable(IndexSchema.totals) else { return 0 }
        return Int(try database.integer("SELECT articles FROM \(IndexSchema.totals) WHERE id = 1") ?? 0)
    }
}

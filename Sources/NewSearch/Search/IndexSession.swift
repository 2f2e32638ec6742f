/// One connection to an index with what searching on it needs: its store, an analyzer for queries and the
/// searcher. Not thread-safe: ``SessionPool`` lends each session to one caller at a time.
final class IndexSession {
    let store: IndexStore
    let analyzer: Analyzer
    let searcher: Searcher

    /// Opens a connection to the index at `path`; see ``IndexStore/init(path:writable:dictionary:rebuild:inAppDatabase:waiting:)``.
    init(path: String, writable: Bool, dictionary: UserDictionary? = nil, rebuild: Bool = false,
         inAppDatabase: Bool = false, waiting: () -> Void = {}) throws {
        store = try IndexStore(path: path, writable: writable, dictionary: dictionary, rebuild: rebuild,
                               inAppDatabase: inAppDatabase, waiting: waiting)
        analyzer = try Analyzer(dictionary: store.host.dictionary)
        searcher = Searcher(store: store, analyzer: analyzer)
    }
}

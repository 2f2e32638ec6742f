/// A dictionary that forgets every entry once it holds ``limit`` of them: the store's caches of what earlier
/// searches counted (term frequencies, title frequencies, untitled bounds), which an index change empties anyway,
/// kept small whatever the queries.
struct BoundedCache<Key: Hashable, Value> {
    /// The most entries kept; adding one more empties the cache first.
    let limit: Int
    private var entries: [Key: Value] = [:]

    init(limit: Int = 4096) {
        self.limit = limit
    }

    subscript(key: Key) -> Value? {
        get { entries[key] }
        set {
            if newValue != nil, entries[key] == nil, entries.count >= limit { entries.removeAll() }
            entries[key] = newValue
        }
    }

    mutating func removeAll() {
        entries.removeAll()
    }
}

/// Every article's categories, held in memory for facet counts: each category name once, each article as the
/// numbers of its categories. Loaded on the first facet count after the index changed.
struct CategoryTable {
    /// The category names, numbered by their place here.
    private(set) var names: [String] = []
    /// Each article's category numbers, by row id.
    private(set) var categories: [Int64: [Int32]] = [:]
    private var numbers: [String: Int32] = [:]

    /// Records that article `id` has `names`.
    mutating func add(id: Int64, names articleNames: [String]) {
        guard !articleNames.isEmpty else { return }
        categories[id] = articleNames.map { name in
            if let number = numbers[name] { return number }
            let number = Int32(names.count)
            names.append(name)
            numbers[name] = number
            return number
        }
    }
}

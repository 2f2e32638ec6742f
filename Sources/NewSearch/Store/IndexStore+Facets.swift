extension IndexStore {
    /// The hits among `ids` per value of each of `facets`: categories most frequent first (ties in value order), at
    /// most ``FacetCount/maximumValues`` of them; years newest first, all of them; from memory (`figures` for years, the category table for
    /// categories), so a count costs O(hits) once the category table is loaded (on the first count of categories:
    /// one read of every article's categories).
    func facetCounts(_ facets: Set<Facet>, ids: [Int64], figures: ArticleFigures) throws -> [Facet: [FacetCount]] {
        var result: [Facet: [FacetCount]] = [:]
        for facet in facets {
            switch facet {
            case .year:
                var years: [Int: Int] = [:]
                for id in ids {
                    let date = figures.entry(id).date
                    guard date != .min else { continue }
                    let day = CivilDate.daysSince1970(secondsSince1970: Int(date))
                    years[CivilDate.date(daysSince1970: day).year, default: 0] += 1
                }
                // Years in year order, newest first, every one of them: a reader reads them as a time line.
                result[.year] = years.sorted { $0.key > $1.key }.map { FacetCount(value: String($0.key), count: $0.value) }
            case .category:
                let table = try categoryTable()
                var counts = [Int](repeating: 0, count: table.names.count)
                for id in ids { for number in table.categories[id] ?? [] { counts[Int(number)] += 1 } }
                result[.category] = Self.ranked(zip(table.names, counts).filter { $0.1 > 0 })
            }
        }
        return result
    }

    private static func ranked(_ counts: [(String, Int)]) -> [FacetCount] {
        counts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(FacetCount.maximumValues).map { FacetCount(value: $0.0, count: $0.1) }
    }

    /// The category table, loaded on first use (``figures()`` forgets it when the index changes).
    private func categoryTable() throws -> CategoryTable {
        if let cachedCategories { return cachedCategories }
        var table = CategoryTable()
        let statement = try database.prepare("SELECT id, categories FROM \(IndexSchema.documents) WHERE categories <> '[]'")
        while try statement.step() { table.add(id: statement.int64(0), names: categoryList(statement.text(1))) }
        cachedCategories = table
        return table
    }
}

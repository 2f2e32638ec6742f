import Foundation

extension IndexStore {
    /// The in-memory statistics of every article, loaded on first use and again whenever the index has changed
    /// since (through this store, or another connection: `PRAGMA data_version`). Also handed to the ranking function.
    ///
    /// Complexity: O(articles) when it loads, O(1) otherwise.
    func statistics() throws -> DocumentStatistics {
        let version = try database.cachedStatement("PRAGMA data_version")
        let dataVersion = try version.bind().step() ? version.int64(0) : 0
        if let cached = cachedStatistics, cached.dataVersion == dataVersion, cached.generation == generation {
            return cached.statistics
        }
        let count = try database.integer("SELECT count(*) FROM \(IndexSchema.statistics)") ?? 0
        var builder = DocumentStatistics.Builder(capacity: Int(count))
        let statement = try database.prepare("SELECT \(StatisticsRecord.columns) FROM \(IndexSchema.statistics)")
        while try statement.step() { StatisticsRecord.read(statement) { builder.add($0, boundaries: $1) } }
        let statistics = builder.build()
        cachedStatistics = (statistics, dataVersion, generation)
        frequencyCache.removeAll()
        cachedCategories = nil
        environment.statistics = statistics
        return statistics
    }

    /// Scores every article that `expression` matches into `query` (see ``RankingQuery/collect(id:score:date:)``),
    /// with the statistics of the last ``statistics()`` call, in one statement from which no row returns through
    /// SQL: for a plan of one phrase, the ranking function scores every row on the first (the statement stops
    /// there); otherwise its condition scores each row and is never true (scores are not negative).
    ///
    /// - Parameter allAtOnce: whether the plan, of one phrase, is scored on the statement's first row (the
    ///   planner's ``ExecutionPlan/Strategy/scoreOnePhrase``); `false` scores row by row.
    func rankMatches(_ expression: FTS5Expression, into query: RankingQuery, allAtOnce: Bool) throws {
        precondition(!allAtOnce || query.plan.phrases.count == 1, "only a plan of one phrase is scored at once")
        query.scoresAllRowsAtOnce = allAtOnce
        let statement = try database.cachedStatement(query.scoresAllRowsAtOnce ? """
            SELECT \(FTS5RankFunction.name)(\(IndexSchema.fts), ?1) FROM \(IndexSchema.fts)
            WHERE \(IndexSchema.fts) MATCH ?2 LIMIT 1
            """ : """
            SELECT rowid FROM \(IndexSchema.fts)
            WHERE \(IndexSchema.fts) MATCH ?2 AND \(FTS5RankFunction.name)(\(IndexSchema.fts), ?1) < 0
            """)
        try statement.bind(.null, .text(expression.text))
        try withExtendedLifetime(query) {
            try statement.bindRankingPointer(Unmanaged.passUnretained(query).toOpaque(), at: 1)
            try statement.run()
        }
    }

    /// The number of articles `expression` matches.
    func matchCount(_ expression: FTS5Expression) throws -> Int {
        let statement = try database.prepare(
            "SELECT count(*) FROM \(IndexSchema.fts) WHERE \(IndexSchema.fts) MATCH ?")
        try statement.bind(.text(expression.text))
        return try statement.step() ? Int(statement.int64(0)) : 0
    }

    /// The document frequencies of `terms` known from earlier searches since the index last changed (nil where
    /// unknown).
    func cachedFrequencies(_ terms: [String]) -> [Int?] {
        terms.map { frequencyCache[$0] }
    }

    /// Remembers the document frequencies a search counted, until the index changes.
    func cacheFrequencies(_ frequencies: [Int?], of terms: [String]) {
        for (term, frequency) in zip(terms, frequencies) where frequency != nil {
            if frequencyCache.count >= 4096 { frequencyCache.removeAll() }
            frequencyCache[term] = frequency
        }
    }

    /// The row ids of the articles `expression` matches, unranked.
    func matchingIDs(_ expression: FTS5Expression) throws -> Set<Int64> {
        let statement = try database.prepare(
            "SELECT rowid FROM \(IndexSchema.fts) WHERE \(IndexSchema.fts) MATCH ?")
        try statement.bind(.text(expression.text))
        var ids = Set<Int64>()
        while try statement.step() { ids.insert(statement.int64(0)) }
        return ids
    }

    /// The row ids of the articles that meet every filter.
    func documentIDs(meeting filters: [MetadataFilter]) throws -> Set<Int64> {
        let conditions = filters.map(FilterSQL.init)
        let sql = "SELECT id FROM \(IndexSchema.documents) AS d WHERE "
            + (conditions.isEmpty ? "1" : conditions.map(\.sql).joined(separator: " AND "))
        let statement = try database.prepare(sql)
        try statement.bind(conditions.flatMap(\.values))
        var ids = Set<Int64>()
        while try statement.step() { ids.insert(statement.int64(0)) }
        return ids
    }

    /// A stored article as the search shows it.
    struct StoredArticle {
        var path: String
        var title: String
        var author: String?
        var categories: [String]
        /// The body's UTF-8 bytes, as stored (a page of hits reads them without making strings of them).
        var body: [UInt8]
    }

    /// A stored category list (JSON), parsed once per distinct list: an index has few, and hits, articles and
    /// facet counts all read them.
    func categoryList(_ json: String?) -> [String] {
        guard let json else { return [] }
        if let parsed = parsedCategoryLists[json] { return parsed }
        let parsed = JSONText.strings(json)
        if parsedCategoryLists.count < 4096 { parsedCategoryLists[json] = parsed }
        return parsed
    }

    /// The stored article of row `id`, if any.
    func article(id: Int64) throws -> StoredArticle? {
        let statement = try database.cachedStatement(
            "SELECT path, title, author, categories, compressed_body FROM \(IndexSchema.documents) WHERE id = ?")
        guard try statement.bind(.integer(id)).step() else { return nil }
        return StoredArticle(path: statement.text(0) ?? "", title: statement.text(1) ?? "", author: statement.text(2),
                             categories: categoryList(statement.text(3)), body: try body(statement, column: 4, id: id))
    }

    /// The body that column `column` of `statement`'s row holds, decompressed.
    private func body(_ statement: Statement, column: Int32, id: Int64) throws -> [UInt8] {
        guard let body = statement.withBlob(column, decompressor.decompress) else {
            throw StoreError.damagedArticle(path: path, id: id)
        }
        return body
    }

    /// The article stored under `path`, as it was indexed, if any.
    func article(path: String) throws -> IndexedArticle? {
        let statement = try database.cachedStatement("""
            SELECT d.path, d.title, d.author, d.categories, s.date, d.images, d.compressed_body, d.id
            FROM \(IndexSchema.documents) AS d LEFT JOIN \(IndexSchema.statistics) AS s ON s.id = d.id
            WHERE d.path = ?
            """)
        guard try statement.bind(.text(path)).step() else { return nil }
        let date = statement.isNull(4) ? nil : Date(timeIntervalSince1970: TimeInterval(statement.int64(4)))
        let article = Article(title: statement.text(1) ?? "", author: statement.text(2),
                              categories: categoryList(statement.text(3)), date: date,
                              images: JSONText.stringMap(statement.text(5)),
                              body: String(decoding: try body(statement, column: 6, id: statement.int64(7)), as: UTF8.self))
        return IndexedArticle(path: statement.text(0) ?? path, article: article)
    }

    /// The paths of the articles `expression` matches, in row order, in one statement (no ranking: for an
    /// expression whose every match is a hit).
    func paths(matching expression: FTS5Expression) throws -> [String] {
        let statement = try database.cachedStatement("""
            SELECT d.path FROM \(IndexSchema.fts) JOIN \(IndexSchema.documents) AS d ON d.id = \(IndexSchema.fts).rowid
            WHERE \(IndexSchema.fts) MATCH ? ORDER BY \(IndexSchema.fts).rowid
            """)
        try statement.bind(.text(expression.text))
        var paths: [String] = []
        while try statement.step() { paths.append(statement.text(0) ?? "") }
        return paths
    }

    /// The earliest and latest article dates (seconds since 1970), nil when no article has one.
    func dateRange() throws -> (first: Int64, last: Int64)? {
        let statement = try database.prepare(
            "SELECT min(date), max(date) FROM \(IndexSchema.statistics) WHERE date IS NOT NULL")
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return (statement.int64(0), statement.int64(1))
    }

    /// A value of the meta table, if set.
    func meta(_ key: String) throws -> String? {
        let statement = try database.prepare("SELECT value FROM \(IndexSchema.meta) WHERE key = ?")
        return try statement.bind(.text(key)).step() ? statement.text(0) : nil
    }

    /// The paths of rows `ids`, in row order.
    func paths(ids: [Int64]) throws -> [String] {
        let statement = try database.prepare("SELECT path FROM \(IndexSchema.documents) WHERE id = ?")
        return try ids.sorted().compactMap { id in try statement.bind(.integer(id)).step() ? statement.text(0) : nil }
    }
}

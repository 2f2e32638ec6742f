import Foundation

extension IndexStore {
    /// The index's article figures for ranking (see ``ArticleFigures``), kept while the index is unchanged, and
    /// set in the connection's ranking environment with a reader of statistics records: opening them reads the
    /// totals row and the largest row id, nothing per article.
    func figures() throws -> ArticleFigures {
        let dataVersion = try database.integer("PRAGMA data_version") ?? 0
        if let cached = cachedFigures, cached.dataVersion == dataVersion, cached.generation == generation {
            return cached.figures
        }
        let totals = try database.prepare(
            "SELECT articles, title_length, body_length FROM \(IndexSchema.totals) WHERE id = 1")
        let hasTotals = try totals.step()
        let largestID = try database.integer("SELECT max(id) FROM \(IndexSchema.statistics)") ?? 0
        // The readers hold the store weakly: the connection's ranking environment keeps them, and the connection
        // closes with the store.
        let figures = ArticleFigures(
            largestID: largestID, count: hasTotals ? Int(totals.int64(0)) : 0,
            titleLengths: hasTotals ? totals.int64(1) : 0, bodyLengths: hasTotals ? totals.int64(2) : 0
        ) { [weak self] block in try self?.figureBlock(block) }
        cachedFigures = (figures, dataVersion, generation)
        frequencyCache.removeAll()
        titleFrequencyCache.removeAll()
        untitledBoundCache.removeAll()
        cachedCategories = nil
        cachedSynonyms = nil
        environment.figures = figures
        environment.records = { [weak self] id in try? self?.statisticsRecord(id: id) }
        return figures
    }

    /// The number of articles holding `term` in their title, when an earlier search since the index last changed
    /// counted it.
    func cachedTitleFrequency(_ term: String) -> Int? {
        titleFrequencyCache[term]
    }

    /// Remembers the number of articles holding `term` in their title, until the index changes.
    func cacheTitleFrequency(_ frequency: Int, of term: String) {
        titleFrequencyCache[term] = frequency
    }

    /// The most a first phase scored (idf deferred) any article whose title does not hold `term`, under
    /// `parameters`, when a search since the index last changed ranked every hit of the term: an article without
    /// the term in its title scores at most this times the second phase's raise.
    func cachedUntitledBound(_ term: String, parameters: RankingParameters) -> Double? {
        untitledBoundCache[UntitledBoundKey(term: term, parameters: parameters)]
    }

    /// Remembers the bound of ``cachedUntitledBound(_:parameters:)``, until the index changes.
    func cacheUntitledBound(_ bound: Double, of term: String, parameters: RankingParameters) {
        untitledBoundCache[UntitledBoundKey(term: term, parameters: parameters)] = bound
    }

    /// Runs `body`, a search's reads, in one read transaction: every statement sees the index as the first did.
    func reading<T>(_ body: () throws -> T) throws -> T {
        try database.reading(body)
    }

    /// The stored bytes of block `block` of the article figures, if any.
    func figureBlock(_ block: Int) throws -> [UInt8]? {
        let statement = try database.cachedStatement("SELECT entries FROM \(IndexSchema.figures) WHERE block = ?")
        guard try statement.bind(.integer(Int64(block))).step() else { return nil }
        return statement.withBlob(0) { Array($0) }
    }

    /// The statistics record and boundary blob of the article stored under row `id`, if any.
    func statisticsRecord(id: Int64) throws -> (record: StatisticsRecord, boundaries: [UInt8])? {
        try withStatisticsRecord(id: id) { record, boundaries, _ in (record, Array(boundaries)) }
    }

    /// Hands the statistics record, boundary blob and ``ArticleCharacters`` bytes of the article stored under row
    /// `id` to `body` (the bytes valid during the call only); nil when there is no such article.
    func withStatisticsRecord<T>(id: Int64,
                                 _ body: (StatisticsRecord, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> T) throws -> T? {
        let statement = try recordStatement.get()
        guard try statement.bind(.integer(id)).step() else { return nil }
        return StatisticsRecord.read(statement, body)
    }

    /// Every article's row id and date (seconds since 1970, `Int64.min` for none), in date order (the dates'
    /// index, not the rows): the hits of a query without text, whose order the collectors do not depend on.
    func everyArticle() throws -> [(id: Int64, date: Int64)] {
        let statement = try database.prepare("SELECT id, date FROM \(IndexSchema.statistics)")
        var articles: [(id: Int64, date: Int64)] = []
        while try statement.step() {
            articles.append((statement.int64(0), statement.isNull(1) ? .min : statement.int64(1)))
        }
        return articles
    }

    /// Scores every article that `expression` matches into `query` (see ``RankingQuery/collect(id:score:date:)``),
    /// with the figures of the last ``figures()`` call, in one statement from which no row returns through
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
                             categories: categoryList(statement.text(3)), body: try decompressed(statement, column: 4, id: id))
    }

    /// The text (a body, the images' JSON) that column `column` of `statement`'s row holds, decompressed.
    private func decompressed(_ statement: Statement, column: Int32, id: Int64) throws -> [UInt8] {
        guard let body = statement.withBlob(column, { decompressor.decompress($0, in: database) }) else {
            throw StoreError.damagedArticle(path: path, id: id)
        }
        return body
    }

    /// The images' map stored compressed in `column` (no bytes: no image).
    private func images(_ statement: Statement, column: Int32, id: Int64) throws -> [String: String] {
        let json = try decompressed(statement, column: column, id: id)
        return json.isEmpty ? [:] : JSONText.stringMap(String(decoding: json, as: UTF8.self))
    }

    /// The article stored under `path`, as it was indexed, if any.
    func article(path: String) throws -> IndexedArticle? {
        try indexedArticle(where: "d.path = ?", .text(path))
    }

    /// The article of row `id`, as it was indexed, if any.
    func indexedArticle(id: Int64) throws -> IndexedArticle? {
        try indexedArticle(where: "d.id = ?", .integer(id))
    }

    /// The one article whose row meets `condition` (one bound value, `key`), with its metadata.
    private func indexedArticle(where condition: String, _ key: SQLValue) throws -> IndexedArticle? {
        let statement = try database.cachedStatement("""
            SELECT d.path, d.title, d.author, d.categories, s.date, d.compressed_images, d.compressed_body, d.id
            FROM \(IndexSchema.documents) AS d LEFT JOIN \(IndexSchema.statistics) AS s ON s.id = d.id
            WHERE \(condition)
            """)
        guard try statement.bind(key).step() else { return nil }
        let id = statement.int64(7)
        let date = statement.isNull(4) ? nil : Date(timeIntervalSince1970: TimeInterval(statement.int64(4)))
        let article = Article(title: statement.text(1) ?? "", author: statement.text(2),
                              categories: categoryList(statement.text(3)), date: date,
                              images: try images(statement, column: 5, id: id),
                              body: String(decoding: try decompressed(statement, column: 6, id: id), as: UTF8.self))
        return IndexedArticle(id: id, path: statement.text(0) ?? "", article: article)
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

    /// The deepest folder every stored file path lies under, nil when no path is a file's: the common folder of the
    /// first and last paths in order, which the path index gives without reading the others.
    func commonFolder() throws -> String? {
        let statement = try database.prepare(
            "SELECT min(path), max(path) FROM \(IndexSchema.documents) WHERE path >= '/' AND path < '0'")
        guard try statement.step(), let first = statement.text(0), let last = statement.text(1) else { return nil }
        // Cut at the last slash: /data/news/a.md and /data/news2/b.md share /data/news but lie under /data.
        let common = first.commonPrefix(with: last)
        guard let slash = common.lastIndex(of: "/") else { return nil }
        return slash == common.startIndex ? "/" : String(common[..<slash])
    }

    /// The earliest and latest article dates (seconds since 1970), nil when no article has one.
    func dateRange() throws -> (first: Int64, last: Int64)? {
        // Two subqueries, so that each reads one end of the dates' index.
        let statement = try database.prepare(
            "SELECT (SELECT min(date) FROM \(IndexSchema.statistics)), (SELECT max(date) FROM \(IndexSchema.statistics))")
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return (statement.int64(0), statement.int64(1))
    }

    /// A value of the meta table, if set.
    func meta(_ key: String) throws -> String? {
        let statement = try database.prepare("SELECT value FROM \(IndexSchema.meta) WHERE key = ?")
        return try statement.bind(.text(key)).step() ? statement.text(0) : nil
    }

    /// The index's synonyms, as stored (none when none were set).
    func synonyms() throws -> Synonyms {
        guard let text = try meta(Self.synonymsKey), !text.isEmpty else { return .empty }
        return try Synonyms(text: text, source: "the index's synonyms")
    }

    /// The index's synonyms for the query compiler, read once until the index changes (read ``figures()`` first:
    /// it notices the change).
    func synonymTable(fold: (String) -> String) throws -> SynonymTable {
        if let cachedSynonyms { return cachedSynonyms }
        let table = SynonymTable(try synonyms(), fold: fold)
        cachedSynonyms = table
        return table
    }

    /// The paths of rows `ids`, in row order.
    func paths(ids: [Int64]) throws -> [String] {
        let statement = try database.prepare("SELECT path FROM \(IndexSchema.documents) WHERE id = ?")
        return try ids.sorted().compactMap { id in try statement.bind(.integer(id)).step() ? statement.text(0) : nil }
    }
}

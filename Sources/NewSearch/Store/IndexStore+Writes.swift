import Foundation

extension IndexStore {
    /// The statements that change the index, compiled once for a writable store.
    struct Writes {
        let insertDocument: Statement
        let insertStatistics: Statement
        let insertText: Statement
        let deleteDocument: Statement
        let addToTotals: Statement
        let upsertFigure: Statement
        let addToTitles: Statement
        let countUnderTitle: Statement
        let markSeries: Statement
        let removeHeads: Statement

        init(_ database: Database) throws {
            insertDocument = try database.prepare("""
                INSERT INTO \(IndexSchema.documents)
                    (id, path, title, author, categories, date, compressed_body, compressed_images, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertStatistics = try database.prepare(
                "INSERT INTO \(IndexSchema.statistics) (\(StatisticsRecord.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            insertText = try database.prepare("INSERT INTO \(IndexSchema.fts) (rowid, title, body) VALUES (?, ?, ?)")
            deleteDocument = try database.prepare("DELETE FROM \(IndexSchema.documents) WHERE id = ?")
            addToTotals = try database.prepare(IndexSchema.totalsAddition)
            upsertFigure = try database.prepare(IndexSchema.figureUpsert)
            addToTitles = try database.prepare(IndexSchema.titleAddition)
            countUnderTitle = try database.prepare(IndexSchema.titleCount)
            markSeries = try database.prepare(IndexSchema.seriesMarkingByKey)
            removeHeads = try database.prepare(IndexSchema.headsRemoval)
        }
    }

    private var requireWrites: Writes {
        guard let writes else { preconditionFailure("a write to a read-only index store") }
        return writes
    }

    /// Every stored document: its path, row id and content hash.
    func storedDocuments() throws -> [String: (id: Int64, hash: String)] {
        let statement = try database.prepare("SELECT path, id, content_hash FROM \(IndexSchema.documents)")
        var result: [String: (id: Int64, hash: String)] = [:]
        while try statement.step() {
            result[statement.text(0) ?? ""] = (statement.int64(1), statement.text(2) ?? "")
        }
        return result
    }

    /// The stored documents among `paths`: their row ids and content hashes.
    func storedDocuments(paths: [String]) throws -> [String: (id: Int64, hash: String)] {
        let statement = try database.prepare("SELECT id, content_hash FROM \(IndexSchema.documents) WHERE path = ?")
        var result: [String: (id: Int64, hash: String)] = [:]
        for path in paths where try statement.bind(.text(path)).step() {
            result[path] = (statement.int64(0), statement.text(1) ?? "")
        }
        return result
    }

    /// The row id of the document stored under `path`, if any.
    func documentID(path: String) throws -> Int64? {
        try storedDocuments(paths: [path])[path]?.id
    }

    /// Stores a prepared article, its statistics, and indexes its text with the tokens analysed ahead of time; the
    /// ranked heads, which no longer rank the articles as they are, go (an empty table's delete costs about a
    /// microsecond, and in the article's transaction it cannot be undone without the article).
    ///
    /// An article that replaces another takes its row id (deleted first, see ``Indexer``): its rows go back into
    /// the pages the old ones left, where a new id would leave a hole in every page a daily update touches (the
    /// documents table of the shared corpus grew by half in eight runs of 1,350 updates), and ids stay stable.
    func insert(_ prepared: PreparedArticle) throws {
        let article = prepared.article, writes = requireWrites
        try writes.removeHeads.run()
        try writes.insertDocument.bind(
            prepared.replacing.map(SQLValue.integer) ?? .null, .text(prepared.path), .text(article.title), .optionalText(article.author),
            .text(prepared.categoriesJSON), .optionalText(prepared.dateText),
            .blob(prepared.compressedBody), .blob(prepared.compressedImages), .text(prepared.contentHash)
        ).run()
        let id = database.lastInsertRowID
        let title = prepared.titleTokens, body = prepared.bodyTokens
        let record = StatisticsRecord(id: id, title: title, body: body, date: article.date, titleKey: prepared.titleKey)
        try writes.insertStatistics.bind(
            record.values(boundaries: StatisticsRecord.boundaries(title: title, body: body),
                          characters: prepared.characters)).run()
        try writes.addToTotals.bind(.integer(Int64(record.titleLength)), .integer(Int64(record.bodyLength))).run()
        let isSeries = try countUnderTitle(record.titleKey)
        try writes.upsertFigure.bind(.integer(id), .integer(Int64(record.titleLength)), .integer(Int64(record.bodyLength)),
                                     record.date.map(SQLValue.integer) ?? .null, .integer(isSeries ? 1 : 0)).run()
        host.offer(article.title, tokens: title)
        host.offer(article.body, tokens: body)
        defer { host.clear() }
        try writes.insertText.bind(.integer(id), .text(article.title), .text(article.body)).run()
        generation += 1
    }

    /// Counts an article (whose statistics row is stored) under its title's key, and returns whether the title is a
    /// series' now: at its ``Ranking/seriesSize``-th article, the articles already under it are marked in their
    /// figures (the article itself is marked by the caller, with its entry). A title of no text (key
    /// ``SeriesTitles/untitled``) is not counted: articles without a title are no series.
    private func countUnderTitle(_ key: Int64) throws -> Bool {
        guard key != SeriesTitles.untitled else { return false }
        let writes = requireWrites
        try writes.addToTitles.bind(.integer(key)).run()
        guard try writes.countUnderTitle.bind(.integer(key)).step() else { return false }
        let articles = writes.countUnderTitle.int64(0)
        try writes.countUnderTitle.run()  // to its end, which releases the statement
        if articles == Int64(Ranking.seriesSize) { try writes.markSeries.bind(.integer(key)).run() }
        return articles >= Int64(Ranking.seriesSize)
    }

    /// Removes a document; the schema's delete trigger removes its statistics and its index entries.
    func delete(id: Int64) throws {
        try requireWrites.deleteDocument.bind(.integer(id)).run()
        generation += 1
    }

    /// Records that a run changed the index now (`meta.last_updated`, seconds since 1970).
    func recordUpdate() throws {
        try setMeta("last_updated", "\(Int(Date().timeIntervalSince1970))")
    }
}

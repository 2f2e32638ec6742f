import Foundation

extension IndexStore {
    /// The head ranked for the match expression `expression` under the model `model` (``RankedHead/modelKey(_:)``),
    /// if the index holds one, its rows dated from `figures` (those of the last ``figures()``): every write to the
    /// articles empties the heads, so one that is found ranks the index as it is.
    func head(expression: String, model: String, figures: ArticleFigures) throws -> RankedHead? {
        let statement = try database.cachedStatement(
            "SELECT frequency, rows FROM \(IndexSchema.heads) WHERE expression = ? AND model = ?")
        guard try statement.bind(.text(expression), .text(model)).step() else { return nil }
        let frequency = Int(statement.int64(0))
        return statement.withBlob(1) { RankedHead(encoded: $0, frequency: frequency) { figures.entry($0).date } }
    }

    /// Whether the heads were ranked since the articles last changed (``replaceHeads(_:model:ifMarked:)`` ran after
    /// the last write): a run that changed nothing need not rank them again.
    func headsAreRanked() throws -> Bool {
        try rankedHeadCount() != nil
    }

    /// The number of heads ranked since the articles last changed, nil when they were not.
    func rankedHeadCount() throws -> Int? {
        let statement = try database.cachedStatement("SELECT frequency FROM \(IndexSchema.heads) WHERE expression = ''")
        return try statement.step() ? Int(statement.int64(0)) : nil
    }

    /// Marks the articles as they are now as the ones heads are being ranked for, and returns the mark: any write to
    /// the articles removes it with the heads, so that ``replaceHeads(_:model:ifMarked:)`` can tell whether the
    /// heads ranked meanwhile, on other connections, still rank the index. Nil when the heads are ranked already.
    func markHeadsForRanking() throws -> String? {
        try database.transaction {
            guard try !headsAreRanked() else { return nil }
            let mark = "\u{1}" + UUID().uuidString
            try database.prepare("INSERT OR REPLACE INTO \(IndexSchema.heads) (expression, model, frequency, rows) VALUES (?, '', 0, x'')")
                .bind(.text(mark)).run()
            return mark
        }
    }

    /// Replaces every head with `heads` (by match expression), ranked under the model `model`, and marks them ranked
    /// (a row of no expression, which any write removes with them), in one transaction; when `mark` is given, only
    /// if the articles did not change since ``markHeadsForRanking()`` made it. Returns whether the heads were stored.
    @discardableResult
    func replaceHeads(_ heads: [String: RankedHead], model: String, ifMarked mark: String? = nil) throws -> Bool {
        try database.transaction {
            if let mark {
                let marked = try database.prepare("SELECT 1 FROM \(IndexSchema.heads) WHERE expression = ?")
                guard try marked.bind(.text(mark)).step() else { return false }
            }
            try database.execute(IndexSchema.headsRemoval)
            let insert = try database.prepare(
                "INSERT INTO \(IndexSchema.heads) (expression, model, frequency, rows) VALUES (?, ?, ?, ?)")
            try insert.bind(.text(""), .text(model), .integer(Int64(heads.count)), .blob([])).run()
            for (expression, head) in heads.sorted(by: { $0.key < $1.key }) {
                try insert.bind(.text(expression), .text(model), .integer(Int64(head.frequency)),
                                .blob(head.encoded)).run()
            }
            return true
        }
    }

    /// The tokens of the index that at least `frequency` articles hold, from `lower` (inclusive) to `upper`
    /// (exclusive) where given, most frequent first, through FTS5's own vocabulary (one pass over those terms' lists).
    func frequentTokens(atLeast frequency: Int, from lower: String? = nil, below upper: String? = nil) throws -> [String] {
        try database.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(IndexSchema.fts)_vocabulary USING fts5vocab(main, \(IndexSchema.fts), row)")
        // Each bound a constraint of its own, which the vocabulary table seeks to (not inside an OR, which it cannot).
        let bounds = (lower == nil ? "" : " AND term >= ?2") + (upper == nil ? "" : " AND term < ?3")
        let statement = try database.prepare(
            "SELECT term FROM temp.\(IndexSchema.fts)_vocabulary WHERE doc >= ?1\(bounds) ORDER BY doc DESC, term")
        // Parameters up to the highest one the text names (?3 when there is an upper bound).
        let values: [SQLValue] = [.integer(Int64(frequency))]
            + (upper.map { [lower.map(SQLValue.text) ?? .null, .text($0)] } ?? lower.map { [.text($0)] } ?? [])
        try statement.bind(values)
        var tokens: [String] = []
        while try statement.step() { tokens.append(statement.text(0) ?? "") }
        return tokens
    }

    /// The row ids of about `count` articles spread evenly over the index (every n-th row id), for a sample.
    func sampleIDs(_ count: Int) throws -> [Int64] {
        let articles = try documentCount()
        let statement = try database.prepare(
            "SELECT id FROM \(IndexSchema.documents) WHERE id % ?1 = 0 ORDER BY id LIMIT ?2")
        try statement.bind(.integer(Int64(max(1, articles / max(1, count)))), .integer(Int64(count)))
        var ids: [Int64] = []
        while try statement.step() { ids.append(statement.int64(0)) }
        return ids
    }
}

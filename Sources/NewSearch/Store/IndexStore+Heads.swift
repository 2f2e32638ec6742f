extension IndexStore {
    /// The head ranked for the match expression `expression` under the model `model` (``RankedHead/modelKey(_:)``),
    /// if the index holds one: every write to the articles empties the heads, so one that is found ranks the index
    /// as it is.
    func head(expression: String, model: String) throws -> RankedHead? {
        let statement = try database.cachedStatement(
            "SELECT frequency, rows FROM \(IndexSchema.heads) WHERE expression = ? AND model = ?")
        guard try statement.bind(.text(expression), .text(model)).step() else { return nil }
        let frequency = Int(statement.int64(0))
        return statement.withBlob(1) { RankedHead(encoded: $0, frequency: frequency) }
    }

    /// Whether the heads were ranked since the articles last changed (``replaceHeads(_:model:)`` ran after the last
    /// write): a run that changed nothing need not rank them again.
    func headsAreRanked() throws -> Bool {
        let statement = try database.cachedStatement("SELECT 1 FROM \(IndexSchema.heads) WHERE expression = ''")
        return try statement.step()
    }

    /// Replaces every head with `heads` (by match expression), ranked under the model `model`, in one transaction,
    /// and marks them ranked (a row of no expression, which any write removes with them).
    func replaceHeads(_ heads: [String: RankedHead], model: String) throws {
        try database.transaction {
            try database.execute(IndexSchema.headsRemoval)
            let insert = try database.prepare(
                "INSERT INTO \(IndexSchema.heads) (expression, model, frequency, rows) VALUES (?, ?, ?, ?)")
            try insert.bind(.text(""), .text(model), .integer(Int64(heads.count)), .blob([])).run()
            for (expression, head) in heads.sorted(by: { $0.key < $1.key }) {
                try insert.bind(.text(expression), .text(model), .integer(Int64(head.frequency)),
                                .blob(head.encoded)).run()
            }
        }
    }

    /// The tokens of the index that at least `frequency` articles hold, most frequent first, through FTS5's own
    /// vocabulary (one pass over the index's terms).
    func frequentTokens(atLeast frequency: Int) throws -> [String] {
        try database.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(IndexSchema.fts)_vocabulary USING fts5vocab(main, \(IndexSchema.fts), row)")
        let statement = try database.prepare(
            "SELECT term FROM temp.\(IndexSchema.fts)_vocabulary WHERE doc >= ? ORDER BY doc DESC, term")
        try statement.bind(.integer(Int64(frequency)))
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

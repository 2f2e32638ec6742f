extension Searcher {
    /// The tokens of the index that at least `minimumFrequency` articles hold, in shard `shard` of `shards` (FTS5's
    /// vocabulary cut in about equal parts, ``vocabularyCuts(_:)``, so that readers can share its pass); none in an
    /// index of fewer articles.
    func frequentTokens(minimumFrequency: Int = RankedHead.minimumFrequency, shard: Int = 0, of shards: Int = 1) throws
        -> [String] {
        try store.reading {
            guard try store.documentCount() >= minimumFrequency else { return [] }
            let cuts = Self.vocabularyCuts(shards)
            return try store.frequentTokens(atLeast: minimumFrequency, from: shard > 0 ? cuts[shard - 1] : nil,
                                            below: shard < cuts.count ? cuts[shard] : nil)
        }
    }

    /// Where FTS5's vocabulary is cut into `shards` parts of about equal work: in news text half of it lies in terms
    /// below 工 (U+5DE5), the rest up to the end of the CJK block (U+9FFF); each half is cut evenly.
    static func vocabularyCuts(_ shards: Int) -> [String] {
        guard shards > 1 else { return [] }
        return (1 ..< shards).map { cut in
            let share = Double(cut) / Double(shards)
            let scalar = share <= 0.5 ? 0x4E00 + share / 0.5 * Double(0x5DE5 - 0x4E00)
                : 0x5DE5 + (share - 0.5) / 0.5 * Double(0xA000 - 0x5DE5)
            return String(Character(Unicode.Scalar(UInt32(scalar))!))
        }
    }

    /// The phrases worth a head (see ``sampledPhrases(estimatedAtLeast:)``): those the sample says at least
    /// `minimumFrequency` articles hold; none in an index of fewer articles.
    func frequentPhrases(minimumFrequency: Int = RankedHead.minimumFrequency) throws -> [String] {
        try store.reading {
            guard try store.documentCount() >= minimumFrequency else { return [] }
            // The bound itself: a phrase half as frequent again is missed about once in 20 (in a million articles,
            // counted fewer than 17 times where 25 are expected). Six tenths of it caught more of those nearer the
            // bound but ranked more phrases that do not reach it: at ×50 of the shared corpus 8,030 heads in 93 s
            // against 7,200 in 57 s.
            return try sampledPhrases(estimatedAtLeast: minimumFrequency)
        }
    }

    /// The heads of those of `terms` that a head can answer and at least `minimumFrequency` articles hold, ranked under
    /// the standard model in one read transaction, by the key each is stored under. Each head is the page of 256 rows
    /// a search of the term ranks from every hit, so that a search reading its page from the head answers as that
    /// search would.
    func rankHeads(of terms: [String], minimumFrequency: Int = RankedHead.minimumFrequency,
                   cancellation: CancellationFlag? = nil) throws -> [String: RankedHead] {
        var heads: [String: RankedHead] = [:]
        try store.reading {
            for term in terms {
                try cancellation?.check()
                guard let search = try headSearch(of: term), heads[search.key] == nil else { continue }
                let head = try rankHead(search)
                if head.frequency >= minimumFrequency { heads[search.key] = head }
            }
        }
        return heads
    }

    /// The search whose page a head is: 256 rows under the standard model.
    static var headOptions: SearchOptions {
        var options = SearchOptions(limit: PageRanker.candidates)
        options.ranking = .standard
        return options
    }

    /// The articles a sample for ``sampledPhrases(estimatedAtLeast:)`` reads: enough that a phrase of the bound's
    /// frequency in a million articles is counted 16 times on average, few enough to read and analyse in about half a
    /// second.
    static let phraseSample = 2000

    /// The runs of 2 to 8 characters that begin and end on word boundaries (a word or words in a row, as the
    /// analyzer cut them) in the articles of an even sample, and that the sample suggests at least `frequency`
    /// articles of the index hold: the words and phrases of several tokens worth a head (反腐, 习近平, 全面建成小康社会);
    /// a frequent term that is a single token comes from FTS5's vocabulary as well.
    func sampledPhrases(estimatedAtLeast frequency: Int) throws -> [String] {
        let ids = try store.sampleIDs(Self.phraseSample)
        let articles = try store.documentCount()
        guard !ids.isEmpty else { return [] }
        let needed = max(2, Int((Double(frequency) * Double(ids.count) / Double(max(1, articles))).rounded(.up)))
        // Counted by a hash of the phrase's characters, with no string made per phrase; the text of a phrase is
        // kept the first time its count reaches the threshold.
        var counts: [Int: Int] = [:], found: [Int: String] = [:]
        var seen = Set<Int>(), list = TokenList()
        for id in ids {
            guard let article = try store.article(id: id) else { continue }
            seen.removeAll(keepingCapacity: true)
            for text in [Array(article.title.utf8), article.body] {
                list.removeAll()
                text.withUnsafeBufferPointer { analyzer.analyze($0, mode: .document, into: &list) }
                list.finish()
                Self.forEachPhrase(list) { hash, range in
                    guard seen.insert(hash).inserted else { return }
                    counts[hash, default: 0] += 1
                    if counts[hash] == needed {
                        found[hash] = String(decoding: range.flatMap { list.text(of: list.entries[$0]) }, as: UTF8.self)
                    }
                }
            }
        }
        return found.sorted { (counts[$0.key] ?? 0, $1.value) > (counts[$1.key] ?? 0, $0.value) }.map(\.value)
    }

    /// Calls `body` with a hash and the token range of every run of 2 to 8 character tokens of `list` (no gap
    /// inside) that begins where a word begins and ends where a word ends.
    private static func forEachPhrase(_ list: TokenList, _ body: (Int, Range<Int>) -> Void) {
        let entries = list.entries
        for start in entries.indices where !list.isGap(entries[start]) && list.boundaries.contains(start) {
            var hasher = Hasher()
            hasher.combine(list.text(of: entries[start]))
            for end in start + 1 ..< min(entries.count, start + 8) {
                guard !list.isGap(entries[end]) else { break }
                hasher.combine(list.text(of: entries[end]))
                if list.boundaries.contains(end + 1) {
                    var copy = hasher
                    copy.combine(end - start)
                    body(copy.finalize(), start ..< end + 1)
                }
            }
        }
    }

    /// The key a head is stored under: its match expression folded, so that 經濟 finds the head of 经济 (FTS5
    /// folds the expression's text as it tokenizes it; its syntax is the compiler's, quoted, and folds to itself).
    func headKey(_ expression: String) -> String {
        analyzer.folded(expression)
    }

    /// A compiled search of one term, planned as a head ranks it, and the key its head is stored under.
    private typealias HeadSearch = (key: String, plan: QueryPlan, execution: ExecutionPlan, figures: ArticleFigures)

    /// A search of `term` alone as a head ranks it, and the key its head is stored under; nil when the search is not
    /// one a head can answer (the planner gives it no ``ExecutionPlan/head``).
    private func headSearch(of term: String) throws -> HeadSearch? {
        let compiled = try compile(QueryParser.parse(term), ranked: true)
        let execution = QueryPlanner.execution(of: compiled.plan, ranked: true, options: Self.headOptions)
        guard let key = execution.head.map(headKey) else { return nil }
        return (key, compiled.plan, execution, compiled.figures)
    }

    /// The head `search` ranks: the page of ``PageRanker/candidates`` rows ranked from every hit.
    private func rankHead(_ search: HeadSearch) throws -> RankedHead {
        let ranked = try PageRanker(store: store, analyzer: analyzer).rankEveryHit(
            search.plan, search.execution, Self.headOptions, known: search.plan.ranking.terms.map { _ in nil },
            figures: search.figures, cancellation: nil)
        return RankedHead(rows: ranked.page, frequency: ranked.total)
    }
}

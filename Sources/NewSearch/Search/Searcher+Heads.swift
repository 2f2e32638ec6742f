extension Searcher {
    /// Ranks the head of every frequent term, under the standard model, and stores them in place of the index's heads
    /// (see ``RankedHead``); nothing when the heads were ranked since the articles last changed. Returns the number
    /// of heads ranked, nil when none had to be.
    ///
    /// The terms: every token of the index that at least `minimumFrequency` articles hold (FTS5's vocabulary), and
    /// every run of 3 to 6 characters that makes whole words in the articles of a sample (``sampledPhrases``) and
    /// that many articles hold (习近平, 一带一路). Each head is the page of 256 rows a search of the term ranks from
    /// every hit, so that a search reading its page from the head answers as that search would.
    /// - Parameter progress: called before the first term and after every 64th, with the terms ranked and the
    ///   terms to rank.
    func rankHeads(minimumFrequency: Int = RankedHead.minimumFrequency, cancellation: CancellationFlag? = nil,
                   progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> Int? {
        guard try !store.headsAreRanked() else { return nil }
        var options = SearchOptions(limit: RankedHead.capacity)
        options.ranking = .standard
        var heads: [String: RankedHead] = [:]
        try store.reading {
            // No term can reach the threshold in an index of fewer articles: nothing to read.
            guard try store.documentCount() >= minimumFrequency else { return }
            let terms = try store.frequentTokens(atLeast: minimumFrequency)
                + sampledPhrases(estimatedAtLeast: minimumFrequency / 2)
            for (done, term) in terms.enumerated() {
                try cancellation?.check()
                if done % 64 == 0 { progress(done, terms.count) }
                guard let (key, head) = try rankHead(of: term, options: options), heads[key] == nil,
                      head.frequency >= minimumFrequency else { continue }
                heads[key] = head
            }
        }
        try store.replaceHeads(heads, model: RankedHead.modelKey(options.ranking))
        return heads.count
    }

    /// The articles a sample for ``sampledPhrases(estimatedAtLeast:)`` reads: enough to estimate a frequency of a
    /// few percent within a fifth or so, few enough to read and analyse in a fraction of a second.
    static let phraseSample = 1000

    /// The runs of 3 to 6 characters that begin and end on word boundaries (a word or words in a row, as the
    /// analyzer cut them) in the articles of an even sample, and that the sample suggests at least `frequency`
    /// articles of the index hold: the phrases of several tokens worth a head. A frequent term that is a single token
    /// comes from FTS5's vocabulary instead, and one of two characters is a single token or rarer than any head.
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

    /// Calls `body` with a hash and the token range of every run of 3 to 6 character tokens of `list` (no gap
    /// inside) that begins where a word begins and ends where a word ends.
    private static func forEachPhrase(_ list: TokenList, _ body: (Int, Range<Int>) -> Void) {
        let entries = list.entries
        for start in entries.indices where !list.isGap(entries[start]) && list.boundaries.contains(start) {
            var hasher = Hasher()
            hasher.combine(list.text(of: entries[start]))
            for end in start + 1 ..< min(entries.count, start + 6) {
                guard !list.isGap(entries[end]) else { break }
                hasher.combine(list.text(of: entries[end]))
                if end - start >= 2, list.boundaries.contains(end + 1) {
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

    /// The head of `term` searched alone with `options`, and the key it is stored under; nil when the search is not
    /// one a head can answer (the planner gives it no ``ExecutionPlan/head``).
    private func rankHead(of term: String, options: SearchOptions) throws -> (String, RankedHead)? {
        let compiled = try compile(QueryParser.parse(term), ranked: true)
        let execution = QueryPlanner.execution(of: compiled.plan, ranked: true, options: options)
        guard let key = execution.head.map(headKey) else { return nil }
        let ranked = try PageRanker(store: store).rankEveryHit(
            compiled.plan, execution, options, known: compiled.plan.ranking.terms.map { _ in nil },
            figures: compiled.figures, cancellation: nil)
        return (key, RankedHead(rows: ranked.page, frequency: ranked.total))
    }
}

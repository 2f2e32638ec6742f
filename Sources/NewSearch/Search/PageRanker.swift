/// Ranks a compiled query's hits into a page, in two phases (every match scored by the first, in the ranking
/// function, keeping the best candidates with their matches; the whole model on those candidates, until none further
/// down can enter the page), from every hit or, for one frequent term, from the tier of articles holding it in their
/// title (``ExecutionPlan/titleTier``).
struct PageRanker {
    let store: IndexStore
    /// Folds the query's characters (``Ranking/characterBoost``), as the index folded the articles'.
    let analyzer: Analyzer

    /// The candidates the first phase keeps for the second (more when a page reaches further): the best few
    /// hundred, as Vespa's second-phase ranking and Elasticsearch's rescoring take. The second phase can raise a
    /// score by at most ``RelevanceModel/maximumRaise`` (2.12: word alignment 1.6, proximity 1.05, the query's
    /// characters 1.2, the lead 1.05), so an article below them would need its matches word-aligned and the query's
    /// characters where each of the 256 above it has none. With 100, one-character terms (党, 马), whose articles
    /// score alike until word alignment tells them apart, lost hits 4–20 to articles below the hundredth.
    static let candidates = 256
    /// The most hits a page the candidates could not settle (rows they left out might still reach it) is ranked
    /// again from, all of them candidates. Past it the page stands as the candidates give it, as a second phase over
    /// the best few hundred does in Vespa and Elasticsearch, and may differ from ranking every hit where hundreds of
    /// articles score alike until word alignment tells them apart. A second try from 2,048 candidates whatever the
    /// hits made the frequent terms at ×10, where every article is there ten times, 2–3 times slower
    /// (经济 7.6 → 21.8 ms); one from all hits up to 2,048, 春运 (1,470 hits) 1.6 → 3.8 ms.
    static let mostCandidates = 1024

    /// A ranked page and what the search says of the hits besides.
    struct RankedPage {
        /// The page from the first hit on (the offset not yet dropped), scored without idf when it is deferred.
        var page: [TopHits.Row]
        var parts: [Int64: RelevanceModel.Score]
        /// The number of hits, exact (the searcher reports it past ``SearchResults/countedTotal`` as a lower bound).
        var total: Int
        var facets: [Facet: [FacetCount]] = [:]
        /// The number of articles the one term matches, for its deferred idf, when known without a count of its own.
        var matching: Int?
    }

    /// The page ranked from every hit: each match scored by the first phase, the candidates by the second.
    /// - Parameter known: the terms' document frequencies the store had cached, read by the searcher to plan.
    func rankEveryHit(_ plan: QueryPlan, _ execution: ExecutionPlan, _ options: SearchOptions, known: [Int?],
                      figures: ArticleFigures, cancellation: CancellationFlag?) throws -> RankedPage {
        let wanted = options.limit.map { max(0, options.offset) + $0 } ?? Int.max
        let order: TopHits.Order = options.sort == .relevance && plan.match != nil ? .relevance : .date
        var frequencies = execution.cachesFrequencies ? known : plan.ranking.terms.map { _ in nil }
        var capacity = order == .date ? wanted : max(wanted, Self.candidates)
        while true {
            let query = RankingQuery(plan: plan.ranking, documentFrequencies: frequencies,
                                     defersIDF: execution.defersIDF)
            query.parameters = options.ranking
            query.keepCandidates(TopHits(capacity: capacity, order: order), page: wanted)
            query.keepsCandidateMatches = plan.match != nil
            query.collectsIDs = !options.facets.isEmpty
            query.cancellation = cancellation
            try collectHits(plan, execution, into: query)
            let second = try secondPhase(query, order: order, wanted: wanted, explains: options.explain)
            // A page the candidates could not settle is ranked again from all the hits, when they are few enough.
            if !second.isExact, capacity < query.total, query.total <= Self.mostCandidates {
                frequencies = query.documentFrequencies
                capacity = Self.mostCandidates
                continue
            }
            var ranked = RankedPage(page: second.page, parts: second.parts, total: query.total)
            if !options.facets.isEmpty {
                ranked.facets = try store.facetCounts(options.facets, ids: query.ids, figures: figures)
            }
            if execution.totalIsTermFrequency { ranked.matching = query.total }
            if execution.totalIsTermFrequency, order == .relevance, let term = plan.ranking.terms.first,
               plan.ranking.terms.count == 1, let bound = untitledBound(query) {
                store.cacheUntitledBound(bound, of: term, parameters: options.ranking)
            }
            if execution.cachesFrequencies {
                store.cacheFrequencies(execution.totalIsTermFrequency ? [query.total] : query.documentFrequencies,
                                       of: plan.ranking.terms)
            }
            return ranked
        }
    }

    /// The most any hit without a match in its title scored in the first phase (idf deferred, as for one term): the
    /// best such candidate kept, or the best row the candidates left out (pushed out, or turned away as unable to
    /// reach this page), whichever is higher (a row left out may be titled or not: its score bounds both). Nil when
    /// the candidates' matches were not kept.
    private func untitledBound(_ query: RankingQuery) -> Double? {
        guard query.hasCandidateMatches else { return nil }
        var bound = query.bestLeftOut
        for row in query.top.rows where !query.candidateMatches(of: row.id).contains(where: { $0.column == 0 }) {
            bound = max(bound, row.score)
        }
        return bound
    }

    /// The page read from the ranked head stored under `key` (the folded ``ExecutionPlan/head``), with the head's
    /// frequency as the total; nil when the index holds no such head under the search's model.
    func rankFromHead(key: String?, _ options: SearchOptions, figures: ArticleFigures) throws -> RankedPage? {
        guard let key, let limit = options.limit,
              let head = try store.head(expression: key, model: RankedHead.modelKey(options.ranking), figures: figures)
        else { return nil }
        let wanted = max(0, options.offset) + limit
        guard head.rows.count >= min(wanted, head.frequency) else { return nil }
        return RankedPage(page: Array(head.rows.prefix(wanted)), parts: [:], total: head.frequency,
                          matching: head.frequency)
    }

    /// The page ranked from the articles that hold the one term in their title (``ExecutionPlan/titleTier``), with
    /// the term's document frequency an earlier search counted as its total; nil when that page is not the page of
    /// every hit (too few such articles, or one on the page scores no more than an article without the term in its
    /// title could).
    func rankTitleTier(_ plan: QueryPlan, _ execution: ExecutionPlan, _ options: SearchOptions,
                       cancellation: CancellationFlag?) throws -> RankedPage? {
        guard let tier = execution.titleTier, let limit = options.limit else { return nil }
        let wanted = max(0, options.offset) + limit
        let query = RankingQuery(plan: tier.ranking, defersIDF: true)
        query.parameters = options.ranking
        query.keepCandidates(TopHits(capacity: max(wanted, Self.candidates), order: .relevance), page: wanted)
        query.keepsCandidateMatches = true
        query.cancellation = cancellation
        try store.rankMatches(tier.match, into: query, allAtOnce: false)
        if let term = plan.ranking.terms.first { store.cacheTitleFrequency(query.total, of: term) }
        let second = try secondPhase(query, order: .relevance, wanted: wanted, explains: options.explain)
        let model = RelevanceModel(parameters: options.ranking)
        guard let scoring = query.scoringFigures, second.page.count >= wanted, let worst = second.page.last else {
            return nil
        }
        // An untitled article scores at most its first phase's best times the second phase's raise; without that
        // figure, the most any untitled article could score.
        var bound = model.boundWithoutTitle(idf: scoring.idf)
        if let untitled = tier.untitledBound { bound = min(bound, untitled * model.maximumRaise(rewardsProximity: false)) }
        guard worst.score > bound else { return nil }
        return RankedPage(page: second.page, parts: second.parts, total: tier.frequency, matching: tier.frequency)
    }

    /// The second phase: the whole model on the first phase's candidates, best first, keeping the best `wanted`.
    /// In date order the candidates are the page, rescored for their scores alone. In relevance order it stops at
    /// the first candidate whose first-phase score, times the most the second phase can add, cannot reach the page.
    /// `isExact`: the page is the one ranking every hit would give, since no row the first phase left out (when it
    /// had more than it could keep) could reach it.
    private func secondPhase(_ query: RankingQuery, order: TopHits.Order, wanted: Int, explains: Bool) throws
        -> (page: [TopHits.Row], parts: [Int64: RelevanceModel.Score], isExact: Bool) {
        let candidates = query.top.sorted()
        guard wanted > 0, let figures = query.scoringFigures, query.hasCandidateMatches else {
            return (Array(candidates.prefix(wanted)), [:], true)
        }
        let model = RelevanceModel(parameters: query.parameters)
        let scorer = CandidateScorer(model: model, terms: query.plan.terms.count, columns: figures.columns,
                                     idf: figures.idf, averageLengths: figures.averageLengths,
                                     rewardsProximity: query.plan.rewardsProximity,
                                     characters: model.parameters.characterBoost > 0
                                        ? analyzer.queryCharacters(query.plan.terms) : QueryCharacters(foldedTerms: []))
        var best = TopHits(capacity: wanted, order: order), parts: [Int64: RelevanceModel.Score] = [:]
        let raise = model.maximumRaise(rewardsProximity: query.plan.rewardsProximity)
        for candidate in candidates {
            if order == .relevance, best.isFull, let worst = best.worst, candidate.score * raise < worst.score {
                break
            }
            let matches = query.candidateMatches(of: candidate.id)
            let isSeries = query.isSeries(candidate.id)
            let scored = try store.withStatisticsRecord(id: candidate.id) { record, boundaries, characters in
                if explains {
                    let score = scorer.explained(matches, record: record, boundaries: boundaries, characters: characters,
                                                 isSeries: isSeries)
                    return (score.total, score)
                }
                let floor = order == .relevance && best.isFull ? best.worst?.score ?? 0 : 0
                return (scorer.score(matches, record: record, boundaries: boundaries, characters: characters,
                                     isSeries: isSeries, floor: floor), nil)
            } as (total: Double, parts: RelevanceModel.Score?)?
            guard let scored else { continue }
            best.offer(TopHits.Row(id: candidate.id, score: scored.total, date: candidate.date))
            if let explained = scored.parts, best.keptLast { parts[candidate.id] = explained }
        }
        let page = best.sorted()
        let kept = Set(page.map(\.id))
        let dropped = query.top.bestDropped
        let exact = order == .date || dropped == -.infinity
            || (best.isFull && dropped * raise < (best.worst?.score ?? .infinity))
        return (page, parts.filter { kept.contains($0.key) }, exact)
    }

    /// Scores and collects every hit of `plan` into `query`, as `execution` says, with the figures of the store's
    /// last ``IndexStore/figures()``.
    func collectHits(_ plan: QueryPlan, _ execution: ExecutionPlan, into query: RankingQuery) throws {
        query.allowed = plan.filters.isEmpty ? nil : try store.documentIDs(meeting: plan.filters)
        if let match = plan.match {
            try store.rankMatches(match, into: query, allAtOnce: execution.strategy == .scoreOnePhrase)
            return
        }
        let excluded = try plan.exclusion.map(store.matchingIDs) ?? []
        for article in try store.everyArticle() where !excluded.contains(article.id) {
            query.collect(id: article.id, score: 0, date: article.date)
        }
    }
}

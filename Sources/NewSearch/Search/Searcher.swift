import Foundation

/// Runs queries against the index store: parse, compile, rank every match in memory while keeping the best page
/// (the total stays exact), then read and highlight the page's articles alone.
struct Searcher {
    let store: IndexStore
    let analyzer: Analyzer

    func paths(matching text: String, cancellation: CancellationFlag? = nil) throws -> [String] {
        let plan = QueryCompiler.compile(QueryParser.parse(text), analyzer: analyzer, ranked: false)
        let execution = QueryPlanner.execution(of: plan, ranked: false)
        switch execution.strategy {
        case .nothing: return []
        case .matchingRows: return try store.paths(matching: plan.match!)
        default: break
        }
        let query = RankingQuery(plan: plan.ranking, defersIDF: execution.defersIDF)
        query.collectsIDs = true
        query.cancellation = cancellation
        try collectHits(plan, execution, into: query, statistics: store.statistics())
        return try store.paths(ids: query.ids)
    }

    /// - Parameter cancellation: checked between the page's hits (the statements themselves stop by the
    ///   connection's progress check).
    func search(_ text: String, options: SearchOptions, cancellation: CancellationFlag? = nil) throws -> SearchResults {
        let started = ContinuousClock.now
        let parsed = QueryParser.parse(text)
        var plan = QueryCompiler.compile(parsed, analyzer: analyzer)
        if let dates = options.dates { plan.filters.append(.dated(dates)) }
        let execution = QueryPlanner.execution(of: plan, ranked: true)
        var results = SearchResults(query: text, total: 0, hits: [], warnings: plan.warnings)
        results.nothingToSearch = execution.strategy == .nothing
        if options.explain { results.explanation = explanation(parsed, plan) }
        if execution.strategy != .nothing {
            let statistics = try store.statistics()
            let limit = options.limit ?? Int.max, offset = max(0, options.offset)
            let order: TopHits.Order = options.sort == .relevance && plan.match != nil ? .relevance : .date
            let frequencies = execution.cachesFrequencies ? store.cachedFrequencies(plan.ranking.terms)
                : plan.ranking.terms.map { _ in nil }
            let query = RankingQuery(plan: plan.ranking, documentFrequencies: frequencies,
                                     defersIDF: execution.defersIDF, explains: options.explain)
            query.parameters = options.ranking
            query.top = TopHits(capacity: limit == Int.max ? Int.max : offset + limit, order: order)
            query.collectsIDs = !options.facets.isEmpty
            query.cancellation = cancellation
            try collectHits(plan, execution, into: query, statistics: statistics)
            results.total = query.total
            if !options.facets.isEmpty {
                results.facets = try store.facetCounts(options.facets, ids: query.ids, statistics: statistics)
            }
            if execution.cachesFrequencies {
                store.cacheFrequencies(query.documentFrequencies, of: plan.ranking.terms)
            }
            var page = Array(query.top.sorted().dropFirst(offset))
            var explanations = query.explanations
            if execution.defersIDF, let match = plan.match {
                let matching = execution.totalIsTermFrequency ? results.total : try store.matchCount(match)
                let idf = RelevanceModel.idf(matching: matching, total: statistics.count)
                for index in page.indices { page[index].score *= idf }
                for (id, parts) in explanations { explanations[id] = parts.scaled(byIDF: idf) }
            }
            let highlighter = MatchHighlighter(terms: plan.ranking.terms, analyzer: analyzer)
            results.hits = try page.compactMap { row in
                try cancellation?.check()
                return try hit(row, highlighter: highlighter, parts: explanations[row.id], options: options)
            }
        }
        let elapsed = ContinuousClock.now - started
        results.tookMilliseconds = Double(elapsed.components.seconds) * 1000
            + Double(elapsed.components.attoseconds) / 1e15
        return results
    }

    /// Scores and collects every hit of `plan` into `query`, as `execution` says; `statistics` are those the store
    /// just loaded (and handed to the ranking function).
    private func collectHits(_ plan: QueryPlan, _ execution: ExecutionPlan, into query: RankingQuery,
                             statistics: DocumentStatistics) throws {
        query.allowed = plan.filters.isEmpty ? nil : try store.documentIDs(meeting: plan.filters)
        if let match = plan.match {
            try store.rankMatches(match, into: query, allAtOnce: execution.strategy == .scoreOnePhrase)
            return
        }
        let excluded = try plan.exclusion.map(store.matchingIDs) ?? []
        for id in statistics.ids where !excluded.contains(id) {
            query.collect(id: id, score: 0, date: statistics.entry(id)?.date ?? .min)
        }
    }

    /// A page's hit: its stored article, the title and the best passage of the body with the terms highlighted.
    private func hit(_ row: TopHits.Row, highlighter: MatchHighlighter, parts: RelevanceModel.Score?,
                     options: SearchOptions) throws -> SearchHit? {
        guard let article = try store.article(id: row.id) else { return nil }
        return SearchHit(
            path: article.path,
            title: highlighter.highlighted(article.title),
            author: article.author,
            categories: article.categories,
            date: row.date == .min ? nil : Date(timeIntervalSince1970: TimeInterval(row.date)),
            score: row.score,
            snippet: article.body.withUnsafeBufferPointer { highlighter.snippet(of: $0, length: options.snippetLength) },
            scoreParts: parts)
    }

    private func explanation(_ parsed: ParsedQuery, _ plan: QueryPlan) -> QueryExplanation {
        var terms: [QueryExplanation.Term] = []
        func collect(_ node: QueryNode) {
            switch node {
            case .term(let text, _), .phrase(let text):
                terms.append(.init(text: text, tokens: analyzer.tokens(text, mode: .query).map(\.description)))
            case .field(let field, let inner): if field.isFullText { collect(inner) }
            case .not(let inner): collect(inner)
            case .and(let nodes), .or(let nodes): nodes.forEach(collect)
            case .date: break
            }
        }
        parsed.root.map(collect)
        return QueryExplanation(
            parsed: parsed.root?.description ?? "(nothing to search)",
            expression: plan.match?.text, exclusion: plan.exclusion?.text,
            filters: plan.filters.map { FilterSQL($0).explained },
            terms: terms)
    }
}

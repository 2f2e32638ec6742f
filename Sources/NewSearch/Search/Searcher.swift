import Foundation

/// Runs queries against the index store: parse, compile, plan; rank in two phases (every match scored by the first,
/// in the ranking function, keeping the best candidates with their matches; the whole model on those candidates,
/// until none further down can enter the page); then read and highlight the page's articles alone.
struct Searcher {
    let store: IndexStore
    let analyzer: Analyzer
    private var ranker: PageRanker { PageRanker(store: store, analyzer: analyzer) }

    func paths(matching text: String, cancellation: CancellationFlag? = nil) throws -> [String] {
        try store.reading { try listPaths(matching: text, cancellation: cancellation) }
    }

    /// - Parameter cancellation: checked between the page's hits (the statements themselves stop by the
    ///   connection's progress check).
    func search(_ text: String, options: SearchOptions, cancellation: CancellationFlag? = nil) throws -> SearchResults {
        try store.reading { try run(text, options: options, cancellation: cancellation) }
    }

    private func listPaths(matching text: String, cancellation: CancellationFlag?) throws -> [String] {
        let plan = try compile(QueryParser.parse(text), ranked: false).plan
        let execution = QueryPlanner.execution(of: plan, ranked: false)
        switch execution.strategy {
        case .nothing: return []
        case .matchingRows: return try store.paths(matching: plan.match!)
        default: break
        }
        let query = RankingQuery(plan: plan.ranking, defersIDF: execution.defersIDF)
        query.collectsIDs = true
        query.cancellation = cancellation
        try ranker.collectHits(plan, execution, into: query)
        return try store.paths(ids: query.ids)
    }

    private func run(_ text: String, options: SearchOptions, cancellation: CancellationFlag?) throws -> SearchResults {
        let started = ContinuousClock.now
        let parsed = QueryParser.parse(text)
        let compiled = try compile(parsed, ranked: true)
        let figures = compiled.figures
        var plan = compiled.plan
        if let dates = options.dates { plan.filters.append(.dated(dates)) }
        let known = store.cachedFrequencies(plan.ranking.terms)
        let execution = QueryPlanner.execution(
            of: plan, ranked: true, options: options, frequencies: known,
            titleFrequency: plan.ranking.terms.count == 1 ? store.cachedTitleFrequency(plan.ranking.terms[0]) : nil,
            untitledBound: plan.ranking.terms.count == 1
                ? store.cachedUntitledBound(plan.ranking.terms[0], parameters: options.ranking) : nil)
        var results = SearchResults(query: text, total: 0, hits: [], warnings: plan.warnings)
        results.nothingToSearch = execution.strategy == .nothing
        if options.explain { results.explanation = explanation(parsed, plan, synonyms: compiled.synonyms) }
        if execution.strategy != .nothing {
            let ranked = try ranker.rankFromHead(key: execution.head.map(headKey), options, figures: figures)
                ?? ranker.rankTitleTier(plan, execution, options, cancellation: cancellation)
                ?? ranker.rankEveryHit(plan, execution, options, known: known, figures: figures,
                                       cancellation: cancellation)
            let cap = options.exactTotal ? Int.max : options.countedTotal
            results.total = min(ranked.total, cap)
            results.totalIsExact = ranked.total <= cap
            results.facets = ranked.facets
            var page = Array(ranked.page.dropFirst(max(0, options.offset)))
            var explanations = ranked.parts
            if execution.defersIDF, let match = plan.match {
                let matching = try ranked.matching ?? store.matchCount(match)
                let idf = RelevanceModel.idf(matching: matching, total: figures.count)
                for index in page.indices { page[index].score *= idf }
                for (id, parts) in explanations { explanations[id] = parts.scaled(byIDF: idf) }
            }
            let highlighter = MatchHighlighter(terms: plan.marked, analyzer: analyzer)
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

    /// A page's hit: its stored article, the title and the best passage of the body with the terms highlighted.
    private func hit(_ row: TopHits.Row, highlighter: MatchHighlighter, parts: RelevanceModel.Score?,
                     options: SearchOptions) throws -> SearchHit? {
        guard let article = try store.article(id: row.id) else { return nil }
        return SearchHit(
            id: row.id,
            path: article.path,
            title: highlighter.highlighted(article.title),
            author: article.author,
            categories: article.categories,
            date: row.date == .min ? nil : Date(timeIntervalSince1970: TimeInterval(row.date)),
            score: row.score,
            snippet: article.body.withUnsafeBufferPointer { highlighter.snippet(of: $0, length: options.snippetLength) },
            scoreParts: parts)
    }

    /// `text` with every occurrence of `query`'s terms highlighted, as hits highlight them (the excluded ones
    /// not), in the whole text.
    func highlighted(_ text: String, query: String) throws -> HighlightedText {
        let plan = try compile(QueryParser.parse(query), ranked: false).plan
        return MatchHighlighter(terms: plan.marked, analyzer: analyzer).highlighted(text, scanning: .max)
    }

    /// `parsed` compiled with the index's synonyms, and the figures the search ranks with. The figures are opened
    /// first: opening them forgets the cached frequencies and synonyms when the index changed.
    func compile(_ parsed: ParsedQuery, ranked: Bool) throws
        -> (plan: QueryPlan, synonyms: SynonymTable, figures: ArticleFigures) {
        let figures = try store.figures()
        let synonyms = try store.synonymTable(fold: analyzer.folded)
        return (QueryCompiler.compile(parsed, analyzer: analyzer, ranked: ranked, synonyms: synonyms), synonyms, figures)
    }

    private func explanation(_ parsed: ParsedQuery, _ plan: QueryPlan, synonyms: SynonymTable) -> QueryExplanation {
        var terms: [QueryExplanation.Term] = []
        func term(_ text: String, expands: Bool) {
            let group = expands ? synonyms.group(of: text, fold: analyzer.folded) : nil
            terms.append(.init(text: text, tokens: analyzer.indexedTokens(text, mode: .query).map(\.description),
                               synonyms: Array((group ?? []).dropFirst())))
        }
        func collect(_ node: QueryNode) {
            switch node {
            case .term(let text, let prefix):
                term(text, expands: !prefix)
            case .phrase(let text):
                term(text, expands: true)
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

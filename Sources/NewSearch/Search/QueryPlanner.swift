/// Decides how a compiled query runs (``ExecutionPlan``): the one place that looks at a plan's shape to choose a
/// strategy.
enum QueryPlanner {
    /// The execution of `plan`; `ranked`: whether hits are scored (a search) or only listed (``Searcher/paths``);
    /// `options`: the search's, which decide whether a page may be ranked from a tier of the hits; `frequencies`:
    /// the terms' document frequencies where known (a cache of earlier searches); `titleFrequency`: the number of
    /// articles holding the one term in their title, when an earlier search counted it; `untitledBound`: the best
    /// first-phase score of an article without the term in its title, when an earlier search ranked every hit of it
    /// under the same model (``ExecutionPlan/TitleTier/untitledBound``).
    static func execution(of plan: QueryPlan, ranked: Bool, options: SearchOptions? = nil,
                          frequencies: [Int?] = [], titleFrequency: Int? = nil,
                          untitledBound: Double? = nil) -> ExecutionPlan {
        guard !plan.isEmpty else { return ExecutionPlan(strategy: .nothing) }
        guard let match = plan.match else { return ExecutionPlan(strategy: .everyArticle) }
        let phrases = plan.ranking.phrases
        if !ranked, plan.filters.isEmpty, !phrases.contains(where: \.isRequired) {
            return ExecutionPlan(strategy: .matchingRows)
        }
        let oneTerm = plan.ranking.terms.count == 1
        var execution = ExecutionPlan(
            strategy: phrases.count == 1 ? .scoreOnePhrase : .scoreEachRow,
            defersIDF: !ranked || oneTerm,
            totalIsTermFrequency: plan.filters.isEmpty && phrases.count == 1
                && phrases.allSatisfy { $0.term != nil && !$0.requiresWordStart },
            cachesFrequencies: !match.confinesToColumn)
        // A page of one term in relevance order within the candidates, nothing asked that only every hit tells: a
        // stored head may answer it, or the title tier.
        guard ranked, let options, execution.totalIsTermFrequency, options.sort == .relevance, options.facets.isEmpty,
              !match.confinesToColumn, let limit = options.limit,
              max(0, options.offset) + limit <= PageRanker.candidates else { return execution }
        if !options.explain { execution.head = match.text }
        // The title tier pays when the term is frequent (its first walk of the term's rows is doubled when the tier
        // cannot fill the page), from as many articles as the count may stop at, and few of them hold it in their
        // title (at most a fifth, once a search counted them: 习近平, in two of five titles, ranked 1.4 times as
        // slowly from the tier as from every hit). And the term is one or two characters: FTS5 walks the term's
        // rows twice for the tier (once for each side of its AND), which costs more than the scoring it saves for
        // a longer phrase, of three or four characters' lists (一带一路 at ×10: 2.8 ms from every hit, 4.8 from the tier).
        if untitledBound != nil || RelevanceModel(parameters: options.ranking).titleCanOutrankEveryUntitledArticle,
           let frequency = frequencies.first ?? nil, frequency >= options.countedTotal,
           titleFrequency.map({ $0 * 5 <= frequency }) ?? true,
           case .phrase(let text, let phrase) = match, phrase.span <= 2 {
            let inTitle = FTS5Expression.phrase(
                text, RankingPlan.Phrase(term: nil, requiresWordStart: false, isRequired: false, span: phrase.span))
            let tier = FTS5Expression.and([match, .column("title", inTitle)])
            execution.titleTier = ExecutionPlan.TitleTier(
                match: tier, ranking: RankingPlan(phrases: tier.phrases, terms: plan.ranking.terms), frequency: frequency,
                untitledBound: untitledBound)
        }
        return execution
    }
}

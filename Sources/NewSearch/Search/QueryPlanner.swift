/// Decides how a compiled query runs (``ExecutionPlan``): the one place that looks at a plan's shape to choose a
/// strategy.
enum QueryPlanner {
    /// The execution of `plan`; `ranked`: whether hits are scored (a search) or only listed (``Searcher/paths``).
    static func execution(of plan: QueryPlan, ranked: Bool) -> ExecutionPlan {
        guard !plan.isEmpty else { return ExecutionPlan(strategy: .nothing) }
        guard let match = plan.match else { return ExecutionPlan(strategy: .everyArticle) }
        let phrases = plan.ranking.phrases
        if !ranked, plan.filters.isEmpty, !phrases.contains(where: \.isRequired) {
            return ExecutionPlan(strategy: .matchingRows)
        }
        let oneTerm = plan.ranking.terms.count == 1
        return ExecutionPlan(
            strategy: phrases.count == 1 ? .scoreOnePhrase : .scoreEachRow,
            defersIDF: !ranked || oneTerm,
            totalIsTermFrequency: plan.filters.isEmpty && phrases.count == 1
                && phrases.allSatisfy { $0.term != nil && !$0.requiresWordStart },
            cachesFrequencies: !match.confinesToColumn)
    }
}

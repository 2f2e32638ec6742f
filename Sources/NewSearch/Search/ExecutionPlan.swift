/// How one query is run: the strategy and the shortcuts it may take, decided in one place (``QueryPlanner``)
/// from the compiled query, so that the searcher, the store and the ranking function only follow it.
struct ExecutionPlan: Equatable {
    /// How the hits are found.
    enum Strategy: Equatable {
        /// The query asks for nothing: no hit.
        case nothing
        /// No text to match: every article is a hit, but those of the plan's exclusion and those a filter removes.
        case everyArticle
        /// Unranked, and every row the expression matches is a hit: read in one statement, nothing scored.
        case matchingRows
        /// One phrase: every row is scored on the ranked statement's first, through FTS5's `xQueryPhrase`.
        case scoreOnePhrase
        /// Each row is scored by the ranked statement's condition.
        case scoreEachRow
    }

    var strategy: Strategy
    /// Score with every idf 1 and scale the page by the one term's idf afterwards: for one term, whose idf does
    /// not change the order, so that no pass counts its matches first.
    var defersIDF = false
    /// The number of hits is the one term's document frequency (no filter, exclusion or prefix rule removes a
    /// match), so the deferred idf needs no count of its own.
    var totalIsTermFrequency = false
    /// The terms' document frequencies may be cached by their text: no term is confined to a column.
    var cachesFrequencies = false
    /// For a page of one term in relevance order: its articles that hold the term in their title, ranked first.
    /// The rest are ranked only when those cannot fill the page with scores no article without the term in its
    /// title can reach (``RelevanceModel/boundWithoutTitle(idf:)``).
    var titleTier: TitleTier?
    /// For a page of one term in relevance order within the first ``PageRanker/candidates`` rows, with nothing asked
    /// that only every hit tells (facets, the score's parts): the match expression whose ranked head, when the index
    /// holds one under the search's model, is the page (``RankedHead``).
    var head: String?

    /// The articles of a one-term query that hold the term in their title.
    struct TitleTier: Equatable {
        /// `"term" AND title : "term"`: the second phrase only narrows the rows, it is not scored.
        var match: FTS5Expression
        /// The ranking plan of the expression's phrases.
        var ranking: RankingPlan
        /// The term's document frequency, as an earlier search counted it since the index last changed: the total
        /// and the idf of a page ranked from the tier.
        var frequency: Int
        /// The most an earlier search's first phase scored an article without the term in its title (idf
        /// deferred), when one ranked every hit under the same model: a tighter bound than
        /// ``RelevanceModel/boundWithoutTitle(idf:)``, and the only one under a model without a title bonus.
        var untitledBound: Double? = nil
    }
}

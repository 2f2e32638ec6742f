/// What the ranking function must know of a compiled query: which query term each FTS5 phrase stands for, in
/// FTS5's phrase order, and which boosts apply. Built by the query compiler together with the expression, in the
/// same walk, so the two cannot disagree.
struct RankingPlan: Sendable, Equatable {
    /// One phrase of the expression.
    struct Phrase: Sendable, Equatable {
        /// The query term whose matches the phrase's matches are; nil for a phrase of an excluded term.
        var term: Int?
        /// `term*`: only matches that begin a word count.
        var requiresWordStart: Bool
        /// The row must have a counted match of this phrase (a `term*` among the query's required terms): rows
        /// whose only matches are inside words are not hits.
        var isRequired: Bool
        /// The number of positions the phrase spans, one per character (and gap) of the term: the analysis's last
        /// stage (``TokenPairing``) may make the phrase fewer tokens, a pair standing for two characters at the
        /// first one's position, so FTS5's phrase size is not the span. 0: unknown, FTS5's phrase size is taken.
        var span = 0
    }

    var phrases: [Phrase] = []
    /// The text of each query term, for caching its document frequency.
    var terms: [String] = []
    /// Whether the query is two or more terms that must all match: their matches close together raise the score.
    var rewardsProximity = false

    /// A plan in which each of `count` phrases is a term of its own: for ranking a plain FTS5 query.
    static func eachPhraseATerm(_ count: Int) -> RankingPlan {
        RankingPlan(phrases: (0 ..< count).map { Phrase(term: $0, requiresWordStart: false, isRequired: false) },
                    terms: (0 ..< count).map { "#\($0)" })
    }
}

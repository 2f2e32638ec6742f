/// A query compiled for the store: the FTS5 expression of its full-text part and its metadata filters.
struct QueryPlan: Sendable {
    /// What articles must match; nil when the query has no positive text part.
    var match: FTS5Expression?
    /// What articles must not match, when there is no `match` to subtract it from (`-广告` alone).
    var exclusion: FTS5Expression?
    /// Conditions on author, category and date, all required.
    var filters: [MetadataFilter] = []
    var warnings: [QueryWarning] = []
    /// How the ranking function reads `match`'s phrases.
    var ranking = RankingPlan()
    /// For each ranking term, the texts whose occurrences highlights mark: the term as typed, and the other
    /// members of its synonym group.
    var marked: [[String]] = []

    /// Whether the query asks for nothing, and so matches nothing.
    var isEmpty: Bool { match == nil && exclusion == nil && filters.isEmpty }
}

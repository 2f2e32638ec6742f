/// How to search: paging, order, snippet length, a date range, and whether to explain.
public struct SearchOptions: Sendable, Equatable {
    /// The order of hits.
    public enum Sort: String, Sendable, CaseIterable {
        /// Best match first (see ``RelevanceModel``); ties newest first.
        case relevance
        /// Newest first; articles without a date last.
        case date
    }

    /// The most hits to return; nil for all.
    public var limit: Int?
    /// Hits to pass over first, for paging.
    public var offset: Int
    /// The order of hits; a query with no text to match (only `date:`, `author:`, …) is always in date order.
    public var sort: Sort
    /// The length of a snippet, in characters (not counting the `…` marks).
    public var snippetLength: Int
    /// Only articles dated in this range (besides any `date:` in the query).
    public var dates: DateRange?
    /// Whether to explain the query and each hit's score.
    public var explain: Bool
    /// The figures relevance is scored with: ``RankingParameters/standard`` unless an evaluation asks otherwise.
    public var ranking: RankingParameters = .standard
    /// The facets to count over the whole hit set (``SearchResults/facets``); none by default, which costs nothing.
    /// Facets are counted over every hit, so a query that asks for them scores every match.
    public var facets: Set<Facet>
    /// Report the exact number of hits. By default a total past ``SearchResults/countedTotal`` (10,000) is
    /// reported as that many with ``SearchResults/totalIsExact`` false.
    public var exactTotal = false
    /// Where counting may stop (``SearchResults/countedTotal``; smaller in tests).
    var countedTotal = SearchResults.countedTotal

    /// Options with the given values, each as its property describes; by default the first 10 hits by relevance,
    /// with 80-character snippets, no date range, no explanation and no facets.
    public init(limit: Int? = 10, offset: Int = 0, sort: Sort = .relevance, snippetLength: Int = 80,
                dates: DateRange? = nil, explain: Bool = false, facets: Set<Facet> = []) {
        self.facets = facets
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.snippetLength = snippetLength
        self.dates = dates
        self.explain = explain
    }
}

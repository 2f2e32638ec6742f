import Foundation

/// One article that matches a query.
public struct SearchHit: Sendable, Equatable {
    /// The file the article was read from, as it was given to `index` (or the key it was added under).
    public var path: String
    /// The title, with the matched words highlighted.
    public var title: HighlightedText
    public var author: String?
    public var categories: [String]
    public var date: Date?
    /// The relevance: higher is better (see ``RelevanceModel``); 0 for a query with no text to match.
    public var score: Double
    /// The passage of the body with the most matches, with the matched words highlighted.
    public var snippet: HighlightedText
    /// The score's parts, when asked for with ``SearchOptions/explain``.
    public var scoreParts: RelevanceModel.Score?
}

/// The answer to a query: the total number of matching articles and one page of hits.
public struct SearchResults: Sendable, Equatable {
    public var query: String
    public var total: Int
    public var hits: [SearchHit]
    /// What was worked around in the query text (an unclosed quote, a dangling OR, …).
    public var warnings: [QueryWarning] = []
    /// Whether the query left nothing to search once read (`""`, only punctuation or operators): it matched
    /// nothing because it asked for nothing.
    public var nothingToSearch = false
    /// The time the search took, in milliseconds.
    public var tookMilliseconds: Double = 0
    /// How the query was read, when asked for with ``SearchOptions/explain``.
    public var explanation: QueryExplanation?
}

/// How newsearch read a query: for `--explain`.
public struct QueryExplanation: Sendable, Equatable {
    /// One searched term and the tokens it matches as a phrase.
    public struct Term: Sendable, Equatable {
        public var text: String
        public var tokens: [String]
    }

    /// The parsed query tree, written out.
    public var parsed: String
    /// The FTS5 MATCH expression (the aligned-form marker byte shown as `⁑`), if the query has a text part.
    public var expression: String?
    /// The FTS5 expression of excluded articles, for a query of exclusions only.
    public var exclusion: String?
    /// The SQL conditions on author, category and date.
    public var filters: [String]
    public var terms: [Term]
}

import Foundation

/// One article that matches a query.
public struct SearchHit: Sendable, Equatable {
    /// The article's id in the index, stable while it stays indexed: ``SearchIndex/article(id:)-59rvu`` reads it
    /// back (see ``IndexedArticle/id``).
    public var id: Int64
    /// The file the article was read from, as it was given to `index` (or the key it was added under).
    public var path: String
    /// The title, with the matched words highlighted.
    public var title: HighlightedText
    /// The article's author, if it has one.
    public var author: String?
    /// The article's categories, in order; empty when it has none.
    public var categories: [String]
    /// The article's date (to the second), if it has one.
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
    /// The query text, as it was given.
    public var query: String
    /// The number of articles matching the query, all pages together: exact unless ``totalIsExact`` is false.
    public var total: Int
    /// Whether ``total`` is the exact number of hits. When false there are at least ``total`` (``countedTotal``,
    /// 10,000), as search engines say "10,000+" (``SearchOptions/exactTotal`` asks for the exact count).
    public var totalIsExact = true
    /// The count past which a search may stop counting hits.
    public static let countedTotal = 10_000
    /// The page of hits asked for: at most ``SearchOptions/limit`` of them, after ``SearchOptions/offset``, in the
    /// order of ``SearchOptions/sort``.
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
    /// For each facet asked for in ``SearchOptions/facets``: the hits per value over the whole hit set. Categories
    /// most frequent first (ties in value order), at most ``FacetCount/maximumValues`` of them; years newest first,
    /// all of them.
    public var facets: [Facet: [FacetCount]] = [:]
}

/// How newsearch read a query: for `--explain`.
public struct QueryExplanation: Sendable, Equatable {
    /// One searched term and the tokens it matches as a phrase.
    public struct Term: Sendable, Equatable {
        /// The term or phrase, as it stands in the parsed query.
        public var text: String
        /// The phrase it is matched as: its query tokens, pairs included (``Analyzer/indexedTokens(_:mode:)``), each
        /// written as ``Token/description`` shows it.
        public var tokens: [String]
        /// The other members of its synonym group, which it also matches (``Synonyms``); empty for a term of none.
        public var synonyms: [String] = []
    }

    /// The parsed query tree, written out.
    public var parsed: String
    /// The FTS5 MATCH expression (the aligned-form marker byte shown as `⁑`), if the query has a text part.
    public var expression: String?
    /// The FTS5 expression of excluded articles, for a query of exclusions only.
    public var exclusion: String?
    /// The SQL conditions on author, category and date.
    public var filters: [String]
    /// Each term and phrase of the query's full-text part, excluded ones too, in query order.
    public var terms: [Term]
}

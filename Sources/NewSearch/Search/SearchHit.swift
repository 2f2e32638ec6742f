import Foundation

/// One article that matches a query.
public struct SearchHit: Sendable, Equatable {
    /// The file the article was read from, as it was given to `index`.
    public var path: String
    /// The title, with the matched words highlighted.
    public var title: HighlightedText
    public var author: String?
    public var categories: [String]
    public var date: Date?
    /// The relevance: higher is better (see ``RelevanceModel``).
    public var score: Double
    /// A passage of the body around the matches, with the matched words highlighted.
    public var snippet: HighlightedText
}

/// The answer to a query: the total number of matching articles and one page of hits, best first.
public struct SearchResults: Sendable, Equatable {
    public var query: String
    public var total: Int
    public var hits: [SearchHit]
}

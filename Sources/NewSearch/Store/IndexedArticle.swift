/// An article read back from an index: the key it is stored under and what was indexed.
public struct IndexedArticle: Sendable, Equatable {
    /// The key it is stored under: an indexed file's absolute path, or the key an app gave to
    /// ``SearchIndex/add(_:path:)-5uaix``.
    public var path: String
    /// The title, body and metadata as they were indexed (the body as plain text, dates to the second).
    public var article: Article
}

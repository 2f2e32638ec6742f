/// An article read back from an index: its id, the key it is stored under and what was indexed.
public struct IndexedArticle: Sendable, Equatable {
    /// The article's id in the index (the `id` of the `newsearch_articles` view): it stays the same while the
    /// article stays indexed, through updates of it and of other articles (a changed article keeps its id), so it
    /// can address the article in a URL. An article removed and added again later may get another id.
    public var id: Int64
    /// The key it is stored under: an indexed file's absolute path, or the key an app gave to
    /// ``SearchIndex/add(_:path:)-5uaix``.
    public var path: String
    /// The title, body and metadata as they were indexed (the body as plain text, dates to the second).
    public var article: Article
}

/// An article read, parsed and analysed, ready for the single writer to store.
struct PreparedArticle: Sendable {
    var path: String
    var contentHash: String
    var article: Article
    var titleTokens: TokenList
    var bodyTokens: TokenList
    /// The row this article replaces, when its file changed since the last run.
    var replacing: Int64?
}

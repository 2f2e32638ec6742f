/// An article read, parsed and analysed, ready for the single writer to store: everything that costs CPU is done
/// here, on the preparing cores, so the writer only binds values.
struct PreparedArticle: Sendable {
    var path: String
    var contentHash: String
    var article: Article
    var titleTokens: TokenList
    var bodyTokens: TokenList
    /// The row this article replaces, when its file changed since the last run.
    var replacing: Int64?
    /// The `categories` column: a JSON array.
    var categoriesJSON: String
    /// The `compressed_images` column: the images' JSON object as ``TextCompressor`` stores it, no bytes for none.
    var compressedImages: [UInt8]
    /// The `date` column: ISO 8601, or nil.
    var dateText: String?
    /// The `compressed_body` column: the body as ``TextCompressor`` stores it.
    var compressedBody: [UInt8]
    /// The statistics' `characters` column: ``ArticleCharacters`` of the title and body tokens.
    var characters: [UInt8]
    /// The statistics' `title_key` column: ``SeriesTitles/key(of:)`` of the title.
    var titleKey: Int64

    init(path: String, contentHash: String, article: Article, titleTokens: TokenList, bodyTokens: TokenList,
         replacing: Int64?, compressor: TextCompressor) {
        self.path = path
        self.contentHash = contentHash
        self.article = article
        self.titleTokens = titleTokens
        self.bodyTokens = bodyTokens
        self.replacing = replacing
        categoriesJSON = JSONText.encode(article.categories)
        compressedImages = article.images.isEmpty ? []
            : compressor.compress(JSONText.encode(article.images), usesDictionary: false)
        dateText = article.date.map(ArticleDate.iso8601)
        compressedBody = compressor.compress(article.body)
        characters = ArticleCharacters.encoded(title: titleTokens, body: bodyTokens)
        titleKey = SeriesTitles.key(of: article.title)
    }
}

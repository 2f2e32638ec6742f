/// Where an article to index comes from: a file to read and parse, or an article an app already holds.
enum ArticleSource: Sendable {
    case file(String)
    case article(path: String, Article)

    /// The path the article is stored under.
    var path: String {
        switch self {
        case .file(let path), .article(let path, _): return path
        }
    }
}

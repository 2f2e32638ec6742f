// Built with the package trait "Server" only: `newsearch serve` and what it alone uses (Hummingbird, SwiftNIO).
#if Server
import Foundation
import NewSearch

/// One stored article as the API's `/api/documents/ID` answers it; with `?q=`, the query's terms in its title and
/// body as `highlights`, `[start, end)` in Unicode code points as in a search's hits.
struct DocumentJSON: Encodable {
    struct Highlights: Encodable {
        var title: [[Int]]
        var body: [[Int]]
    }

    var id: Int64
    var path: String
    var title: String
    var author: String?
    var categories: [String]
    var date: String?
    var images: [String: String]
    var body: String
    var highlights: Highlights?

    /// - Parameters:
    ///   - path: the article's path as the server shows it.
    ///   - marked: the title and the body with the query's terms highlighted, when a query was given.
    static func encode(_ stored: IndexedArticle, path: String,
                       marked: (title: HighlightedText, body: HighlightedText)?) throws -> String {
        let article = stored.article
        return try JSONLine.encode(DocumentJSON(
            id: stored.id, path: path, title: article.title, author: article.author,
            categories: article.categories, date: article.date.map { $0.formatted(Date.ISO8601FormatStyle()) },
            images: article.images, body: article.body,
            highlights: marked.map { Highlights(title: QueryJSON.offsets($0.title), body: QueryJSON.offsets($0.body)) }))
    }
}
#endif

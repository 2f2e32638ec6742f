// Built with the package trait "Server" only: `newsearch serve` and what it alone uses (Hummingbird, SwiftNIO).
#if Server
import Foundation
import NewSearch

/// One stored article as the API's `/api/documents/PATH` answers it.
struct DocumentJSON: Encodable {
    var path: String
    var title: String
    var author: String?
    var categories: [String]
    var date: String?
    var images: [String: String]
    var body: String

    /// - Parameter path: the article's path as the server shows it.
    static func encode(_ stored: IndexedArticle, path: String) throws -> String {
        let article = stored.article
        return try JSONLine.encode(DocumentJSON(
            path: path, title: article.title, author: article.author,
            categories: article.categories, date: article.date.map { $0.formatted(Date.ISO8601FormatStyle()) },
            images: article.images, body: article.body))
    }
}
#endif

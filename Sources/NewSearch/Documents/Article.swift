import Foundation

/// A news article, as read from one Markdown post: front-matter fields and the body as plain text.
public struct Article: Sendable, Equatable {
    /// The title from the front matter, else the first Markdown heading, else the file name.
    public var title: String
    /// The `author` field, if any.
    public var author: String?
    /// The `categories` field (a YAML list or a single value), in order.
    public var categories: [String]
    /// The `date` field, parsed from RFC 822 (`Wed, 16 Feb 2022 06:26:14 GMT`) or ISO 8601.
    public var date: Date?
    /// Image fields of the front matter (`headimg`, `thumbnail`, `image`, `cover`) by name.
    public var images: [String: String]
    /// The body as plain text: tags, comments, styles and scripts removed, entities decoded, one paragraph a line.
    public var body: String

    /// An article with the given fields, for ``SearchIndex/add(_:path:)-5uaix``; only the title and the body are
    /// required.
    public init(title: String, author: String? = nil, categories: [String] = [], date: Date? = nil,
                images: [String: String] = [:], body: String) {
        self.title = title
        self.author = author
        self.categories = categories
        self.date = date
        self.images = images
        self.body = body
    }
}

import Foundation
import NewSearch

/// The `--json` output of `newsearch query`: exactly one JSON object.
struct QueryJSON: Encodable {
    struct Hit: Encodable {
        var path: String
        var title: String
        var date: String?
        var score: Double
        var snippet: String
        var author: String?
        var categories: [String]
        var highlights: Highlights

        /// Highlighted matches as `[start, end)` offsets in characters (Unicode extended grapheme clusters).
        struct Highlights: Encodable {
            var title: [[Int]]
            var snippet: [[Int]]
        }

        enum CodingKeys: String, CodingKey { case path, title, date, score, snippet, author, categories, highlights }

        /// Encodes every key, a missing date or author as `null`.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(title, forKey: .title)
            try container.encode(date, forKey: .date)
            try container.encode(score, forKey: .score)
            try container.encode(snippet, forKey: .snippet)
            try container.encode(author, forKey: .author)
            try container.encode(categories, forKey: .categories)
            try container.encode(highlights, forKey: .highlights)
        }
    }

    var query: String
    var total: Int
    var hits: [Hit]

    init(query: String, total: Int, warnings: [String], hits: [Hit]) {
        self.query = query
        self.total = total
        self.hits = hits
        self.warnings = warnings
    }
    /// Problems that do not stop the query, such as an index built with another analysis.
    var warnings: [String]

    static func encode(_ results: SearchResults, warnings: [String] = []) throws -> String {
        let document = QueryJSON(query: results.query, total: results.total, warnings: warnings, hits: results.hits.map { hit in
            Hit(path: hit.path, title: hit.title.text,
                date: hit.date.map { $0.formatted(Date.ISO8601FormatStyle()) },
                score: hit.score, snippet: hit.snippet.text, author: hit.author, categories: hit.categories,
                highlights: .init(title: hit.title.characterOffsets.map { [$0.lowerBound, $0.upperBound] },
                                  snippet: hit.snippet.characterOffsets.map { [$0.lowerBound, $0.upperBound] }))
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}

import Foundation
import NewSearch

/// The `--json` output of `newsearch query`: exactly one JSON object (one line per query with `--stdin`).
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
        var scoreParts: RelevanceModel.Score?

        /// Highlighted matches as `[start, end)` offsets in Unicode code points (as Python slices a `str`).
        struct Highlights: Encodable {
            var title: [[Int]]
            var snippet: [[Int]]
        }

        enum CodingKeys: String, CodingKey {
            case path, title, date, score, snippet, author, categories, highlights
            case scoreParts = "score_parts"
        }

        /// Encodes every key, a missing date or author as `null`; score parts only when explained.
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
            try container.encodeIfPresent(scoreParts, forKey: .scoreParts)
        }
    }

    struct Explanation: Encodable {
        var parsed: String
        var expression: String?
        var exclusion: String?
        var filters: [String]
        var terms: [[String: [String]]]
    }

    var query: String
    var total: Int
    /// False when counting stopped at `total` (10,000): there are at least that many.
    var totalExact: Bool
    var tookMilliseconds: Double
    /// Problems that do not stop the query: broken syntax read literally, an index built with another analysis.
    var warnings: [String]
    var hits: [Hit]
    var explain: Explanation?
    /// Per facet asked for (`--facets`): `[{"value": …, "count": …}]`, most frequent first.
    var facets: [String: [FacetCount]]?

    enum CodingKeys: String, CodingKey {
        case query, total, warnings, hits, explain, facets
        case totalExact = "total_exact"
        case tookMilliseconds = "took_ms"
    }

    /// - Parameter displayPath: how a hit's stored path is shown: relative to the current folder for the command
    ///   line (``DisplayPath/relative(_:)``), relative to the indexed folder for the server.
    static func encode(_ results: SearchResults, indexWarnings: [String] = [],
                       displayPath: (String) -> String = DisplayPath.relative) throws -> String {
        let document = QueryJSON(
            query: results.query, total: results.total, totalExact: results.totalIsExact, tookMilliseconds: (results.tookMilliseconds * 1000).rounded() / 1000,
            warnings: indexWarnings + results.warnings.map(\.description),
            hits: results.hits.map { hit($0, displayPath: displayPath) }, explain: results.explanation.map { explanation in
                Explanation(parsed: explanation.parsed, expression: explanation.expression,
                            exclusion: explanation.exclusion, filters: explanation.filters,
                            terms: explanation.terms.map { [$0.text: $0.tokens] })
            },
            facets: results.facets.isEmpty ? nil
                : Dictionary(uniqueKeysWithValues: results.facets.map { ($0.key.rawValue, $0.value) }))
        return try JSONLine.encode(document)
    }

    /// The JSON line `--stdin` prints for a query that failed: `{"query": …, "error": …}`, with `"field"` naming
    /// the field of a JSON line at fault.
    static func error(query: String, message: String, field: String? = nil) -> String {
        var object = ["query": query, "error": message]
        object["field"] = field
        return (try? JSONLine.encode(object)) ?? "{}"
    }

    private static func hit(_ hit: SearchHit, displayPath: (String) -> String) -> Hit {
        Hit(path: displayPath(hit.path), title: hit.title.text, date: hit.date.map { $0.formatted(Date.ISO8601FormatStyle()) },
            score: hit.score, snippet: hit.snippet.text, author: hit.author, categories: hit.categories,
            highlights: .init(title: hit.title.scalarOffsets.map { [$0.lowerBound, $0.upperBound] },
                              snippet: hit.snippet.scalarOffsets.map { [$0.lowerBound, $0.upperBound] }),
            scoreParts: hit.scoreParts)
    }
}

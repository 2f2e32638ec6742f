import Foundation
import NewSearch

/// The `--json` output of `newsearch query`: exactly one JSON object (one line per query with `--stdin`).
struct QueryJSON: Encodable {
    struct Hit: Encodable {
        /// The article's stable id in the index (`/api/documents/ID`, `/articles/ID` of `newsearch serve`).
        var id: Int64
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
            case id, path, title, date, score, snippet, author, categories, highlights
            case scoreParts = "score_parts"
        }

        /// Encodes every key, a missing date or author as `null`; score parts only when explained.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
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
        /// Each term of a synonym group and the other members it also matches; absent when none.
        var synonyms: [String: [String]]?
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
                            terms: explanation.terms.map { [$0.text: $0.tokens] },
                            synonyms: Self.synonyms(of: explanation.terms))
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

    /// Each term with synonyms and its other members, nil when no term has any.
    private static func synonyms(of terms: [QueryExplanation.Term]) -> [String: [String]]? {
        let expanded = terms.filter { !$0.synonyms.isEmpty }
        guard !expanded.isEmpty else { return nil }
        return Dictionary(expanded.map { ($0.text, $0.synonyms) }, uniquingKeysWith: { first, _ in first })
    }

    /// A highlighted text's highlights as the JSON gives them: `[start, end)` pairs in Unicode code points.
    static func offsets(_ text: HighlightedText) -> [[Int]] {
        text.scalarOffsets.map { [$0.lowerBound, $0.upperBound] }
    }

    private static func hit(_ hit: SearchHit, displayPath: (String) -> String) -> Hit {
        Hit(id: hit.id, path: displayPath(hit.path), title: hit.title.text, date: hit.date.map { $0.formatted(Date.ISO8601FormatStyle()) },
            score: hit.score, snippet: hit.snippet.text, author: hit.author, categories: hit.categories,
            highlights: .init(title: offsets(hit.title), snippet: offsets(hit.snippet)),
            scoreParts: hit.scoreParts)
    }
}

import Foundation
@testable import NewSearch

/// A real in-memory index for behaviour tables: `matches("…content…", "query")` reads like a sentence.
struct MatchHarness {
    /// Whether an index holding only an article whose body is `content` answers `query` with that article.
    static func matches(_ content: String, _ query: String) throws -> Bool {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "", body: content), path: "a")
        return try index.search(query).total == 1
    }
}

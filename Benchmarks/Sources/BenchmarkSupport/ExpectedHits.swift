import NewSearch

/// How many articles a newsearch query must find, computed without any index: a scan of the folded text.
///
/// An article matches when each term of the query (split on spaces) occurs in its folded title or its folded
/// body (folded as the index folds: NFKC case folding, Traditional → Simplified) as a substring: every letter,
/// digit and ideograph is a token, so `gdp` is found in `gdpr` and `20` in `2000`. The figure is exact for terms
/// of letters, digits and ideographs (what the benchmarks use), not for terms holding punctuation or spaces.
public struct ExpectedHits {
    private let articles: [(title: [UInt8], body: [UInt8])]
    private let analyzer: Analyzer

    /// Folds the titles and bodies once.
    public init(_ articles: some Sequence<Article>) throws {
        let analyzer = try Analyzer()
        self.analyzer = analyzer
        self.articles = articles.map { (Array(analyzer.folded($0.title).utf8), Array(analyzer.folded($0.body).utf8)) }
    }

    /// The number of articles that match every term of `query`.
    public func count(_ query: String) -> Int {
        let terms = query.split(separator: " ").map { Array(analyzer.folded(String($0)).utf8) }
        guard !terms.isEmpty else { return 0 }
        return articles.reduce(0) { total, article in
            total + (terms.allSatisfy { occurs($0, in: article.title) || occurs($0, in: article.body) } ? 1 : 0)
        }
    }

    private func occurs(_ term: [UInt8], in text: [UInt8]) -> Bool {
        guard let first = term.first, term.count <= text.count else { return false }
        return text.withUnsafeBufferPointer { text in
            term.withUnsafeBufferPointer { term in
                var start = 0
                let limit = text.count - term.count
                while start <= limit {
                    defer { start += 1 }
                    guard text[start] == first else { continue }
                    var k = 1
                    while k < term.count, text[start + k] == term[k] { k += 1 }
                    if k == term.count { return true }
                }
                return false
            }
        }
    }
}

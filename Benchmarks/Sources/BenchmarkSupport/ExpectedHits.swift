import NewSearch

/// How many articles a newsearch query must find, computed without any index: a scan of the folded text.
///
/// An article matches when each term of the query (split on spaces) occurs in its folded title or its folded
/// body (folded as the index folds: NFKC case folding, Traditional → Simplified). A CJK term may occur anywhere,
/// since every CJK character is a token. A term that begins (ends) with an ASCII letter or digit must not
/// continue a run of letters (digits) before (after) it, since a Latin word is a token split only into its letter
/// and digit parts: `gdp` is found in `gdp增长` and `gdp2`, not in `gdpr`; `2024` in `2024年`, not in `20245`.
/// The figure is exact for the terms the benchmarks use (CJK, and Latin or digit words), not for every query.
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

    private enum Kind { case letter, digit, other }

    private static func kind(_ byte: UInt8) -> Kind {
        switch byte {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"): .letter
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): .digit
        default: .other
        }
    }

    private func occurs(_ term: [UInt8], in text: [UInt8]) -> Bool {
        guard let first = term.first, let last = term.last, term.count <= text.count else { return false }
        let firstKind = Self.kind(first), lastKind = Self.kind(last)
        return text.withUnsafeBufferPointer { text in
            term.withUnsafeBufferPointer { term in
                var start = 0
                let limit = text.count - term.count
                while start <= limit {
                    defer { start += 1 }
                    guard text[start] == first else { continue }
                    var k = 1
                    while k < term.count, text[start + k] == term[k] { k += 1 }
                    guard k == term.count else { continue }
                    if firstKind != .other, start > 0, Self.kind(text[start - 1]) == firstKind { continue }
                    let end = start + term.count
                    if lastKind != .other, end < text.count, Self.kind(text[end]) == lastKind { continue }
                    return true
                }
                return false
            }
        }
    }
}

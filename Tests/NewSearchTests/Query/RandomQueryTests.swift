import Foundation
import Testing
@testable import NewSearch

/// Random query strings never throw out of the public API and never crash.
@Suite struct RandomQueryTests {
    static let queries = 100_000

    private static let pieces: [String] = [
        "快递员", "社保", "上海", "欠", "薪", "鱼", "社會", "ＧＤＰ", "iPhone16", "iph", "2024年", "COVID-19", "3.5%",
        "\"", "“", "”", "(", ")", "（", "）", "AND", "OR", "NOT", "NEAR", "NEAR(", "and", "|", "-", "--", "*", ":", "：",
        "title:", "author:", "category:", "body:", "date:", "date:2022", "date:2022-01..2022-03", "date:..", "{", "}",
        "^", "+", ",", ";", "'", "\\", "\u{0}", "\u{1}", "\u{2}", "\u{3}", "\u{7F}", "\u{200B}", "\u{FEFF}", "😀",
        "e\u{301}", " ", "  ", "\t", "\n", "　", "%", "_", "[", "]", "=", "<", ">", "&", "#", "@", "~", "`",
    ]

    @Test func randomQueriesAnswerWithoutThrowingOrCrashing() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: QueryOperatorTests.corpus)
        var generator = SeededGenerator(seed: 42)
        var answered = 0
        for number in 0 ..< Self.queries {
            let query = Self.randomQuery(number, using: &generator)
            let options = SearchOptions(limit: 2, offset: Int.random(in: 0 ... 1, using: &generator),
                                        sort: Bool.random(using: &generator) ? .relevance : .date,
                                        snippetLength: Int.random(in: 1 ... 60, using: &generator),
                                        explain: number % 10 == 0)
            let results = try index.search(query, options: options)
            #expect(results.hits.count <= max(0, min(2, results.total - options.offset)))
            answered += 1
        }
        #expect(answered == Self.queries)
    }

    private static func randomQuery(_ number: Int, using generator: inout SeededGenerator) -> String {
        if number % 1000 == 999 {
            return String((0 ..< 3000).map { _ in Character(UnicodeScalar(UInt8.random(in: 32 ... 126, using: &generator))) })
        }
        if number % 500 == 499 {
            return (0 ..< 80).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
        }
        let count = Int.random(in: 0 ... 8, using: &generator)
        return (0 ..< count).map { _ in
            let piece = pieces.randomElement(using: &generator)!
            return Bool.random(using: &generator) ? piece : piece + " "
        }.joined()
    }
}

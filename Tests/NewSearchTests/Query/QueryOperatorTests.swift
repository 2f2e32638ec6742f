import Foundation
import Testing
@testable import NewSearch

/// Every operator and field filter, with the exact hit set it must give on a small corpus.
@Suite struct QueryOperatorTests {
    private static func date(_ text: String) -> Date? { ArticleDate.parse(text) }

    static let corpus: [(path: String, article: Article)] = [
        ("A", Article(title: "快递员社保新规", author: "新浪财经", categories: ["金融"], date: date("2022-02-16"),
                      body: "上海提高快递员社会保险水平。")),
        ("B", Article(title: "医保改革", author: "央视新闻", categories: ["新闻联播"], date: date("2021-06-01"),
                      body: "医保覆盖快递员群体。广告：购买保险。")),
        ("C", Article(title: "外卖骑手权益", author: "新浪财经", categories: ["金融", "财经"], date: date("2022-07-23"),
                      body: "外卖骑手的社保问题受到关注。")),
        ("D", Article(title: "iPhone16发布", author: "科技日报", categories: ["科技"], date: date("2024-09-10"),
                      body: "苹果发布iPhone16，iPad也有更新。")),
        ("E", Article(title: "经济数据", body: "GDP增长5.2%，2024年经济平稳。")),
        ("F", Article(title: "广告", author: "某公司", categories: ["广告"], date: date("2023-01-01"),
                      body: "快递员招聘广告。")),
    ]

    private let index: SearchIndex

    init() throws {
        index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: Self.corpus)
    }

    @Test(arguments: [
        ("快递员", "ABF"),
        ("快递员 社保", "A"),
        ("快递员 AND 社保", "A"),
        ("社保 OR 医保", "ABC"),
        ("社保|医保", "ABC"),
        ("快递员 -广告", "A"),
        ("快递员 NOT 广告", "A"),
        ("-广告", "ACDE"),
        ("\"快递员 社会保险\"", "A"),
        ("\"社会保险 快递员\"", ""),
        ("(社保 OR 医保) 快递员", "AB"),
        ("title:快递员", "A"),
        ("body:快递员", "ABF"),
        ("title:快递员 OR title:医保", "AB"),
        ("title:(快递员 OR 医保)", "AB"),
        ("-title:广告 快递员", "AB"),
        ("author:新浪", "AC"),
        ("author:新浪 骑手", "C"),
        ("-author:新浪 快递员", "BF"),
        ("category:金融", "AC"),
        ("category:财经", "C"),
        ("date:2022", "AC"),
        ("date:2021..2022-06", "AB"),
        ("date:2023..", "DF"),
        ("date:..2021 快递员", "B"),
        ("iph*", "D"),
        ("ip*", "D"),
        ("IPAD", "D"),
        ("2024", "E"),
        ("gdp", "E"),
        ("5.2%", "E"),
        ("社保 OR", "AC"),
        ("(社保", "AC"),
        ("快递员 -(author:新浪 date:2022)", "BF"),
        ("-(author:新浪 OR author:央视)", "DEF"),
        ("快递员 OR author:新浪", "ABF"),
        ("快递员 －广告", "A"),
        ("社保 ｜ 医保", "ABC"),
        ("社保 ＯＲ 医保", "ABC"),
        ("ip＊", "D"),
        ("（社保 OR 医保） 快递员", "AB"),
    ])
    func hitSet(query: String, expected: String) throws {
        let found = try index.search(query, limit: nil).hits.map(\.path).sorted().joined()
        #expect(found == expected, "\(query)")
        #expect(try index.paths(matching: query).sorted().joined() == expected, "\(query) (paths)")
    }

    @Test func userTextNeverBreaksFTS5Syntax() throws {
        for query in ["社保\"\u{301}", "^ NOT\"\u{301} a-bauthor:", "\"\u{301}\"\u{301}", "快递员\"\u{20DD}"] {
            _ = try index.search(query)
            _ = try index.paths(matching: query)
        }
    }

    @Test func deepNestingIsReadFlatWithAWarning() throws {
        let deep = String(repeating: "(", count: 5000) + "快递员" + String(repeating: ")", count: 5000)
        let negated = String(repeating: "-(", count: 3000) + "快递员"
        let results = try index.search(deep)
        #expect(results.total == 3)
        #expect(results.warnings.contains { $0.message.contains("nested deeper") })
        _ = try index.search(negated)
    }

    @Test func metadataInsideATextGroupIsIgnoredWithAWarning() throws {
        let results = try index.search("快递员 OR author:新浪")
        #expect(results.warnings.contains { $0.message.contains("author:新浪") && $0.message.contains("ignored") })
        #expect(results.warnings.map(\.position) == [7])
        #expect(try index.search("C9* 社保*").warnings.map(\.position) == [4])
    }

    @Test func sinceAndUntilOptions() throws {
        let options = SearchOptions(limit: nil, dates: DateRange(since: "2022", until: nil))
        #expect(try index.search("快递员", options: options).hits.map(\.path).sorted() == ["A", "F"])
        let until = SearchOptions(limit: nil, dates: DateRange(since: nil, until: "2022-02"))
        #expect(try index.search("快递员", options: until).hits.map(\.path).sorted() == ["A", "B"])
    }

    @Test func sortByDateIsNewestFirstAndUndatedLast() throws {
        let options = SearchOptions(limit: nil, sort: .date)
        #expect(try index.search("-不存在的词", options: options).hits.map(\.path) == ["D", "F", "C", "A", "B", "E"])
        #expect(try index.search("快递员", options: options).hits.map(\.path) == ["F", "A", "B"])
    }

    @Test func warningsComeBackWithResults() throws {
        let results = try index.search("(社保 OR")
        #expect(results.warnings.map(\.position).sorted() == [0, 4])
        #expect(results.total == 2)
    }

    @Test func explainGivesTheExpressionTokensAndScoreParts() throws {
        let results = try index.search("快递员 社保", options: SearchOptions(explain: true))
        let explanation = try #require(results.explanation)
        #expect(explanation.parsed == "(快递员 AND 社保)")
        #expect(explanation.expression == "(\"快递员\" AND \"社保\")")
        #expect(explanation.terms.map(\.text) == ["快递员", "社保"])
        let hit = try #require(results.hits.first)
        let parts = try #require(hit.scoreParts)
        #expect(parts.terms.count == 2)
        #expect(abs(parts.total - hit.score) < 1e-9)
        // A's title holds both terms: each term's part carries the title match bonus, idf times the bonus.
        #expect(hit.path == "A")
        #expect(parts.terms.allSatisfy { abs($0.titleBonus - Ranking.titleMatchBonus * $0.idf) < 1e-9 })
        let bodyOnly = try #require(index.search("快递员", options: SearchOptions(explain: true)).hits
            .first { $0.path == "B" }?.scoreParts)
        #expect(bodyOnly.terms.map(\.titleBonus) == [0])
    }
}

/// Limits apply to every construct: no query becomes an SQL error, however many conditions it has.
@Suite struct QueryLimitTests {
    @Test func thousandsOfDateFiltersAnswerWithAWarning() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: QueryOperatorTests.corpus)
        let results = try index.search(String(repeating: "date:2022 ", count: 5000))
        #expect(results.total == 2)
        #expect(results.warnings.contains { $0.message.contains("more than \(QueryParser.maximumTerms) terms") })
    }
}

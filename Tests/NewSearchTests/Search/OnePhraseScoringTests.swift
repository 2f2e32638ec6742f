import Foundation
import Testing
@testable import NewSearch

/// A plan of one phrase is scored on the ranked statement's first row, through `xQueryPhrase`: the same rows,
/// scores and totals as scoring row by row, and the same cancellation.
@Suite struct OnePhraseScoringTests {
    private static let articles: [(path: String, article: Article)] = [
        ("a", Article(title: "上海经济", author: "甲", body: "上海市经济增长，上海的经济。")),
        ("b", Article(title: "北京", author: "乙", body: "北京经济和上海经济都在增长，经济经济。")),
        ("c", Article(title: "经济观察", author: "甲", body: "中华为民族复兴，华为手机发布。2024年经济")),
        ("d", Article(title: "无关", body: "今天天气很好。")),
        ("e", Article(title: "华为", body: "华为手机，华为。经济")),
    ]

    private static func index() throws -> SearchIndex {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: articles)
        return index
    }

    /// Every row the plan of `text` matches, scored both ways: (id, score) in row order, and the totals.
    private static func scored(_ text: String, in index: SearchIndex, allAtOnce: Bool) throws
        -> (rows: [TopHits.Row], total: Int) {
        try index.pool.read { session in
            let plan = QueryCompiler.compile(QueryParser.parse(text), analyzer: session.searcher.analyzer)
            let query = RankingQuery(plan: plan.ranking, defersIDF: plan.ranking.terms.count == 1)
            query.top = TopHits(capacity: Int.max, order: .relevance)
            query.allowed = plan.filters.isEmpty ? nil : try session.store.documentIDs(meeting: plan.filters)
            _ = try session.store.figures()
            try session.store.rankMatches(try #require(plan.match), into: query,
                                          allAtOnce: allAtOnce && plan.ranking.phrases.count == 1)
            return (query.top.sorted(), query.total)
        }
    }

    @Test(arguments: ["经济", "上海", "华为", "济", "2024年", "title:经济", "经济 author:甲", "华为*", "\"经济增长\""])
    func scoresAsRowByRow(query: String) throws {
        let index = try Self.index()
        let atOnce = try Self.scored(query, in: index, allAtOnce: true)
        let rowByRow = try Self.scored(query, in: index, allAtOnce: false)
        #expect(atOnce.total > 0)
        #expect(atOnce.total == rowByRow.total)
        #expect(atOnce.rows.map(\.id) == rowByRow.rows.map(\.id))
        #expect(atOnce.rows.map(\.score) == rowByRow.rows.map(\.score))
    }

    /// SQLite's progress check does not run while the rows are scored within one call, so the query's flag is
    /// looked at instead: a raised flag interrupts the statement before any row is taken.
    @Test func aRaisedFlagStopsTheScoring() throws {
        let index = try Self.index()
        let flag = CancellationFlag()
        flag.raise()
        try index.pool.read { session in
            let plan = QueryCompiler.compile(QueryParser.parse("经济"), analyzer: session.searcher.analyzer)
            let query = RankingQuery(plan: plan.ranking, defersIDF: true)
            query.top = TopHits(capacity: 10, order: .relevance)
            query.cancellation = flag
            _ = try session.store.figures()
            let match = try #require(plan.match)
            let error = #expect(throws: SQLiteError.self) { try session.store.rankMatches(match, into: query, allAtOnce: true) }
            #expect(error.map { $0.code & 0xFF } == 9)  // SQLITE_INTERRUPT
            #expect(query.total == 0)
        }
        #expect(try index.search("经济").total == 4)
    }
}

import Foundation
import Testing
@testable import NewSearch

/// Articles of a series (a title at least ``Ranking/seriesSize`` articles share, as a daily roundup's) score
/// ``Ranking/seriesFactor`` of what they would: the index counts the articles under each title as they come and go.
@Suite struct SeriesTitlesTests {
    /// The same filler around each article's matches, so that lengths and bm25 are alike.
    private static let filler = "会议指出，要认真做好各项工作，推动高质量发展，确保各项任务落到实处，取得实效。"
    /// A roundup's title, and another of the same length.
    private static let roundup = "国内联播快讯", single = "今日要闻快讯"

    private static func options(_ change: (inout RankingParameters) -> Void = { _ in }) -> SearchOptions {
        var options = SearchOptions(limit: nil)
        options.explain = true
        change(&options.ranking)
        return options
    }

    /// An index of `roundups` articles under one title (the last of them about 雾霾) and one article under
    /// another title with the same body.
    private static func index(roundups: Int) throws -> SearchIndex {
        let index = try SearchIndex(path: ":memory:")
        let body = filler + "雾霾天气持续，各地启动应急预案。" + filler
        var articles = (1 ..< roundups).map { ("roundup\($0)", Article(title: roundup, body: filler + "\($0)" + filler)) }
        articles.append(("roundup", Article(title: roundup, body: body)))
        articles.append(("single", Article(title: single, body: body)))
        try index.add(contentsOf: articles)
        return index
    }

    @Test func theKeyIsTheTitleWithoutSurroundingSpace() {
        #expect(SeriesTitles.key(of: " 国内联播快讯\n") == SeriesTitles.key(of: "国内联播快讯"))
        #expect(SeriesTitles.key(of: "国内联播快讯") != SeriesTitles.key(of: "国际联播快讯"))
        #expect(SeriesTitles.key(of: "") == Int64(bitPattern: 0xCBF2_9CE4_8422_2325))
    }

    /// The roundup and the single article match alike; the roundup scores the series' share of the other's score.
    @Test func anArticleOfASeriesRanksBelowOneAlike() throws {
        let index = try Self.index(roundups: Ranking.seriesSize)
        let results = try index.search("雾霾", options: Self.options())
        #expect(results.hits.map(\.path) == ["single", "roundup"])
        let parts = results.hits.map { $0.scoreParts?.seriesFactor }
        #expect(parts == [1, RankingParameters.standard.seriesFactor])
        #expect(abs(results.hits[1].score - results.hits[0].score * Ranking.seriesFactor) < 1e-9)
        let without = try index.search("雾霾", options: Self.options { $0.seriesFactor = 1 })
        #expect(without.hits.count == 2 && without.hits[0].score == without.hits[1].score)
    }

    /// One article fewer than the series' size, and the title is no series: by adding or by removing.
    @Test func aTitleFewerArticlesShareIsNoSeries() throws {
        let fewer = try Self.index(roundups: Ranking.seriesSize - 1)
        let scores = try fewer.search("雾霾", options: Self.options()).hits.map(\.score)
        #expect(scores.count == 2 && scores[0] == scores[1])

        let index = try Self.index(roundups: Ranking.seriesSize)
        #expect(try index.remove(path: "roundup1"))
        let after = try index.search("雾霾", options: Self.options()).hits
        #expect(after.map { $0.scoreParts?.seriesFactor } == [1, 1])
        try index.add(Article(title: Self.roundup, body: Self.filler), path: "roundup1")
        #expect(try index.search("雾霾", options: Self.options()).hits.last?.scoreParts?.seriesFactor
                == RankingParameters.standard.seriesFactor)
    }

    /// Pages of a few hits are the start of every hit ranked, though the second phase lowers the series'
    /// articles below what the first phase scored them (the candidates leave room for it).
    @Test(arguments: ["雾霾", "会议", "工作 发展", "1"])
    func aPageIsTheStartOfEveryHitRanked(query: String) throws {
        let index = try Self.index(roundups: Ranking.seriesSize + 20)
        let all = try index.search(query, options: SearchOptions(limit: nil))
        #expect(all.total > 0)
        for (offset, limit) in [(0, 3), (0, 10), (5, 4)] {
            let page = try index.search(query, options: SearchOptions(limit: limit, offset: offset))
            let expected = Array(all.hits.dropFirst(offset).prefix(limit))
            #expect(page.hits.map(\.path) == expected.map(\.path), "\(query) from \(offset)")
            #expect(page.hits.map(\.score) == expected.map(\.score), "\(query) from \(offset)")
        }
    }

    /// The model's description names the factor, so that heads ranked without it are not taken for its.
    @Test func theModelNamesTheFactor() {
        #expect(RankingParameters.standard.description.contains("series"))
        var off = RankingParameters.standard
        off.seriesFactor = 1
        #expect(!off.description.contains("series"))
    }
}

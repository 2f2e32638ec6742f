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
        #expect(SeriesTitles.key(of: " \n") == SeriesTitles.untitled)
    }

    /// Articles without a title share none: however many, they are no series.
    @Test func untitledArticlesAreNoSeries() throws {
        let index = try SearchIndex(path: ":memory:")
        let body = Self.filler + "雾霾天气持续，各地启动应急预案。" + Self.filler
        try index.add(contentsOf: (0 ... Ranking.seriesSize).map { ("blank\($0)", Article(title: " ", body: body)) })
        let factors = try index.search("雾霾", options: Self.options()).hits.map { $0.scoreParts?.seriesFactor }
        #expect(factors.count == Ranking.seriesSize + 1 && factors.allSatisfy { $0 == 1 })
    }

    /// More hits than the first phase keeps candidates (1,350), 300 of them roundups that the first phase would
    /// rank first without the series' factor: the page is still the start of every hit ranked, since the first
    /// phase applies the factor itself.
    @Test func moreRoundupsThanCandidatesStillRankBelow() throws {
        let index = try SearchIndex(path: ":memory:")
        var articles = (0 ..< 300).map { ("s\($0)", Article(title: Self.roundup, body: "雾霾天气持续。" + Self.filler)) }
        articles += (0 ..< 50).map { ("o\($0)", Article(title: Self.single, body: "雾霾天气持续。" + Self.filler + "补充。")) }
        articles += (0 ..< 1_000).map { ("u\($0)", Article(title: "天气\($0)", body: "雾霾。" + String(repeating: Self.filler, count: 6))) }
        try index.add(contentsOf: articles)
        let all = try index.search("雾霾", options: SearchOptions(limit: nil))
        #expect(all.total > PageRanker.mostCandidates)
        #expect(all.hits.prefix(10).allSatisfy { $0.path.hasPrefix("o") })
        let page = try index.search("雾霾", options: SearchOptions(limit: 10))
        #expect(page.hits.map(\.path) == Array(all.hits.prefix(10)).map(\.path))
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

    /// Pages of a few hits are the start of every hit ranked.
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

    /// A score an earlier newsearch wrote, without the later factors, reads back with each of them 1.
    @Test func aScoreWithoutTheLaterFactorsDecodesWithThemOne() throws {
        let json = #"{"terms":[{"idf":2,"bm25":3,"titleBonus":0,"alignmentFactor":1.5}],"proximityFactor":1}"#
        let score = try JSONDecoder().decode(RelevanceModel.Score.self, from: Data(json.utf8))
        #expect(score.characterFactor == 1 && score.leadFactor == 1 && score.seriesFactor == 1)
        #expect(score.total == 4.5)
        let again = try JSONDecoder().decode(RelevanceModel.Score.self, from: JSONEncoder().encode(score))
        #expect(again == score)
    }

    /// The model's description names the factor, so that heads ranked without it are not taken for its.
    @Test func theModelNamesTheFactor() {
        #expect(RankingParameters.standard.description.contains("series"))
        var off = RankingParameters.standard
        off.seriesFactor = 1
        #expect(!off.description.contains("series"))
        var near = RankingParameters.standard
        near.seriesFactor = 0.801
        #expect(near.description != RankingParameters.standard.description)
    }
}

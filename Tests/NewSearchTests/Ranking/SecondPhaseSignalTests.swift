import Foundation
import Testing
@testable import NewSearch

/// The two second-phase signals measured on 2026-12-07 (issue 24; off in the standard model until counting the
/// characters is cheap): an article full of the query's characters, and one whose body opens with the terms, rank
/// above articles that hold the terms as often but only in passing.
@Suite struct SecondPhaseSignalTests {
    /// The figures they were measured at.
    private static let characterBoost = 0.5, leadBoost = 0.05

    /// The same filler around each article's matches, so that lengths and bm25 are alike.
    private static let filler = "会议指出，要认真做好各项工作，推动高质量发展，确保各项任务落到实处，取得实效。"

    private static func options(_ change: (inout RankingParameters) -> Void = { _ in }) -> SearchOptions {
        var options = SearchOptions(limit: 10)
        options.explain = true
        options.ranking.characterBoost = characterBoost
        options.ranking.leadBoost = leadBoost
        change(&options.ranking)
        return options
    }

    /// Two bodies that each name 扶贫 twice, at the same places: one also speaks of 贫困 and 脱贫 (the sense of 贫),
    /// the other of other things; the first ranks first, and without the characters' raise the two score the same.
    @Test func anArticleFullOfTheQuerysCharactersRanksFirst() throws {
        let index = try SearchIndex(path: ":memory:")
        let lead = String(repeating: Self.filler, count: 3)
        try index.add(contentsOf: [
            ("passing", Article(title: "今日要闻", body: lead + "扶贫工作。" + "各地加强交通管理，保障出行。" + "扶贫工作。" + Self.filler)),
            ("about", Article(title: "今日要闻", body: lead + "扶贫工作。" + "帮助贫困户脱贫，贫困村摘帽。" + "扶贫工作。" + Self.filler)),
        ])
        let results = try index.search("扶贫", options: Self.options())
        #expect(results.hits.map(\.path) == ["about", "passing"])
        let factors = results.hits.compactMap { $0.scoreParts?.characterFactor }
        #expect(factors.count == 2 && factors[0] > factors[1] && factors[1] > 1)
        #expect(factors.allSatisfy { $0 < 1 + Self.characterBoost })

        let without = try index.search("扶贫", options: Self.options { $0.characterBoost = 0 })
        #expect(without.hits.count == 2 && without.hits[0].score == without.hits[1].score)
        #expect(without.hits.allSatisfy { $0.scoreParts?.characterFactor == 1 })
    }

    /// The characters are counted folded: a Traditional article holds the Simplified query's characters.
    @Test func charactersAreCountedFolded() throws {
        let analyzer = try Analyzer()
        let characters = analyzer.queryCharacters(["社會保險", "社保"])
        var counts: [Int32] = []
        var text = "社會保險，社会保险，保險公司。"
        text.withUTF8 { analyzer.countCharacters(characters, in: $0, into: &counts) }
        // 社 会 保 险, each once in the terms' order: 社 ×2, 会 ×2, 保 ×3, 险 ×3.
        #expect(counts == [2, 2, 3, 3])
    }

    @Test func queryCharactersAreTheTermsDistinctIdeographs() throws {
        let folder = try CharacterFolder()
        let characters = QueryCharacters(foldedTerms: ["新能源汽车", "补贴", "5g", "汽车"])
        var counts: [Int32] = []
        Array("汽车补贴5G汽".utf8).withUnsafeBufferPointer { characters.count(in: $0, into: &counts, folder: folder) }
        #expect(counts == [0, 0, 0, 2, 1, 1, 1])
        #expect(QueryCharacters(foldedTerms: ["iphone16", "gdp"]).isEmpty)
        // 41 distinct Simplified characters, none of which folding changes.
        let many = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自去之"
        #expect(!QueryCharacters(foldedTerms: [many]).isEmpty)
        Array(many.utf8).withUnsafeBufferPointer { QueryCharacters(foldedTerms: [many]).count(in: $0, into: &counts, folder: folder) }
        #expect(counts.count == QueryCharacters.limit && counts.allSatisfy { $0 == 1 })
    }

    @Test func theCharacterShareGrowsWithTheCountsAndStaysBelowOne() {
        let model = RelevanceModel()
        func share(_ body: [Int32], title: [Int32] = [0, 0], length: Int = 500) -> Double {
            model.characterShare(title: title, body: body, lengths: (10, length), averageLengths: [10, 500])
        }
        #expect(share([0, 0]) == 0)
        #expect(share([1, 1]) < share([2, 1]))
        #expect(share([2, 1]) < share([2, 1], title: [1, 0]))
        #expect(share([5, 5], length: 2_000) < share([5, 5]))
        #expect(share([1_000, 1_000]) < 1)
        #expect(model.characterShare(title: [], body: [], lengths: (10, 500), averageLengths: [10, 500]) == 0)
    }

    /// Two articles with the same matches, one with the term in its first sentence and one with it past the opening
    /// (``Ranking/leadWindow``): the first ranks first, by the lead's raise alone.
    @Test func termsInTheOpeningRaiseTheScore() throws {
        let index = try SearchIndex(path: ":memory:")
        let long = String(repeating: Self.filler, count: 4)
        try index.add(contentsOf: [
            ("late", Article(title: "今日要闻", body: long + "雾霾天气持续。" + Self.filler)),
            ("early", Article(title: "今日要闻", body: "雾霾天气持续。" + long + Self.filler)),
        ])
        let results = try index.search("雾霾", options: Self.options { $0.characterBoost = 0 })
        #expect(results.hits.map(\.path) == ["early", "late"])
        #expect(results.hits.map { $0.scoreParts?.leadFactor } == [1 + Self.leadBoost, 1])
        let without = try index.search("雾霾", options: Self.options { $0.characterBoost = 0; $0.leadBoost = 0 })
        #expect(without.hits.count == 2 && without.hits[0].score == without.hits[1].score)
    }

    /// Off in the standard model: no factor, and the same scores as without the signals.
    @Test func theStandardModelLeavesThemOff() throws {
        #expect(RankingParameters.standard.characterBoost == 0 && RankingParameters.standard.leadBoost == 0)
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: [("a", Article(title: "扶贫", body: "扶贫工作，帮助贫困户脱贫。" + Self.filler))])
        var options = SearchOptions(limit: 10)
        options.explain = true
        let parts = try #require(try index.search("扶贫", options: options).hits.first?.scoreParts)
        #expect(parts.characterFactor == 1 && parts.leadFactor == 1)
    }

    /// A hit's score is its explanation's total, characters and lead included.
    @Test func theScoreIsTheExplainedTotal() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: [
            ("a", Article(title: "快递员社会保险", body: "提高快递员社会保险水平。" + Self.filler)),
            ("b", Article(title: "今日要闻", body: Self.filler + "快递员的社会保险。" + Self.filler)),
        ])
        let results = try index.search("快递员 社会保险", options: Self.options())
        #expect(results.hits.count == 2)
        for hit in results.hits {
            let parts = try #require(hit.scoreParts)
            #expect(abs(parts.total - hit.score) <= 1e-9 * hit.score)
            #expect(parts.characterFactor > 1)
        }
    }
}

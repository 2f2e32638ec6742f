import Foundation
import Testing
@testable import NewSearch

/// The two second-phase signals of issue 24, in the standard model since 2026-12-07: an article full of the
/// query's characters, and one whose body opens with the terms, rank above articles that hold the terms as often
/// but only in passing. The characters' counts are stored with each article (``ArticleCharacters``).
@Suite struct SecondPhaseSignalTests {
    /// The same filler around each article's matches, so that lengths and bm25 are alike.
    private static let filler = "会议指出，要认真做好各项工作，推动高质量发展，确保各项任务落到实处，取得实效。"

    private static func options(_ change: (inout RankingParameters) -> Void = { _ in }) -> SearchOptions {
        var options = SearchOptions(limit: 10)
        options.explain = true
        change(&options.ranking)
        return options
    }

    /// The characters' counts as an index stores them for an article of `title` and `body`.
    private static func stored(title: String, body: String) throws -> [UInt8] {
        let analyzer = try Analyzer()
        return ArticleCharacters.encoded(title: analyzer.tokenList(title), body: analyzer.tokenList(body))
    }

    /// The title and body counts of `query`'s characters in `stored`.
    private static func counts(of query: QueryCharacters, in stored: [UInt8]) -> (title: [Int32], body: [Int32]) {
        var title: [Int32] = [], body: [Int32] = []
        stored.withUnsafeBytes { ArticleCharacters.counts(of: query, in: $0, title: &title, body: &body) }
        return (title, body)
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
        let most = RelevanceModel().characterFactor(share: 1)
        #expect(factors.count == 2 && factors[0] > factors[1] && factors[1] >= 1 && factors[0] < most)

        let without = try index.search("扶贫", options: Self.options { $0.characterBoost = 0 })
        #expect(without.hits.count == 2 && without.hits[0].score == without.hits[1].score)
        #expect(without.hits.allSatisfy { $0.scoreParts?.characterFactor == 1 })
    }

    /// The characters count as far as the terms stand as words: an article that holds 京东 only across two words
    /// (北京|东城区) and says 北京 and 东城 again and again gets no raise from them, one that names 京东 as a word does.
    @Test func charactersAroundAMatchAcrossWordsDoNotCount() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: [
            ("district", Article(title: "今日要闻", body: "北京东城区开展胡同整治，北京东城区的东四、东直门一带，北京市民称赞。" + Self.filler)),
            ("company", Article(title: "今日要闻", body: "京东发布财报，京东的物流网络覆盖全国，京东表示将继续投入。" + Self.filler)),
        ])
        let hits = try index.search("京东", options: Self.options()).hits
        let factors = Dictionary(uniqueKeysWithValues: hits.map { ($0.path, $0.scoreParts?.characterFactor) })
        #expect(factors["district"] == 1)
        #expect((factors["company"] ?? 1) ?? 1 > 1)
        #expect(hits.first?.path == "company")
    }

    /// The counts are of the folded text: a Traditional article holds the Simplified query's characters.
    @Test func charactersAreCountedFolded() throws {
        let analyzer = try Analyzer()
        let stored = try Self.stored(title: "保險新規", body: "社會保險，社会保险，保險公司。")
        let counts = Self.counts(of: analyzer.queryCharacters(["社會保險", "社保"]), in: stored)
        // 社 会 保 险 in the terms' order: in the body 社 ×2, 会 ×2, 保 ×3, 险 ×3; in the title 保 and 险 once.
        #expect(counts.body == [2, 2, 3, 3])
        #expect(counts.title == [0, 0, 1, 1])
    }

    /// What an article stores: every ideograph of its title, and those its body holds twice or more, each with its
    /// counts; letters, digits and punctuation not at all.
    @Test func anArticleStoresItsRepeatedAndTitledCharacters() throws {
        let stored = try Self.stored(title: "汽车补贴", body: "新能源汽车补贴iPhone16，汽车5G。")
        let counts = Self.counts(of: QueryCharacters(foldedTerms: ["新能源汽车", "补贴", "手机"]), in: stored)
        // 新 能 源 (once in the body: left out) 汽 车 补 贴 手 机
        #expect(counts.body == [0, 0, 0, 2, 2, 1, 1, 0, 0])
        #expect(counts.title == [0, 0, 0, 1, 1, 1, 1, 0, 0])
        #expect(try Self.stored(title: "GDP", body: "iPhone 16，2024年。").isEmpty)
        #expect(Self.counts(of: QueryCharacters(foldedTerms: ["年"]), in: try Self.stored(title: "", body: "2024年")).body
            == [0])
        // A long text of letters and digits stores nothing (and its table of counts stays bounded).
        #expect(try Self.stored(title: "", body: String(repeating: "iPhone 16 GDP 2024 ", count: 20_000)).isEmpty)
        // Damaged bytes count as nothing from where they break.
        #expect(Self.counts(of: QueryCharacters(foldedTerms: ["汽车"]), in: [0xFF]).body == [0, 0])
    }

    /// A character the body holds once is not stored, yet counts once where a term that holds it matches the body:
    /// the factor is that of counts of 1, above 1 for an article shorter than the average.
    @Test func aCharacterLeftOutCountsOnceWhereItsTermMatches() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: [
            ("once", Article(title: "今日要闻", body: "扶贫。" + Self.filler)),
            ("long", Article(title: "今日要闻", body: String(repeating: Self.filler, count: 8))),
        ])
        let factor = try #require(try index.search("扶贫", options: Self.options()).hits.first?.scoreParts).characterFactor
        let once = try index.pool.read { session in
            let figures = try session.store.figures()
            let record = try #require(try session.store.statisticsRecord(id: 1)?.record)
            return RelevanceModel().characterShare(title: [0, 0], body: [1, 1],
                                                   lengths: (record.titleLength, record.bodyLength),
                                                   averageLengths: figures.averageLengths)
        }
        #expect(factor > 1)
        #expect(abs(factor - RelevanceModel().characterFactor(share: once)) < 1e-12)
    }

    @Test func queryCharactersAreTheTermsDistinctIdeographs() throws {
        let characters = QueryCharacters(foldedTerms: ["新能源汽车", "补贴", "5g", "汽车"])
        #expect(characters.scalars == "新能源汽车补贴".unicodeScalars.map(\.value))
        #expect(characters.charactersOfTerm == [[0, 1, 2, 3, 4], [5, 6], [], [3, 4]])
        #expect(characters.ascending.map(\.scalar) == characters.scalars.sorted())
        #expect(QueryCharacters(foldedTerms: ["iphone16", "gdp"]).isEmpty)
        // A group of synonyms matches through any member: only the characters every member holds are sure.
        let group = QueryCharacters(foldedTerms: ["社会保险\u{0}社保", "快递"])
        #expect(group.scalars == "社会保险快递".unicodeScalars.map(\.value))
        #expect(group.charactersOfTerm == [[0, 2], [4, 5]])
        // 41 distinct characters: the first 32 count.
        let many = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自去之"
        #expect(QueryCharacters(foldedTerms: [many]).count == QueryCharacters.limit)
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
        #expect(results.hits.map { $0.scoreParts?.leadFactor } == [1 + RankingParameters.standard.leadBoost, 1])
        let without = try index.search("雾霾", options: Self.options { $0.characterBoost = 0; $0.leadBoost = 0 })
        #expect(without.hits.count == 2 && without.hits[0].score == without.hits[1].score)
    }

    /// On in the standard model, and 1 where they do not apply: a query of Latin letters has no characters to count.
    @Test func theStandardModelHasThem() throws {
        #expect(RankingParameters.standard.characterBoost > 0 && RankingParameters.standard.leadBoost > 0)
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: [("a", Article(title: "扶贫", body: "扶贫工作，帮助贫困户脱贫。GDP增长。" + Self.filler))])
        let parts = try #require(try index.search("扶贫", options: Self.options()).hits.first?.scoreParts)
        #expect(parts.characterFactor > 1 && parts.leadFactor > 1)
        let latin = try #require(try index.search("gdp", options: Self.options()).hits.first?.scoreParts)
        #expect(latin.characterFactor == 1)
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

import Foundation
import Testing
@testable import NewSearch

/// Ranking in two phases (every match without word alignment and proximity, then the whole model on the best
/// candidates) gives a page the whole model agrees with: the same hits and scores as ranking every hit with it.
@Suite struct TwoPhaseRankingTests {
    /// Text around the matches of the articles made here.
    private static let filler = "会议指出，要认真做好各项工作，推动高质量发展，确保各项任务落到实处，取得实效。"

    /// The repository's sample corpus, indexed once.
    private static let index: SearchIndex = {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpus").path
        let index = try! SearchIndex(path: ":memory:")
        _ = try! index.index([corpus])
        return index
    }()

    /// Every hit rescored (no limit: every match is a candidate) against pages of a few: the pages are the first
    /// hits of the full list, with the same scores, for frequent terms (more matches than candidates) and rare.
    @Test(arguments: ["的", "中国", "经济 发展", "上海", "快递员 社会保险", "习近平", "2021年", "\"经济发展\"", "新华社 -北京"])
    func aPageIsTheStartOfEveryHitRanked(query: String) throws {
        let all = try Self.index.search(query, options: SearchOptions(limit: nil))
        #expect(all.total > 0)
        #expect(all.total == all.hits.count)
        for (offset, limit) in [(0, 5), (0, 10), (7, 3)] {
            let page = try Self.index.search(query, options: SearchOptions(limit: limit, offset: offset))
            let expected = Array(all.hits.dropFirst(offset).prefix(limit))
            #expect(page.total == all.total)
            #expect(page.hits.map(\.path) == expected.map(\.path), "\(query) from \(offset)")
            #expect(page.hits.map(\.score) == expected.map(\.score), "\(query) from \(offset)")
        }
    }

    /// The sample has a term with more matches than the first phase keeps: the test above covers the second
    /// phase's cut.
    @Test func aTermMatchesMoreThanTheCandidates() throws {
        #expect(try Self.index.search("的").total > PageRanker.candidates)
    }

    /// Explained scores are the scores shown.
    @Test func explainedPartsAddUpToTheScore() throws {
        var options = SearchOptions(limit: 10)
        options.explain = true
        let results = try Self.index.search("经济 发展", options: options)
        #expect(!results.hits.isEmpty)
        for hit in results.hits {
            let parts = try #require(hit.scoreParts)
            #expect(abs(parts.total - hit.score) < 1e-9)
        }
    }

    /// Date order keeps the newest hits, each with its whole-model score.
    @Test func dateOrderKeepsTheNewestWithTheirScores() throws {
        let byRelevance = try Self.index.search("中国", options: SearchOptions(limit: nil))
        var options = SearchOptions(limit: 5)
        options.sort = .date
        let byDate = try Self.index.search("中国", options: options)
        let newest = byRelevance.hits.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }.prefix(5)
        #expect(byDate.hits.map(\.date) == newest.map(\.date))
        let scores = Dictionary(uniqueKeysWithValues: byRelevance.hits.map { ($0.path, $0.score) })
        for hit in byDate.hits { #expect(scores[hit.path] == hit.score) }
    }

    /// A page of 10 of a frequent term remembers the most an article without the term in its title scored, for the
    /// title tier of later searches; rows the first phase turned away as unable to reach that page count too, so a
    /// later page of 100, which they may reach, is still the start of every hit ranked.
    @Test func theUntitledBoundCountsRowsTurnedAway() throws {
        let index = try SearchIndex(path: ":memory:")
        var articles = (0 ..< 10).map { ("t\($0)", Article(title: "经济经济", body: String(repeating: "经济，", count: 10))) }
        articles += (0 ..< 100).map {
            ("w\($0)", Article(title: "关于经济的新闻标题第\($0)号", body: String(repeating: Self.filler, count: 120)))
        }
        articles += (0 ..< 700).map { ("x\($0)", Article(title: "天气\($0)", body: "经济。" + String(repeating: Self.filler, count: 12))) }
        try index.add(contentsOf: articles)
        var options = SearchOptions(limit: 10)
        options.countedTotal = 20
        _ = try index.search("经济", options: options)
        options.limit = 100
        let page = try index.search("经济", options: options)
        let all = try index.search("经济", options: SearchOptions(limit: nil))
        #expect(page.hits.map(\.path) == Array(all.hits.prefix(100)).map(\.path))
    }

    /// 300 newer articles tie in the first phase (one match inside a word each) with an older one whose match is a
    /// word of its own: more ties than candidates, and the whole model puts the older one first. The page sees it.
    @Test func aRowBelowTheCandidatesThatCanReachThePageIsFound() throws {
        let index = try SearchIndex(path: ":memory:")
        var articles: [(String, Article)] = (0 ..< 300).map { number in
            ("a\(number)", Article(title: "新闻", date: Date(timeIntervalSince1970: TimeInterval(1_700_000_000 + number * 100)),
                                 body: "马克思说"))
        }
        articles.append(("b", Article(title: "新闻", date: Date(timeIntervalSince1970: 1_600_000_000), body: "一匹马跑")))
        articles += (0 ..< 50).map { ("z\($0)", Article(title: "天气", body: "晴天下雨")) }
        try index.add(contentsOf: articles)
        let all = try index.search("马", options: SearchOptions(limit: nil))
        #expect(all.hits.first?.path == "b")
        let page = try index.search("马", options: SearchOptions(limit: 10))
        #expect(page.hits.map(\.path) == Array(all.hits.prefix(10)).map(\.path))
        #expect(page.hits.map(\.score) == Array(all.hits.prefix(10)).map(\.score))
    }

    /// A page ranked again (the term's frequency now known, the title tier may take it) scores as the first time.
    @Test func aRepeatedSearchScoresTheSame() throws {
        let index = try SearchIndex(path: ":memory:")
        var articles: [(String, Article)] = []
        for number in 0 ..< 30 { articles.append(("t\(number)", Article(title: "经济\(number)", body: "经济经济经济，经济。"))) }
        for number in 0 ..< 300 { articles.append(("b\(number)", Article(title: "新闻\(number)", body: "今天谈了谈经济。"))) }
        for number in 0 ..< 400 { articles.append(("n\(number)", Article(title: "天气\(number)", body: "晴天。"))) }
        try index.add(contentsOf: articles)
        var options = SearchOptions(limit: 5)
        options.countedTotal = 20
        let first = try index.search("经济", options: options)
        let second = try index.search("经济", options: options)
        #expect(first.hits.map(\.path) == second.hits.map(\.path))
        #expect(first.hits.map(\.score) == second.hits.map(\.score))
        #expect(first.total == 20 && second.total == 20 && !second.totalIsExact)
    }

    /// A filter's rejected rows leave no matches behind, however many follow a kept one.
    @Test func rowsAFilterRejectsKeepNoMatches() throws {
        let query = RankingQuery(plan: .eachPhraseATerm(1))
        query.top = TopHits(capacity: 10, order: .relevance)
        query.keepsCandidateMatches = true
        query.allowed = [1]
        query.row.pointee.occurrences = [MatchOccurrence(column: 1, start: 0, length: 1, term: 0)]
        for id in 1 ..< 1002 { query.collect(id: Int64(id), score: 1, date: 0) }
        #expect(query.row.pointee.candidateRanges.count == 1)
        #expect(query.total == 1)
    }

    /// In date order over rows that come oldest first every row enters the page's heap: the pool holds the matches
    /// of the rows still kept, not of every row.
    @Test func thePoolKeepsTheMatchesOfTheRowsStillKept() throws {
        let query = RankingQuery(plan: .eachPhraseATerm(1))
        query.top = TopHits(capacity: 10, order: .date)
        query.keepsCandidateMatches = true
        query.row.pointee.occurrences = [MatchOccurrence(column: 1, start: 0, length: 1, term: 0)]
        for id in 1 ... 20_000 { query.collect(id: Int64(id), score: 1, date: Int64(id)) }
        #expect(query.row.pointee.candidateRanges.count <= 4 * 1024 + 1)
        #expect(query.top.sorted().allSatisfy { !query.candidateMatches(of: $0.id).isEmpty })
    }
}

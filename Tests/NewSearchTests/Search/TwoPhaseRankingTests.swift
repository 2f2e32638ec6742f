import Foundation
import Testing
@testable import NewSearch

/// Ranking in two phases (every match without word alignment and proximity, then the whole model on the best
/// candidates) gives a page the whole model agrees with: the same hits and scores as ranking every hit with it.
@Suite struct TwoPhaseRankingTests {
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
}

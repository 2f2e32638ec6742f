import Foundation
import Testing
@testable import NewSearch

/// A frequent term's first page is ranked ahead of time after an index run (``RankedHead``): a search of the term
/// alone reads it and answers exactly as ranking every hit does, under the model it was ranked with only, and any
/// write to the articles empties the heads in its own transaction.
@Suite struct RankedHeadTests {
    private static func index(_ path: String = ":memory:") throws -> SearchIndex {
        try FrequentTermFixture.index(path)
    }

    /// Ranks the heads again with a threshold this small index reaches; returns how many were ranked.
    @discardableResult
    private static func rankHeads(_ index: SearchIndex, minimumFrequency: Int = 20, again: Bool = true) throws -> Int? {
        if again { try index.pool.write { try $0.store.database.execute(IndexSchema.headsRemoval) } }
        var report = IndexReport()
        var phases: [IndexProgress.Phase] = []
        try index.rankHeads(into: &report, minimumFrequency: minimumFrequency, cancellation: nil) { phases.append($0.phase) }
        #expect(phases.allSatisfy { $0 == .frequentTerms })
        return report.headsRanked
    }

    private static func head(_ index: SearchIndex, _ query: String, model: RankingParameters = .standard) throws -> RankedHead? {
        try index.pool.read { session in
            let plan = QueryCompiler.compile(QueryParser.parse(query), analyzer: session.searcher.analyzer)
            let key = session.searcher.headKey(try #require(plan.match).text)
            return try session.store.head(expression: key, model: RankedHead.modelKey(model), figures: session.store.figures())
        }
    }

    private static func page(_ results: SearchResults) -> [String] {
        results.hits.map { "\($0.path) \($0.score) \($0.snippet)" }
    }

    @Test func anIndexRunRanksTheHeadsOfItsFrequentTerms() throws {
        let index = try Self.index()
        // The threshold of a real index (4,096 articles) is far above these 80: the run ranked none, and says so.
        #expect(try Self.head(index, "经济") == nil)
        #expect(try Self.rankHeads(index, minimumFrequency: 71) == 0, "no term is in more than 70")
        #expect(try Self.head(index, "经济") == nil)
        #expect(try Self.rankHeads(index, minimumFrequency: 70) ?? 0 > 1)
        let head = try #require(try Self.head(index, "经济"))
        #expect(head.frequency == 70)
        #expect(head.rows.count == 70)
        // Ranked already: nothing to do until the articles change.
        #expect(try Self.rankHeads(index, again: false) == nil)
    }

    @Test(arguments: [(10, 0), (3, 0), (20, 25), (5, 65), (0, 0)])
    func aPageFromTheHeadIsThePageOfEveryHit(limit: Int, offset: Int) throws {
        let index = try Self.index()
        try Self.rankHeads(index)
        let options = SearchOptions(limit: limit, offset: offset)
        let fromHead = try index.search("经济", options: options)
        try index.pool.write { try $0.store.database.execute(IndexSchema.headsRemoval) }
        let everyHit = try index.search("经济", options: options)
        #expect(Self.page(fromHead) == Self.page(everyHit))
        #expect(fromHead.total == 70 && everyHit.total == 70 && fromHead.totalIsExact)
        #expect(fromHead.hits.count == min(limit, 70 - offset))
    }

    /// The head is what answers (a head changed by hand shows), and only where it can: not for another model, a
    /// page beyond it, a filter, facets or an explanation.
    @Test func aSearchReadsTheHeadOnlyWhereItAnswersAsEveryHitWould() throws {
        let index = try Self.index()
        try Self.rankHeads(index)
        let expression = try index.pool.read { session in
            session.searcher.headKey(
                try #require(QueryCompiler.compile(QueryParser.parse("经济"), analyzer: session.searcher.analyzer).match).text)
        }
        let weather = try #require(try index.article(path: "n3")).id
        try index.pool.write { session in
            try session.store.replaceHeads(
                [expression: RankedHead(rows: [TopHits.Row(id: weather, score: 1, date: .min)], frequency: 1)],
                model: RankedHead.modelKey(.standard))
        }
        #expect(try index.search("经济", limit: 1).hits.map(\.path) == ["n3"])
        #expect(try index.search("經濟", limit: 1).hits.map(\.path) == ["n3"], "the head of the folded term")
        var other = SearchOptions(limit: 1)
        other.ranking.k1 = 1.2
        var beyond = SearchOptions(limit: 10, offset: PageRanker.candidates)
        beyond.exactTotal = true
        var faceted = SearchOptions(limit: 1)
        faceted.facets = [.category]
        var explained = SearchOptions(limit: 1)
        explained.explain = true
        var dated = SearchOptions(limit: 1)
        dated.sort = .date
        for options in [other, faceted, explained, dated] {
            #expect(try index.search("经济", options: options).hits.map(\.path) != ["n3"])
        }
        #expect(try index.search("经济", options: beyond).total == 70)
        #expect(try index.search("经济 天气", limit: 1).hits.map(\.path) != ["n3"])
    }

    /// Every way the articles change empties the heads in the same transaction, so that no search reads a stale one;
    /// a run through the library ranks them again.
    @Test func everyWriteEmptiesTheHeads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("heads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("index.db").path
        let index = try Self.index(path)
        try Self.rankHeads(index)
        #expect(try Self.head(index, "经济") != nil)
        let ranked = try #require(try index.info().rankedHeads)
        #expect(ranked > 1)
        #expect(try (0 ..< 3).map { _ in try index.info().rankedHeads } == [ranked, ranked, ranked], "asked again")
        try index.remove(path: "t0")
        #expect(try Self.head(index, "经济") == nil)
        #expect(try index.info().rankedHeads == nil, "not ranked since the last change")
        #expect(try index.search("经济").total == 69)

        try Self.rankHeads(index)
        try index.add(Article(title: "经济", body: "经济。"), path: "new")
        #expect(try Self.head(index, "经济") == nil)
        #expect(try index.info().rankedHeads == nil, "adding leaves the ranking to rankFrequentTerms")
        #expect(try index.search("经济", limit: 1).hits.map(\.path) == ["new"])
        #expect(try index.rankFrequentTerms() == 0, "under the real bound, 8,192 articles: none")
        #expect(try index.rankFrequentTerms() == nil, "ranked since the last change")

        // A delete through SQL, as an app's connection may do it: the schema's trigger empties them.
        try Self.rankHeads(index)
        #expect(try Self.head(index, "经济")?.frequency == 70)
        try index.pool.write { try $0.store.database.execute("DELETE FROM \(IndexSchema.documents) WHERE path = 'new'") }
        #expect(try Self.head(index, "经济") == nil)
        #expect(try index.search("经济", limit: 1).total == 69)
    }

    /// Heads ranked on readers while a write came in are not stored: they would rank the articles as they were.
    @Test func headsRankedAcrossAWriteAreDropped() throws {
        let index = try Self.index()
        try index.pool.write { try $0.store.database.execute(IndexSchema.headsRemoval) }
        let mark = try #require(try index.pool.write { try $0.store.markHeadsForRanking() })
        let heads = try index.pool.read { session in
            try session.searcher.rankHeads(of: session.searcher.frequentTokens(minimumFrequency: 20), minimumFrequency: 20)
        }
        #expect(!heads.isEmpty)
        try index.pool.write { session in
            try session.store.database.transaction { try session.store.delete(id: try #require(try session.store.documentID(path: "n0"))) }
        }
        #expect(try index.pool.write { try $0.store.replaceHeads(heads, model: RankedHead.modelKey(.standard), ifMarked: mark) } == false)
        #expect(try Self.head(index, "经济") == nil)
    }

    @Test func aHeadIsStoredAndReadBackWhole() throws {
        let rows = [TopHits.Row(id: 7, score: 2.5, date: 1_700_000_000), TopHits.Row(id: 1 << 40, score: 0.125, date: .min),
                    TopHits.Row(id: -3, score: .pi, date: 9), TopHits.Row(id: .max, score: 0, date: 0)]
        let head = RankedHead(rows: rows, frequency: 9)
        let bytes = head.encoded
        let dates = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.date) })
        #expect(bytes.withUnsafeBytes { RankedHead(encoded: $0, frequency: 9) { dates[$0] ?? 0 } } == head)
        #expect(bytes.count < rows.count * 12 + 9, "a varint id and a score a row")
        #expect(bytes.dropLast().withUnsafeBytes { RankedHead(encoded: UnsafeRawBufferPointer($0), frequency: 9) { _ in 0 } } == nil)
    }
}

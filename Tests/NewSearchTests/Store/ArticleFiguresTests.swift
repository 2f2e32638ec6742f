import Foundation
import Testing
@testable import NewSearch

/// The figures ranking reads for every match (lengths, dates) and the totals behind bm25's averages follow every
/// write, and a query reads the blocks of its matches only.
@Suite struct ArticleFiguresTests {
    private static func article(_ number: Int, body: String = "今天天气很好。") -> Article {
        Article(title: "标题\(number)", date: Date(timeIntervalSince1970: TimeInterval(1_600_000_000 + number * 86_400)),
                body: body)
    }

    /// Every article's figures and the totals, as the statistics table holds them.
    private static func expectFiguresMatchStatistics(_ index: SearchIndex) throws {
        try index.pool.read { session in
            let figures = try session.store.figures()
            let statement = try session.store.database.prepare(
                "SELECT \(StatisticsRecord.columns) FROM \(IndexSchema.statistics)")
            var count = 0, titles = 0, bodies = 0
            while try statement.step() {
                let record = StatisticsRecord.read(statement) { record, _, _ in record }
                let entry = figures.entry(record.id)
                #expect(Int(entry.titleLength) == record.titleLength)
                #expect(Int(entry.bodyLength) == record.bodyLength)
                #expect(entry.date == record.date ?? .min)
                count += 1
                titles += record.titleLength
                bodies += record.bodyLength
            }
            #expect(figures.count == count)
            #expect(figures.averageLengths == (count == 0 ? [1, 1] : [Double(titles) / Double(count), Double(bodies) / Double(count)]))
        }
    }

    @Test func figuresAndTotalsFollowAddsReplacementsAndRemovals() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: (0 ..< 600).map { ("a\($0)", Self.article($0)) })
        try Self.expectFiguresMatchStatistics(index)
        try index.add(Self.article(7, body: "一篇长得多的文章，讲的是欠薪和社会保险。"), path: "a7")
        #expect(try index.remove(path: "a300"))
        try index.add(Article(title: "无日期", body: "没有日期的文章"), path: "b")
        try Self.expectFiguresMatchStatistics(index)
        #expect(try index.search("欠薪").hits.map(\.path) == ["a7"])
        #expect(try index.search("没有日期").hits.first?.date == nil)
    }

    /// An app that deletes a document row itself (the schema's triggers) leaves the totals and figures right.
    @Test func aDeleteThroughSQLKeepsTheTotals() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: (0 ..< 10).map { ("a\($0)", Self.article($0)) })
        try index.pool.write { session in
            try session.store.database.execute("DELETE FROM \(IndexSchema.documents) WHERE path = 'a3'")
        }
        try Self.expectFiguresMatchStatistics(index)
        #expect(try index.count() == 9)
    }

    /// Opening the figures reads no block; a query reads the blocks of its matches.
    @Test func aQueryReadsTheBlocksOfItsMatchesOnly() throws {
        let index = try SearchIndex(path: ":memory:")
        var articles = (0 ..< 4 * ArticleFigures.blockSize).map { ("a\($0)", Self.article($0)) }
        articles[5].1 = Self.article(5, body: "欠薪的工人")
        try index.add(contentsOf: articles)
        try index.pool.read { session in
            let figures = try session.store.figures()
            #expect(figures.loadedBytes == 0)
            _ = try session.searcher.search("欠薪", options: SearchOptions())
            #expect(figures.loadedBytes == ArticleFigures.blockBytes)
        }
    }
}

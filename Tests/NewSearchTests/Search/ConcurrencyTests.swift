import Foundation
import Synchronization
import Testing
@testable import NewSearch

/// One `SearchIndex` shared by many tasks (issue 9, item 2). The package builds in Swift 6 language mode, so
/// these tests compile only because `SearchIndex` is `Sendable`.
@Suite struct ConcurrencyTests {
    private static func article(_ number: Int) -> Article {
        Article(title: "并发写入的第\(number)篇稿件", date: Date(timeIntervalSince1970: 1_600_000_000 + Double(number)),
                body: "这篇稿件讲外卖骑手的社会保险，编号\(number)。")
    }

    @Test func eightSearchingTasksAndOneWritingTaskShareOneIndex() async throws {
        let folder = try TemporaryFolder()
        let index = try SearchIndex(path: folder.path + "/shared.db")
        try await index.index([Fixtures.directory.path])
        let baseline = try await index.search("欠薪").total
        #expect(baseline > 0)
        let added = 60
        let answers = try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask {
                for number in 0 ..< added { try await index.add(Self.article(number), path: "app://\(number)") }
                return []
            }
            for reader in 0 ..< 8 {
                group.addTask {
                    var seen: [Int] = []
                    for round in 0 ..< 40 {
                        // Each search answers: the fixtures' hits stay, the new articles come in as they commit.
                        let old = try await index.search(round % 2 == 0 ? "欠薪" : "欠薪", limit: 3)
                        #expect(old.total == baseline, "reader \(reader)")
                        seen.append(try await index.search("并发写入", limit: 1).total)
                    }
                    return seen
                }
            }
            var all: [[Int]] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        for seen in answers where !seen.isEmpty {
            #expect(seen == seen.sorted(), "a reader saw the count go down: \(seen)")
            #expect(seen.allSatisfy { (0 ... added).contains($0) })
        }
        #expect(try await index.search("并发写入", limit: nil).total == added)
        for number in 0 ..< added {
            #expect(try await index.article(path: "app://\(number)")?.article.title == Self.article(number).title)
            #expect(try await index.search("编号\(number)。").hits.contains { $0.path == "app://\(number)" })
        }
    }

    @Test func readersOfOneFileFromManyThreadsAgreeWithAWriterInAnother() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/index.db"
        let writer = try SearchIndex(path: path)
        try writer.index([Fixtures.directory.path])
        let reader = try SearchIndex(path: path, readOnly: true)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { iteration in
            do {
                if iteration == 0 {
                    for number in 0 ..< 20 { try writer.add(Self.article(number), path: "app://\(number)") }
                } else {
                    for _ in 0 ..< 20 { _ = try reader.search("欠薪 OR 并发写入") }
                }
            } catch {
                failures.withLock { $0.append("\(iteration): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try reader.search("并发写入").total == 20)
    }

    // MARK: - Cancellation

    @Test func aCancelledTaskStopsItsSearch() async throws {
        let index = try SearchIndex(path: ":memory:")
        try await index.add(Self.article(1), path: "app://1")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await index.search("并发写入")
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try await index.search("并发写入").total == 1)
    }

    @Test func aRaisedFlagInterruptsARunningStatement() throws {
        let database = try Database(path: ":memory:")
        let flag = CancellationFlag()
        // A query with no end: only the progress check can stop it.
        #expect(throws: CancellationError.self) {
            try database.interruptible(by: flag) {
                flag.raise()
                _ = try database.integer("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c")
            }
        }
        // The connection works again afterwards.
        #expect(try database.integer("SELECT 42") == 42)
    }

    @Test func aCancelledIndexRunKeepsWhatItCommitted() throws {
        let index = try SearchIndex(path: ":memory:")
        let flag = CancellationFlag()
        let articles = (0 ..< Indexer.chunkSize * 3).map { (path: "app://\($0)", article: Self.article($0)) }
        #expect(throws: CancellationError.self) {
            try index.add(contentsOf: articles, cancellation: flag) { _ in flag.raise() }
        }
        #expect(try index.count() == Indexer.chunkSize)
        #expect(try index.search("并发写入", limit: nil).total == Indexer.chunkSize)
    }
}

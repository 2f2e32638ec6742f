import Foundation
import Testing
@testable import NewSearch

/// An index updated run after run stays as good as a fresh one: FTS5's segments stay few, every change is found,
/// and what was deleted does not pile up.
@Suite struct UpdateMergingTests {
    private static func post(_ number: Int, _ extra: String = "") -> String {
        "---\ntitle: 第\(number)号通知\ndate: Wed, 16 Feb 2022 06:26:14 GMT\n---\n<p>社会保险与欠薪问题的第\(number)份报告。</p>\(extra)"
    }

    private static func segments(_ index: SearchIndex) throws -> Int {
        try index.pool.write { try $0.store.segmentCount() }
    }

    /// 1,000 files make every run over the folder look like a bulk load to the old code, which then merged nothing
    /// and wrote a segment per updated article: 60 updates a run reached hundreds of segments, never merged.
    @Test func manyUpdateRunsKeepTheSegmentsFewAndTheHitsRight() throws {
        let folder = try TemporaryFolder()
        for number in 0 ..< 1000 { try folder.write("news/\(number).md", Self.post(number)) }
        let path = folder.path + "/index.db"
        let index = try SearchIndex(path: path)
        #expect(try index.index([folder.path + "/news"]).added == 1000)
        #expect(try Self.segments(index) == 1)
        var generator = SeededGenerator(seed: 22)
        var present = Array(0 ..< 1000), next = 1000
        for run in 1 ... 6 {
            present.shuffle(using: &generator)
            for number in present.prefix(60) { try folder.write("news/\(number).md", Self.post(number, "<p>补充报道\(run)</p>")) }
            for number in present.suffix(5) { try FileManager.default.removeItem(atPath: folder.path + "/news/\(number).md") }
            present.removeLast(5)
            for number in next ..< next + 5 { try folder.write("news/\(number).md", Self.post(number)) }
            present += next ..< next + 5
            next += 5
            let report = try index.index([folder.path + "/news"])
            #expect(report.updated == 60 && report.removed == 5 && report.added == 5 && report.failed.isEmpty)
            let segments = try Self.segments(index)
            #expect(segments <= 8, "run \(run): \(segments) segments")
            #expect(try index.search("补充报道\(run)", limit: nil).total == 60)
        }
        let fresh = try SearchIndex(path: folder.path + "/fresh.db")
        try fresh.index([folder.path + "/news"])
        #expect(try index.count() == 1000 && fresh.count() == 1000)
        for query in ["社会保险", "补充报道", "第5号", "报告", "欠薪 -补充报道"] {
            #expect(try index.search(query).total == fresh.search(query).total, "\(query)")
        }
    }

    @Test func anUpdatedArticleKeepsItsRowID() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("a.md", Self.post(1))
        try folder.write("b.md", Self.post(2))
        let index = try SearchIndex(path: ":memory:")
        try index.index([folder.path])
        let before = try index.pool.write { try $0.store.documentID(path: file) }
        try folder.write("a.md", Self.post(1, "<p>更正</p>"))
        #expect(try index.index([folder.path]).updated == 1)
        #expect(try index.pool.write { try $0.store.documentID(path: file) } == before)
        #expect(try index.search("更正").hits.map(\.path) == [file])
    }

    @Test func theStructureRecordGivesTheSegmentCount() {
        // Cookie, then 2 levels, 3 segments, write counter 300 (a two-byte varint).
        #expect(FTS5Structure(record: [0, 0, 0, 1, 2, 3, 0x82, 0x2C, 0, 0]) == FTS5Structure(levels: 2, segments: 3))
        #expect(FTS5Structure(record: [0, 0, 0, 1]) == nil)
        #expect(FTS5Structure(record: [0, 0, 0, 1, 0x81]) == nil)
    }

    @Test func aFullMergeComesAfterABulkLoadATenthDeletedOrTooManySegments() {
        typealias State = MergePolicy.State
        #expect(MergePolicy.shouldOptimize(State(bulk: true, written: 5000, deletedSinceMerge: 0, documents: 5000, segments: 9)))
        #expect(!MergePolicy.shouldOptimize(State(bulk: false, written: 50, deletedSinceMerge: 50, documents: 5000, segments: 3)))
        #expect(MergePolicy.shouldOptimize(State(bulk: false, written: 50, deletedSinceMerge: 500, documents: 5000, segments: 3)))
        #expect(MergePolicy.shouldOptimize(State(bulk: false, written: 1, deletedSinceMerge: 0, documents: 5000, segments: 65)))
        #expect(!MergePolicy.shouldOptimize(State(bulk: false, written: 1, deletedSinceMerge: 4000, documents: 5000, segments: 1)))
    }

    @Test func aFullFTS5IndexIsNotCalledAFullDisk() {
        let error = StoreError.tooManySegments(path: "/tmp/x.db", segments: 2000)
        #expect(!"\(error)".contains("disk is full") && "\(error)".contains("rebuild: true") && "\(error)".contains("2000"))
    }
}

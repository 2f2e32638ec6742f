import CSQLite
import Foundation
import Testing
@testable import NewSearch

/// An index of a newer newsearch is refused, unchanged; a damaged one is reported as damage, never repaired by
/// recreating what is missing; a rebuild waits for a run in progress before it empties anything.
@Suite struct IndexVersionTests {
    private let folder: TemporaryFolder
    private let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.path + "/index.db"
        try folder.write("news/a.md", "---\ntitle: 快递员欠薪\ndate: Wed, 16 Feb 2022 06:26:14 GMT\n---\n<p>外卖骑手的社保与欠薪问题。</p>")
        try SearchIndex(path: path).index([folder.path + "/news"])
    }

    /// Runs `sql` on the index through a connection of the test's own, as another program would.
    private func execute(_ sql: String) throws {
        let app = try AppConnection(path)
        try app.rows(sql)
    }

    private func snapshot() -> Data? {
        FileManager.default.contents(atPath: path)
    }

    @Test(arguments: [("schema_version", "99", "schema 99"), ("analyzer_version", "99", "analyzer 99")])
    func aNewerIndexIsRefusedAndLeftUnchanged(key: String, value: String, named: String) throws {
        try execute("UPDATE newsearch_meta SET value = '\(value)' WHERE key = '\(key)'")
        let before = snapshot()
        for open in [{ try SearchIndex(path: path) }, { try SearchIndex(path: path, readOnly: true) },
                     { try SearchIndex(path: path, rebuild: true) }] {
            #expect {
                _ = try open()
            } throws: { error in
                guard case StoreError.newerIndex(_, let found, _) = error else { return false }
                return found == named && "\(error)".contains("newer newsearch") && "\(error)".contains(path)
            }
        }
        #expect(snapshot() == before, "refusing the newer index changed it")
        let app = try AppConnection(path)
        #expect(throws: StoreError.self) { try withExtendedLifetime(app) { try SQLiteExtension.register(on: app.handle) } }
    }

    @Test func aMissingStatisticsTableIsDamageThatOnlyARebuildRepairs() throws {
        try execute("DROP TABLE newsearch_statistics")
        let before = snapshot()
        let damaged = StoreError.damagedIndex(path: path, reason: "its table newsearch_statistics is missing")
        #expect(throws: damaged) { try SearchIndex(path: path, readOnly: true) }
        #expect(throws: damaged) { try SearchIndex(path: path) }
        #expect("\(damaged)".contains("rebuild: true"))
        #expect(snapshot() == before, "reporting the damage changed the index")
        let rebuilt = try SearchIndex(path: path, rebuild: true)
        #expect(try rebuilt.index([folder.path + "/news"]).added == 1)
        #expect(try rebuilt.search("欠薪").hits.first?.date != nil)
    }

    @Test func aRebuildWaitsForTheRunInProgressBeforeEmptyingTheIndex() throws {
        // Another run holds the index's run lock.
        var held = RunLock(path: path) {}
        try #require(held != nil)
        let waiting = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let path = self.path, news = folder.path + "/news"
        nonisolated(unsafe) var outcome: Result<Int, Error>?
        let rebuild = Thread {
            outcome = Result { try SearchIndex(path: path, rebuild: true) { waiting.signal() }.index([news]).added }
            done.signal()
        }
        rebuild.start()
        let waited = withExtendedLifetime(held) { waiting.wait(timeout: .now() + 60) }
        #expect(waited == .success, "the rebuild did not wait for the run lock")
        // While the other run holds the lock, the rebuild has emptied nothing.
        let count = try withExtendedLifetime(held) { try SearchIndex(path: path, readOnly: true).count() }
        #expect(count == 1)
        held = nil
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(try outcome?.get() == 1)
    }
}

import Foundation
import Testing
@testable import NewSearch

@Suite struct IndexInfoTests {
    @Test func infoTellsWhatTheIndexHolds() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/info.db"
        let index = try SearchIndex(path: path)
        #expect(try index.info().articles == 0)
        #expect(try index.info().lastUpdated == nil)
        #expect(try index.info().firstDate == nil)
        try index.add(contentsOf: [
            ("a", Article(title: "一", date: ArticleDate.parse("2021-03-04"), body: "欠薪")),
            ("b", Article(title: "二", date: ArticleDate.parse("2023-05-06"), body: "社保")),
            ("c", Article(title: "三", body: "无日期")),
        ])
        let info = try SearchIndex(path: path, readOnly: true).info()
        #expect(info.articles == 3)
        #expect(info.firstDate == ArticleDate.parse("2021-03-04"))
        #expect(info.lastDate == ArticleDate.parse("2023-05-06"))
        #expect(info.bytesOnDisk > 0)
        #expect(info.stamp == index.stamp)
        let updated = try #require(info.lastUpdated)
        #expect(abs(updated.timeIntervalSinceNow) < 3600)
    }
}

@Suite struct ConnectionLifetimeTests {
    /// A closed index closes its connection: SQLite checkpoints and removes the write-ahead log when the last
    /// connection closes, which a connection kept alive by its cached statements would never do.
    @Test func closingAnIndexClosesItsConnection() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/closed.db"
        do {
            let index = try SearchIndex(path: path)
            try index.add(Article(title: "标题", body: "欠薪"), path: "a")
            #expect(try index.search("欠薪").total == 1)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
}

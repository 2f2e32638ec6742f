import Foundation
import Testing
@testable import NewSearch

@Suite struct IndexerTests {
    private static func post(_ title: String, _ body: String) -> String {
        "\n---\ntitle: '\(title)'\ndate: Wed, 16 Feb 2022 06:26:14 GMT\n---\n<div><p>\(body)</p></div>"
    }

    @Test func indexesRecursivelyAndReportsEveryOtherFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("news/a.md", Self.post("甲", "欠薪问题"))
        try folder.write("news/deep/b.markdown", Self.post("乙", "社会保险"))
        try folder.write("news/notes.txt", "not an article")
        try folder.write("news/binary.md", Data([0x2D, 0x00, 0xFF]))
        try folder.write("news/latin1.md", Data([0x61, 0xE9, 0x0A]))
        try folder.write("news/broken.md", "---\ntitle: 'open\n---\nbody")
        try folder.write("news/.hidden/c.md", Self.post("丙", "隐藏"))
        let index = try SearchIndex(path: ":memory:")
        let report = try index.index([folder.path + "/news/"])
        #expect(report.added == 2)
        #expect(report.skipped.map(\.path).sorted() == ["binary.md", "latin1.md", "notes.txt"].map { folder.path + "/news/" + $0 })
        #expect(report.skipped.allSatisfy { !$0.reason.isEmpty })
        #expect(report.failed.map(\.path) == [folder.path + "/news/broken.md"])
        #expect(report.failed.first?.reason.contains("line") == true)
        #expect(try index.search("欠薪").hits.map(\.path) == [folder.path + "/news/a.md"])
        #expect(try index.search("隐藏").total == 0)
    }

    @Test func anArticleWithADateThatIsNoDateIsIndexedWithANote() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("news/a.md", "---\ntitle: 快递员欠薪\ndate: Wed, 31 Feb 2022 06:26:14 GMT\n---\n<p>欠薪问题</p>")
        try folder.write("news/b.md", Self.post("乙", "社会保险"))
        let index = try SearchIndex(path: ":memory:")
        let report = try index.index([folder.path + "/news"])
        #expect(report.added == 2 && report.failed.isEmpty && report.skipped.isEmpty)
        #expect(report.notes.map(\.path) == [file])
        #expect(report.notes.first?.reason.contains("indexed without a date") == true)
        let hit = try #require(try index.search("欠薪").hits.first)
        #expect(hit.path == file && hit.date == nil)
    }

    @Test func runningAgainAddsUpdatesRemovesAndNeverDuplicates() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", Self.post("甲", "欠薪问题"))
        try folder.write("b.md", Self.post("乙", "社会保险"))
        try folder.write("c.md", Self.post("丙", "快递员"))
        let index = try SearchIndex(path: ":memory:")
        #expect(try index.index([folder.path]).added == 3)

        let again = try index.index([folder.path])
        #expect(again.unchanged == 3 && again.indexed == 0 && again.removed == 0)

        try folder.write("b.md", Self.post("乙", "医疗保险"))
        try FileManager.default.removeItem(atPath: folder.path + "/c.md")
        try folder.write("d.md", Self.post("丁", "网约车"))
        let changed = try index.index([folder.path])
        #expect(changed.added == 1 && changed.updated == 1 && changed.unchanged == 1 && changed.removed == 1)
        #expect(try index.count() == 3)
        #expect(try index.search("社会保险").total == 0)
        #expect(try index.search("医疗保险").total == 1)
        #expect(try index.search("快递员").total == 0)
        #expect(try index.search("网约车").total == 1)
    }

    @Test func aFileThatStopsBeingAnArticleLeavesTheIndex() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", Self.post("甲", "欠薪问题"))
        let index = try SearchIndex(path: ":memory:")
        try index.index([folder.path])
        try folder.write("a.md", Data([0x00, 0x01]))
        let report = try index.index([folder.path])
        #expect(report.removed == 1 && report.skipped.count == 1)
        #expect(try index.search("欠薪").total == 0)
    }

    @Test func otherRootsAreLeftAlone() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        try first.write("a.md", Self.post("甲", "欠薪"))
        try second.write("b.md", Self.post("乙", "社保"))
        let index = try SearchIndex(path: ":memory:")
        try index.index([first.path])
        let report = try index.index([second.path])
        #expect(report.removed == 0 && report.added == 1)
        #expect(try index.count() == 2)
    }

    @Test func aMissingFolderIsAnErrorBeforeAnyChange() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", Self.post("甲", "欠薪"))
        let index = try SearchIndex(path: ":memory:")
        #expect(throws: DocumentError.notFound(folder.path + "/nope")) {
            try index.index([folder.path, folder.path + "/nope"])
        }
        #expect(try index.count() == 0)
    }

    @Test func theIndexSurvivesOnDiskAndReopens() throws {
        let folder = try TemporaryFolder()
        try folder.write("news/a.md", Self.post("甲", "欠薪问题"))
        let path = folder.path + "/index.db"
        try SearchIndex(path: path).index([folder.path + "/news"])
        let reopened = try SearchIndex(path: path, readOnly: true)
        #expect(try reopened.search("欠薪").hits.first?.title.text == "甲")
    }

    @Test func theSeedFixturesIndexAndAnswer() throws {
        let index = try SearchIndex(path: ":memory:")
        let report = try index.index([Fixtures.directory.path])
        #expect(report.added == 12 && report.failed.isEmpty && report.skipped.isEmpty)
        let hits = try index.search("欠薪").hits
        #expect(hits.first?.path.hasSuffix("/000_seed.md") == true)
        #expect(try index.search("快递员 社会保险").hits.contains { $0.path.hasSuffix("/000_seed.md") })
    }
}

@Suite struct FileScannerTests {
    @Test func oneFolderIsOneSetOfPathsHoweverItIsTyped() throws {
        let folder = try TemporaryFolder()
        try folder.write("news/a.md", "x")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: folder.path + "/news")
        let canonical = URL(fileURLWithPath: folder.path + "/news").resolvingSymlinksInPath().path
        // Relative forms climb from the current folder to `/` (tests run in parallel: none may change folder).
        let up = String(repeating: "../", count: FileManager.default.currentDirectoryPath.split(separator: "/").count)
        let relative = up + folder.path.dropFirst()
        for typed in [relative + "/news", "./" + relative + "/news/", relative + "//news//", folder.path + "/news",
                      relative + "/news/../news", relative + "/link", folder.path + "/link/"] {
            #expect(FileScanner.canonical(typed) == canonical, "\(typed)")
        }
        #expect(FileScanner.canonical("/") == "/")
        #expect(FileScanner.path(canonical + "/a.md", isUnder: canonical))
        #expect(!FileScanner.path(canonical + "2/a.md", isUnder: canonical))
        #expect(FileScanner.path("/a/b.md", isUnder: "/"))
    }

    @Test func linksOutOfTheFolderAndLinksToFoldersAreNotFollowed() throws {
        let folder = try TemporaryFolder()
        try folder.write("news/a.md", "x")
        try folder.write("elsewhere/b.md", "y")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/news/b.md",
                                                   withDestinationPath: folder.path + "/elsewhere/b.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/news/loop", withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/news/dangling.md", withDestinationPath: "/nonexistent")
        let files = try FileScanner.files(under: folder.path + "/news")
        #expect(files == [folder.path + "/news/a.md"])
    }
}

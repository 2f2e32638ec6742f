import Foundation
import Testing
@testable import NewSearch

/// Links that lead outside the folders being indexed (issue 22, defect 6): skipped and listed with their target
/// unless followed on request; links inside are followed as before; loops end.
@Suite struct LinkFollowingTests {
    /// `news/` (one article, `inside.md` → `a.md`, `passwd.md` → `/etc/passwd`, `secret.md` → `outside/secret.md`,
    /// `out` → `outside/`) beside `outside/` (an article, `deep/d.md`, and `deep/up` → `outside/`, a loop).
    private static func project() throws -> (folder: TemporaryFolder, news: String, outside: String) {
        let folder = try TemporaryFolder()
        let root = FileScanner.canonical(folder.path)
        let news = root + "/news", outside = root + "/outside"
        try folder.write("news/a.md", "---\ntitle: 内部\n---\n<p>欠薪问题</p>")
        try folder.write("outside/secret.md", "---\ntitle: 外部\n---\n<p>外部秘密</p>")
        try folder.write("outside/deep/d.md", "---\ntitle: 深处\n---\n<p>深处秘密</p>")
        let links = [("news/inside.md", "a.md"), ("news/passwd.md", "/etc/passwd"),
                     ("news/secret.md", "../outside/secret.md"), ("news/out", "../outside"), ("outside/deep/up", "..")]
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: root + "/" + link, withDestinationPath: target)
        }
        return (folder, news, outside)
    }

    @Test func linksOutsideAreSkippedWithTheirTarget() throws {
        let (folder, news, outside) = try Self.project()
        let scan = try #require(FileScanner.scan([news]).first)
        #expect(scan.files == [news + "/a.md", news + "/inside.md"])
        let reasons = Dictionary(uniqueKeysWithValues: scan.skipped.map { ($0.path, $0.reason) })
        #expect(reasons[news + "/passwd.md"] == "a link to a file outside the indexed folders: /etc/passwd; "
                                                + "not followed without --follow", "\(reasons)")
        #expect(reasons[news + "/secret.md"]?.hasPrefix("a link to a file outside the indexed folders: "
                                                        + outside + "/secret.md") == true, "\(reasons)")
        #expect(reasons[news + "/out"]?.hasPrefix("a link to a folder outside the indexed folders: " + outside)
                == true, "\(reasons)")
        withExtendedLifetime(folder) {}
    }

    @Test func followingReadsFilesAndWalksFoldersUnderTheLinkAndEndsLoops() throws {
        let (folder, news, _) = try Self.project()
        let scan = try #require(FileScanner.scan([news], followLinks: true).first)
        #expect(scan.files == ["/a.md", "/inside.md", "/out/deep/d.md", "/out/secret.md", "/passwd.md", "/secret.md"]
            .map { news + $0 })
        #expect(scan.skipped.isEmpty, "\(scan.skipped)")
        withExtendedLifetime(folder) {}
    }

    @Test func aLinkIntoAnotherRootIsInside() throws {
        let (folder, news, outside) = try Self.project()
        let scans = try FileScanner.scan([news, outside])
        #expect(scans[0].files == [news + "/a.md", news + "/inside.md", news + "/secret.md"])
        #expect(scans[0].skipped.map(\.path) == [news + "/passwd.md"])
        // `news/out` leads into the other root: left alone, its files indexed once, from there.
        #expect(scans[1].files == [outside + "/deep/d.md", outside + "/secret.md"])
        withExtendedLifetime(folder) {}
    }

    @Test func followingAFolderLeavesOutWhatLiesInsideTheRoots() throws {
        let (folder, news, _) = try Self.project()
        // `news/all` → the folder holding `news/` itself: walked, but not `news/` a second time through it.
        try FileManager.default.createSymbolicLink(atPath: news + "/all", withDestinationPath: "..")
        let files = try #require(FileScanner.scan([news], followLinks: true).first).files
        #expect(!files.contains { $0.hasPrefix(news + "/all/news/") }, "\(files)")
        #expect(files.filter { $0.hasSuffix("/d.md") }.count == 1, "\(files)")
        withExtendedLifetime(folder) {}
    }

    @Test func anIndexRunLeavesOutsideTextOutUnlessAsked() throws {
        let (folder, news, _) = try Self.project()
        let index = try SearchIndex(path: folder.path + "/index.db")
        let report = try index.index([news])
        #expect(report.added == 2)
        #expect(report.skipped.map(\.path).sorted() == [news + "/out", news + "/passwd.md", news + "/secret.md"])
        #expect(try index.search("秘密").total == 0)
        #expect(try index.search("root").total == 0)

        let followed = try index.index([news], followLinks: true)
        #expect(followed.skipped.isEmpty && followed.failed.isEmpty, "\(followed)")
        #expect(try index.search("秘密").hits.map(\.path).sorted()
                == [news + "/out/deep/d.md", news + "/out/secret.md", news + "/secret.md"])
        // Without --follow again, what only the links led to is removed.
        #expect(try index.index([news]).removed == 4)
        #expect(try index.search("秘密").total == 0)
    }

    @Test func aRootThatIsALinkIsFollowed() throws {
        let (folder, _, outside) = try Self.project()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/named", withDestinationPath: outside)
        let report = try SearchIndex(path: folder.path + "/index.db").index([folder.path + "/named"])
        #expect(report.added == 2 && report.skipped.isEmpty, "\(report)")
    }

    @Test func aNameThatIsNotUTF8IsListedWithItsBytesEscaped() throws {
        let folder = try TemporaryFolder()
        let news = FileScanner.canonical(folder.path) + "/news"
        try folder.write("news/a.md", "x")
        var name = Array((news + "/bad").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF)] + Array(".md".utf8CString)
        let descriptor = open(&name, O_CREAT | O_WRONLY, 0o644)
        try #require(descriptor >= 0)
        close(descriptor)
        let skipped = try #require(FileScanner.scan([news]).first).skipped
        #expect(skipped.map(\.path) == [news + "/bad\u{FFFD}.md"])
        #expect(skipped.first?.reason == #"the name is not UTF-8: "bad\377.md"; not read"#)
    }
}

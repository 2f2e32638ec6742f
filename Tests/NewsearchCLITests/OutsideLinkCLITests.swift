import Foundation
import Testing

/// `newsearch index` does not read what links lead to outside the folders it indexes unless `--follow` (`-L`) asks
/// (issue 22, defect 6): `passwd.md -> /etc/passwd` must not put /etc/passwd's text in reach of `serve`.
@Suite struct OutsideLinkCLITests {
    /// `news/` (an article, `alias.md` → `a.md`, `passwd.md` → `/etc/passwd`, `secret.md` → `../outside/secret.md`,
    /// `out` → `../outside`) beside `outside/` (two articles, one in `deep/`, and `deep/up` → `..`, a loop).
    private static func project() throws -> CLI {
        let cli = try CLI()
        let folder = cli.directory.path
        let articles = ["news/a.md": ("内部", "欠薪问题"), "outside/secret.md": ("外部", "外部秘密"),
                        "outside/deep/d.md": ("深处", "深处秘密")]
        for (path, (title, body)) in articles {
            let url = cli.directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("---\ntitle: \(title)\n---\n<p>\(body)</p>".utf8).write(to: url)
        }
        let links = [("news/alias.md", "a.md"), ("news/passwd.md", "/etc/passwd"),
                     ("news/secret.md", "../outside/secret.md"), ("news/out", "../outside"), ("outside/deep/up", "..")]
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + link, withDestinationPath: target)
        }
        return cli
    }

    /// Every path the index holds, one a line as `--format paths` prints them.
    private static func paths(_ cli: CLI) throws -> [String] {
        let output = try cli.run("query", "--format", "paths", "--limit", "0", "--", "-龘龘龘")
        return output.stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test func aLinkOutsideIsSkippedAndListedAndItsTextIsNotIndexed() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        let output = try cli.run("index", "news")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("skipped: 3"), "\(output.stdout)")
        #expect(output.stdout.contains(
            "  news/passwd.md: a link to a file outside the indexed folders: /etc/passwd; not followed without --follow"),
                "\(output.stdout)")
        #expect(output.stdout.contains("  news/out: a link to a folder outside the indexed folders: "), "\(output.stdout)")
        #expect(output.stdout.contains("  news/secret.md: a link to a file outside the indexed folders: "), "\(output.stdout)")
        #expect(try cli.run("query", "秘密").status == 1)
        #expect(try cli.run("query", "root").status == 1)
        #expect(try Self.paths(cli) == ["news/a.md", "news/alias.md"])
    }

    @Test func followIndexesWhatTheLinksLeadTo() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        for flag in ["--follow", "-L"] {
            let output = try cli.run("index", flag, "news")
            #expect(output.status == 0, "\(flag): \(output.stderr)")
            #expect(!output.stdout.contains("outside the indexed folders"), "\(flag): \(output.stdout)")
            let hits = try cli.run("query", "秘密", "--format", "paths", "--limit", "0")
            #expect(hits.stdout.split(separator: "\n").sorted() == ["news/out/deep/d.md", "news/out/secret.md",
                                                                    "news/secret.md"], "\(flag): \(hits.stdout)")
        }
        // Without it again, the articles only links led to are removed.
        let again = try cli.run("index", "news")
        #expect(again.stdout.contains("removed: 4"), "\(again.stdout)")
        #expect(try cli.run("query", "秘密").status == 1)
    }

    @Test func linksInsideAndIntoAnotherNamedFolderAreFollowed() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        let output = try cli.run("index", "news", "outside")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("skipped: 1"), "\(output.stdout)")
        #expect(try Self.paths(cli) == ["news/a.md", "news/alias.md", "news/secret.md", "outside/deep/d.md",
                                        "outside/secret.md"])
    }
}

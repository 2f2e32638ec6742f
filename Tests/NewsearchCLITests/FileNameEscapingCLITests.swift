import Foundation
import Testing

/// File names reach people and scripts escaped, as git quotes them (issue 22, defect 7): a newline cannot split a
/// name into two lines, an escape sequence in a name cannot reach the terminal, whatever `--color` says; JSON keeps
/// the name, escaped by JSON.
@Suite struct FileNameEscapingCLITests {
    static let newline = "new\nline.md"
    static let escape = "e\u{1B}[31mvil.md"

    /// `news/` holding articles named with a newline and with an escape sequence, and a text file with an escape
    /// sequence in its name (listed as skipped).
    private static func project() throws -> CLI {
        let cli = try CLI()
        let news = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        for name in [newline, escape, "普通 文件.md"] {
            try Data("---\ntitle: 标题\n---\n<p>坏名字</p>".utf8).write(to: news.appendingPathComponent(name))
        }
        try Data("x".utf8).write(to: news.appendingPathComponent("notes\u{1B}]0;owned\u{07}.txt"))
        return cli
    }

    @Test func pathsFormatPrintsOneEscapedLineAName() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        #expect(try cli.run("index", "news").status == 0)
        let output = try cli.run("query", "坏名字", "--format", "paths")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").sorted()
                == [#""news/e\033[31mvil.md""#, #""news/new\nline.md""#, "news/普通 文件.md"], "\(output.stdout)")
    }

    @Test func textOutputAndTheSummaryEscapeNamesWithColorNever() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        let index = try cli.run("index", "news")
        #expect(index.status == 0, "\(index.stderr)")
        #expect(!index.stdout.contains("\u{1B}") && !index.stdout.contains("\u{07}"), "\(index.stdout)")
        #expect(index.stdout.contains(#"  "news/notes\033]0;owned\a.txt": not a Markdown file"#), "\(index.stdout)")
        let text = try cli.run("query", "坏名字", "--color", "never")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("\u{1B}"), "\(text.stdout)")
        #expect(text.stdout.contains(#" · "news/e\033[31mvil.md""#), "\(text.stdout)")
        #expect(text.stdout.contains(#" · "news/new\nline.md""#), "\(text.stdout)")
        #expect(text.stdout.contains(" · news/普通 文件.md"), "\(text.stdout)")
    }

    @Test func jsonKeepsTheNameAsItIs() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        #expect(try cli.run("index", "news").status == 0)
        let output = try cli.run("query", "坏名字", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let paths = (object["hits"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(Set(paths) == ["news/" + Self.newline, "news/" + Self.escape, "news/普通 文件.md"])
        #expect(!output.stdout.contains("\u{1B}") && !output.stdout.contains("line.md\n"), "\(output.stdout)")
    }

    @Test func aNameThatIsNotUTF8IsListedEscaped() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let news = cli.directory.appendingPathComponent("news").path
        try FileManager.default.createDirectory(atPath: news, withIntermediateDirectories: true)
        var name = Array((news + "/bad").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0x1B] + Array(".md".utf8CString)
        let descriptor = open(&name, O_CREAT | O_WRONLY, 0o644)
        try #require(descriptor >= 0)
        close(descriptor)
        let output = try cli.run("index", "news")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stdout.contains("\u{1B}"), "\(output.stdout)")
        #expect(output.stdout.contains(#"the name is not UTF-8: "bad\377\033.md"; not read"#), "\(output.stdout)")
    }

    @Test func errorsAndWarningsNamingAFileAreOneEscapedLine() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let missing = try cli.run("index", "no\u{1B}[2J\nsuch")
        #expect(missing.status == 2)
        #expect(!missing.stderr.contains("\u{1B}"), "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
        let noIndex = try cli.run("stats", "--index", "x\u{1B}[31m\ny.db")
        #expect(noIndex.status == 2)
        #expect(!noIndex.stderr.contains("\u{1B}"), "\(noIndex.stderr)")
        #expect(noIndex.stderr.split(separator: "\n").count == 1, "\(noIndex.stderr)")
    }
}

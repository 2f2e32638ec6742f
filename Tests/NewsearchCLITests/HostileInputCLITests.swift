import Foundation
import Testing

/// Messages about bad input are sentences, name the file or option, and never carry raw escape sequences or SQL.
@Suite struct HostileInputCLITests {
    @Test func controlCharactersFromAFileAreEscapedInTheSummary() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let news = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try Data("---\ntitle: x\ndate: [\u{1B}[31mred\n---\n".utf8).write(to: news.appendingPathComponent("bad.md"))
        let output = try cli.run("index", "news")
        #expect(output.status == 1)
        #expect(!output.stdout.contains("\u{1B}"), "raw escape in: \(output.stdout)")
        #expect(output.stdout.contains("\\033[31mred"), "\(output.stdout)")
    }

    @Test func controlCharactersFromAnArticleNeverReachTheTerminalInHits() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let news = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        let post = "---\ntitle: \"欠薪\\e[31m红字\"\ncategories: [\"财经\\e]0;title\\a\"]\n---\n<p>欠薪\u{1B}[2J问题</p>"
        try Data(post.utf8).write(to: news.appendingPathComponent("a.md"))
        #expect(try cli.run("index", "news").status == 0)
        for color in ["never", "always"] {
            let output = try cli.run("query", "欠薪", "--color", color, "--facets", "category")
            #expect(output.status == 0)
            let foreign = output.stdout.replacingOccurrences(of: "\u{1B}[1;31m", with: "")
                .replacingOccurrences(of: "\u{1B}[0m", with: "").replacingOccurrences(of: "\u{1B}[2m", with: "")
            #expect(!foreign.contains("\u{1B}") && !foreign.contains("\u{07}"), "raw control character in: \(output.stdout)")
            #expect(output.stdout.contains("\\033[31m红字"), "\(output.stdout)")
        }
        #expect(try cli.run("query", "欠薪", "--color", "never").stdout.contains("[欠薪]"))
    }

    @Test func aDateThatIsNoDateIsListedAsANoteAndTheRunSucceeds() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let news = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try Data("---\ntitle: 快递员欠薪\ndate: 2022-02-30\n---\n<p>欠薪</p>".utf8).write(to: news.appendingPathComponent("a.md"))
        let output = try cli.run("index", "news")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("with a note: 1"), "\(output.stdout)")
        #expect(output.stdout.contains("Indexed with a note:\n  news/a.md: its date \"2022-02-30\""), "\(output.stdout)")
        #expect(try cli.run("query", "欠薪").status == 0)
    }

    @Test func reversedDatesAreASentenceAboutTheOrder() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run("index", CLI.corpus).status == 0)
        let output = try cli.run("query", "欠薪", "--since", "2023", "--until", "2021")
        #expect(output.status != 0)
        #expect(output.stderr.contains("--since 2023 is after --until 2021"), "\(output.stderr)")
    }

    @Test func aFolderAsTheIndexIsASentence() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let output = try cli.run("query", "--index", cli.directory.path, "欠薪")
        #expect(output.status == 2)
        #expect(output.stderr.contains("it is a folder"), "\(output.stderr)")
        #expect(!output.stderr.contains("SQLite"), "\(output.stderr)")
    }
}

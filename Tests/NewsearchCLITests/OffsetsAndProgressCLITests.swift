import Foundation
import Testing

/// JSON highlight offsets count Unicode code points, as Python slices a `str`: an article titled with a family
/// emoji (one grapheme cluster of five code points) before the match.
@Suite final class CodePointOffsetTests {
    private let cli: CLI

    init() throws {
        cli = try CLI()
        let folder = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = "---\ntitle: '👨‍👩‍👧 家庭欠薪'\ndate: 2022-03-01\n---\n<p>👨‍👩‍👧 一家三口遭遇欠薪，讨薪无门。</p>\n"
        try Data(article.utf8).write(to: folder.appendingPathComponent("family.md"))
        let indexed = try cli.run("index", "news")
        #expect(indexed.status == 0, "\(indexed.stdout)\(indexed.stderr)")
    }

    deinit {
        cli.remove()
    }

    @Test func highlightOffsetsSliceTheMatchInPython() throws {
        let output = try cli.run("query", "欠薪", "--json")
        #expect(output.status == 0, "\(output.stderr)")
        let check = """
            import json, sys
            hit = json.load(sys.stdin)["hits"][0]
            title = [hit["title"][s:e] for s, e in hit["highlights"]["title"]]
            snippet = [hit["snippet"][s:e] for s, e in hit["highlights"]["snippet"]]
            assert title == ["欠薪"], title
            assert snippet and all(part == "欠薪" for part in snippet), snippet
            print("ok", hit["highlights"]["title"])
            """
        let python = try cli.python(check, input: output.stdout)
        #expect(python.status == 0, "\(python.stderr)\nJSON: \(output.stdout)")
        #expect(python.stdout.contains("ok [[8, 10]]"), "\(python.stdout)")
    }
}

/// `newsearch index` shows its progress with a rate on a terminal, and none with `--quiet`.
@Suite final class IndexProgressCLITests {
    private let cli: CLI

    init() throws {
        cli = try CLI()
    }

    deinit {
        cli.remove()
    }

    @Test func onATerminalProgressShowsFilesARateAndTimeLeft() throws {
        let output = try cli.runOnTerminal(["index", CLI.corpus])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        let line = try #require(output.stdout.firstMatch(of: /Indexing: (\d+)\/291 files, (\d+) articles\/s, [^\r\n\u{1B}]* left/),
                                "no progress line in \(output.stdout.debugDescription)")
        #expect(Int(line.1) ?? 0 > 0)
        #expect(output.stdout.contains("\r"), "the progress line is redrawn in place")
        #expect(output.stdout.contains("Indexed 291 articles"), "the summary follows")
    }

    @Test func quietShowsNoProgressButTheSummary() throws {
        let output = try cli.runOnTerminal(["index", "--quiet", CLI.corpus])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(!output.stdout.contains("Indexing:"), "\(output.stdout.debugDescription)")
        #expect(output.stdout.contains("Indexed 291 articles"))
    }

    @Test func withoutATerminalAShortRunPrintsOnlyTheSummary() throws {
        let output = try cli.run("index", CLI.corpus)
        #expect(output.status == 0)
        #expect(!output.stderr.contains("\r") && !output.stderr.contains("\u{1B}["), "\(output.stderr.debugDescription)")
        #expect(output.stdout.contains("Indexed 291 articles"))
    }
}

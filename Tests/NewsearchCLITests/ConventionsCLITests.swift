import Foundation
import Testing

/// The conventions of issue 11, on an index of the project's `corpus/`: exit statuses, `--version`, help text,
/// colour, unquoted words, completion scripts, empty queries and `stats`.
@Suite(.serialized) final class ConventionsCLITests {
    private let cli: CLI

    init() throws {
        cli = try CLI.withIndexedCorpus()
    }

    deinit {
        cli.remove()
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    // MARK: Exit statuses

    @Test func queryExitsZeroWithHitsOneWithoutTwoOnAnError() throws {
        #expect(try cli.run("query", "欠薪").status == 0)
        #expect(try cli.run("query", "欠薪", "--format", "paths").status == 0)
        let none = try cli.run("query", "量子引力弦论")
        #expect(none.status == 1)
        #expect(none.stdout.contains("No articles match"))
        let noneJSON = try cli.run("query", "量子引力弦论", "--json")
        #expect(noneJSON.status == 1)
        #expect(try json(noneJSON.stdout)["total"] as? Int == 0, "the JSON is still printed")
        #expect(try cli.run("query", "量子引力弦论", "--format", "paths").stdout.isEmpty)
        let missing = try cli.run("query", "欠薪", "--index", "nowhere.db")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no index at nowhere.db"))
    }

    @Test func anOptionTheParserRejectsKeepsItsUsageStatus() throws {
        let output = try cli.run("query", "欠薪", "--no-such-option")
        #expect(output.status == 64, "\(output.stderr)")
        #expect(output.stderr.contains("--no-such-option"))
    }

    @Test func stdinExitsZeroWhenItsInputEnds() throws {
        let output = try cli.run("query", "--stdin", input: "量子引力弦论\n欠薪\n")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").count == 2)
    }

    @Test func indexExitsOneWhenAFileFailsAndTwoWhenItCannotRun() throws {
        let folder = cli.directory.appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.corpus + "/000_seed.md",
                                         toPath: folder.appendingPathComponent("000_seed.md").path)
        try Data("---\ntitle: [unclosed\n---\n<p>正文</p>\n".utf8).write(to: folder.appendingPathComponent("broken.md"))
        try Data("not an article".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let output = try cli.run("index", "--index", "mixed.db", "mixed")
        #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("failed: 1"))
        #expect(output.stdout.contains("mixed/broken.md: front matter, line"))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("broken.md"))
        let fixed = try cli.run("index", "--index", "mixed.db", "mixed")
        #expect(fixed.status == 0, "skipped files (notes.txt) do not fail a run: \(fixed.stdout)")

        let missing = try cli.run("index", "--index", "mixed.db", "no-such-folder")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or folder: no-such-folder"))
    }

    // MARK: Version and help

    @Test func versionNamesNewsearchICUAndTheAnalyzer() throws {
        let output = try cli.run("--version")
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("newsearch 0.3.0"), "\(output.stdout)")
        #expect(output.stdout.contains("ICU ") && output.stdout.contains("analyzer "), "\(output.stdout)")
    }

    @Test(arguments: [[], ["index"], ["query"], ["analyze"], ["stats"]])
    func helpHasNoBackslashLineEndsAndHasExamples(command: [String]) throws {
        let output = try cli.run(command + ["--help"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasSuffix("\\") }, "\(output.stdout)")
        let example = "  newsearch " + (command.first.map { $0 + " " } ?? "")
        #expect(lines.contains { $0.hasPrefix(example) }, "no example line starting with \(example)")
    }

    @Test func helpStatesTheExitStatuses() throws {
        for command in [["query"], ["index"]] {
            let help = try cli.run(command + ["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(help.contains("query 0 with hits, 1 without, 2 on an error"), "\(command)")
            #expect(help.contains("1 when some failed"), "\(command)")
        }
    }

    @Test func theQueryLanguageTableIsAlignedByDisplayWidth() throws {
        let lines = try cli.run("query", "--help").stdout.split(separator: "\n").map(String.init)
        let rows = ["快递员 社会保险", "社保 OR 医保", "-广告", "\"快递员 社会保险\"", "author:新浪", "iph*"]
        let columns = try rows.map { start in
            let line = try #require(lines.first { $0.hasPrefix("  " + start) }, "no row \(start)")
            let prefix = try #require(line.firstMatch(of: /^  \S.*\s{2,}/), "\(line)")
            return Self.displayWidth(String(line[prefix.range]))
        }
        #expect(Set(columns).count == 1, "description columns: \(columns)")
    }

    /// Terminal columns: CJK ideographs and full-width forms take two.
    private static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x2E80 ... 0xA4CF).contains(scalar.value) || (0xFF00 ... 0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }

    // MARK: Colour

    /// Whether a `query 欠薪` run on a pseudo-terminal coloured its output (an ANSI `ESC [` sequence).
    private func colored(_ arguments: [String], environment: [String: String] = [:]) throws -> Bool {
        let process = ["query", "欠薪", "--limit", "1"] + arguments
        let output = try cli.runOnTerminal(process, environment: environment)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("欠薪"), "\(output.stdout)\(output.stderr)")
        return output.stdout.contains("\u{1B}[")
    }

    @Test func colorFollowsTheOptionOnATerminal() throws {
        #expect(try colored([]))
        #expect(try colored(["--color", "auto"]))
        #expect(try colored(["--color", "always"]))
        #expect(try !colored(["--color", "never"]))
    }

    @Test func noColorDisablesAutoOnlyWhenNotEmpty() throws {
        #expect(try !colored([], environment: ["NO_COLOR": "1"]))
        #expect(try colored([], environment: ["NO_COLOR": ""]), "an empty NO_COLOR does not disable colour")
        #expect(try colored(["--color", "always"], environment: ["NO_COLOR": "1"]))
        #expect(try !colored(["--color", "never"], environment: ["NO_COLOR": ""]))
        #expect(try !colored([], environment: ["TERM": "dumb"]))
        #expect(try colored(["--color", "always"], environment: ["TERM": "dumb"]))
    }

    @Test func colorThroughAPipeOnlyWhenAsked() throws {
        #expect(!(try cli.run("query", "欠薪").stdout.contains("\u{1B}[")))
        #expect(try cli.run("query", "欠薪", "--color", "always").stdout.contains("\u{1B}[1;31m欠薪"))
        let bad = try cli.run("query", "欠薪", "--color", "sometimes")
        #expect(bad.status == 64 && bad.stderr.contains("--color"))
    }

    // MARK: Words, empty queries

    @Test func unquotedWordsAreOneQueryWithOptionsBeforeOrAfter() throws {
        let quoted = try json(try cli.run("query", "快递员 社会保险", "--json").stdout)
        let after = try json(try cli.run("query", "快递员", "社会保险", "--json").stdout)
        let before = try json(try cli.run("query", "--json", "--limit", "10", "快递员", "社会保险").stdout)
        let between = try json(try cli.run("query", "快递员", "--json", "社会保险").stdout)
        for object in [after, before, between] {
            #expect(object["query"] as? String == "快递员 社会保险")
            #expect(object["total"] as? Int == quoted["total"] as? Int)
        }
        let text = try cli.run("query", "快递员", "社会保险")
        #expect(text.status == 0 && text.stdout.contains("[快递员]") && text.stdout.contains("corpus/000_seed.md"))
        let negated = try cli.run("query", "--json", "--", "-广告", "社保")
        #expect(try json(negated.stdout)["query"] as? String == "-广告 社保")
    }

    @Test(arguments: ["", "  ", "，。", "*", ")"])
    func aQueryWithNothingToSearchIsAUsageError(query: String) throws {
        let output = try cli.run("query", query)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains(query.trimmingCharacters(in: .whitespaces).isEmpty
                                       ? "the query is empty" : "has nothing left to search"), "\(output.stderr)")
        #expect(output.stderr.contains("newsearch query 欠薪"))
        #expect(try cli.run("query", query, "--json").status == 2)
    }

    @Test func stdinAnswersALineWithNothingToSearchWithAnErrorObject() throws {
        let output = try cli.run("query", "--stdin", input: "，。\n欠薪\n")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(output.status == 0 && lines.count == 2)
        #expect((try json(lines[0])["error"] as? String)?.contains("nothing left to search") == true)
        #expect(try json(lines[1])["total"] is Int)
    }

    // MARK: Completion

    @Test func completionScriptsCompleteFoldersForIndexAndFilesForOptions() throws {
        let bash = try cli.run("--generate-completion-script", "bash")
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("compgen") && bash.stdout.contains("_completions -d"), "no folder completion")
        let zsh = try cli.run("--generate-completion-script", "zsh").stdout
        #expect(zsh.contains("'*:dir:_files -/'"), "index DIR completes folders")
        #expect(zsh.contains("'--index[The index file.]:path:_files'"))
        #expect(zsh.contains(":file:_files'"), "--dictionary completes files")
        let fish = try cli.run("--generate-completion-script", "fish").stdout
        #expect(fish.contains("__newsearch_complete_directories"))
    }

    // MARK: Stats

    @Test func statsPrintsWhatTheIndexHolds() throws {
        let output = try cli.run("stats", "--json")
        #expect(output.status == 0, "\(output.stderr)")
        let object = try json(output.stdout)
        #expect(object["path"] as? String == "newsearch.db")
        #expect(object["articles"] as? Int == 291)
        #expect((object["bytes_on_disk"] as? Int ?? 0) > 100_000)
        #expect((object["first_date"] as? String)?.hasPrefix("2012-") == true, "\(object)")
        #expect(object["last_date"] is String)
        #expect(object["dictionary_words"] as? Int == 0)
        #expect(object["ranked_heads"] as? Int == 0, "ranked after the run; none in an index of 291 articles")
        #expect(object["last_updated"] is String)
        let analysis = try #require(object["analysis"] as? [String: Any])
        #expect(analysis["analyzer_version"] is Int && analysis["icu_version"] is String)
        #expect(analysis["normalization"] is String && analysis["dictionary_checksum"] is String)

        let text = try cli.run("stats").stdout
        for label in ["Articles:    291", "Size:", "Dates:       2012-", "Analysis:    analyzer ", "Dictionary:  0 words",
                      "Frequent:    no term in 8,192 articles", "Last update: "] {
            #expect(text.contains(label), "\(label) in \(text)")
        }
        let missing = try cli.run("stats", "--index", "nowhere.db")
        #expect(missing.status == 2 && missing.stderr.contains("no index at nowhere.db"))
    }
}

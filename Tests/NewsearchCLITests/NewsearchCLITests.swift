import Foundation
import Testing

/// The `newsearch` binary on the project's `corpus/`, as in the README's quick start.
@Suite(.serialized) final class NewsearchCLITests {
    private let cli: CLI

    init() throws {
        cli = try CLI.withIndexedCorpus()
    }

    deinit {
        cli.remove()
    }

    private func json(_ output: CLI.Output) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func indexWritesTheDefaultFileAndReportsCounts() throws {
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("newsearch.db").path))
        let again = try cli.run("index", CLI.corpus)
        #expect(again.status == 0)
        #expect(again.stdout.contains("Indexed 0 articles (0 new, 0 updated)"))
        #expect(again.stdout.contains("unchanged: 291, removed: 0, skipped: 0, failed: 0"))
    }

    @Test func queryListsTheSeedFirstWithTheMatchHighlighted() throws {
        let output = try cli.run("query", "欠薪")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.contains("1. 上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板"))
        let first = try #require(lines.firstIndex { $0.hasPrefix("1. ") })
        #expect(lines[first + 1].contains("2022-02-16") && lines[first + 1].hasSuffix("corpus/000_seed.md"))
        #expect(lines[first + 2].contains("[欠薪]"))
    }

    @Test func twoTermQueryFindsTheSeed() throws {
        let output = try cli.run("query", "快递员 社会保险")
        #expect(output.status == 0)
        #expect(output.stdout.contains("corpus/000_seed.md"))
        #expect(output.stdout.contains("[快递员]"))
    }

    @Test func jsonFollowsTheSchema() throws {
        let object = try json(try cli.run("query", "欠薪", "--json"))
        #expect(object["query"] as? String == "欠薪")
        let total = try #require(object["total"] as? Int)
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(total >= 1 && hits.count == min(total, 10))
        let first = try #require(hits.first)
        #expect((first["path"] as? String)?.hasSuffix("corpus/000_seed.md") == true)
        #expect(first["title"] as? String == "上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板")
        #expect(first["date"] as? String == "2022-02-16T06:26:14Z")
        #expect(first["score"] is Double)
        let snippet = try #require(first["snippet"] as? String)
        #expect(snippet.contains("欠薪"))
        let highlights = try #require((first["highlights"] as? [String: Any])?["snippet"] as? [[Int]])
        let range = try #require(highlights.first)
        let scalars = Array(snippet.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range[0] ..< range[1]])) == "欠薪", "offsets in code points")
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    @Test func facetsCountTheWholeHitSetInJSONAndText() throws {
        let output = try cli.run("query", "经济", "--json", "--limit", "1", "--facets", "category,year")
        #expect(output.status == 0 && !output.stdout.isEmpty, "\(output.stderr) \(output.stdout.count)")
        let object = try json(output)
        let total = try #require(object["total"] as? Int)
        let facets = try #require(object["facets"] as? [String: [[String: Any]]])
        let years = try #require(facets["year"]), categories = try #require(facets["category"])
        let counts = years.compactMap { $0["count"] as? Int }
        let yearValues = years.compactMap { $0["value"] as? String }
        #expect(yearValues == yearValues.sorted(by: >) && !counts.isEmpty, "years newest first")
        #expect(counts.reduce(0, +) <= total && (counts.first ?? 0) <= total)
        #expect(categories.allSatisfy { $0["value"] is String && ($0["count"] as? Int ?? 0) > 0 })
        #expect(try json(try cli.run("query", "经济", "--json"))["facets"] == nil, "no facets unless asked for")
        let text = try cli.run("query", "经济", "--facets", "year", "--color", "never").stdout
        #expect(text.contains("\nyear: "), "\(text)")
        let bad = try cli.run("query", "经济", "--facets", "author")
        #expect(bad.status == 64 && bad.stderr.contains("--facets takes category, year"))
    }

    @Test func limitZeroShowsAllAndNegativeIsAnError() throws {
        let all = try json(try cli.run("query", "新闻", "--json", "--limit", "0"))
        let total = try #require(all["total"] as? Int)
        #expect(total > 10)
        #expect((all["hits"] as? [Any])?.count == total)
        let negative = try cli.run("query", "新闻", "--limit", "-1")
        #expect(negative.status != 0)
        #expect(negative.stderr.contains("--limit"))
    }

    @Test(arguments: ["AND", "NEAR(", "title:", "(欠薪", "欠薪\"", "OR OR", "'; DROP TABLE documents; --"])
    func hostileQueriesAnswerWithoutError(query: String) throws {
        let output = try cli.run("query", query, "--json")
        #expect(output.status == 0 || output.status == 1, "\(output.stderr)")
        let object = try json(output)
        #expect(object["total"] is Int)
        #expect(object["query"] as? String == query)
    }

    /// Syntax alone leaves nothing to search: a usage error with a sentence, not a crash nor "No articles match".
    @Test(arguments: ["\"", "*", ")", "-"])
    func hostileQueriesWithNothingToSearchAreUsageErrors(query: String) throws {
        let output = try cli.run("query", query, "--json")
        #expect(output.status == 2)
        #expect(output.stderr.contains("has nothing left to search"), "\(output.stderr)")
    }

    @Test func aQueryWithNoHitSaysSo() throws {
        let output = try cli.run("query", "量子引力弦论")
        #expect(output.status == 1, "no hit exits 1, as grep does")
        #expect(output.stdout.contains("No articles match"))
    }

    @Test func indexOptionAndEnvironmentChooseTheFile() throws {
        let seed = CLI.corpus + "/000_seed.md"
        #expect(try cli.run("index", "--index", "other.db", seed).status == 0)
        let fromOption = try json(try cli.run("query", "--index", "other.db", "快递员", "--json"))
        #expect((fromOption["hits"] as? [[String: Any]])?.count == 1)
        let fromEnvironment = try json(try cli.run("query", "快递员", "--json", environment: ["NEWSEARCH_INDEX": "other.db"]))
        #expect((fromEnvironment["hits"] as? [[String: Any]])?.count == 1)
        let optionWins = try json(try cli.run("query", "--index", "newsearch.db", "新闻", "--json",
                                               environment: ["NEWSEARCH_INDEX": "other.db"]))
        #expect(((optionWins["total"] as? Int) ?? 0) > 1)
    }

    @Test func aMissingIndexIsAClearError() throws {
        let output = try cli.run("query", "欠薪", "--index", "nowhere.db")
        #expect(output.status != 0)
        #expect(output.stderr.contains("no index at nowhere.db"))
        #expect(output.stderr.contains("newsearch index"))
    }

    @Test func aMissingFolderIsAClearError() throws {
        let output = try cli.run("index", "no-such-folder")
        #expect(output.status != 0)
        #expect(output.stderr.contains("no such file or folder: no-such-folder"))
    }

    @Test func helpTeaches() throws {
        let output = try cli.run("query", "--help")
        #expect(output.status == 0)
        #expect(output.stdout.contains("--limit"))
        #expect(output.stdout.contains("newsearch query 欠薪"))
    }
}

/// `newsearch analyze`, `--dictionary` and `--rebuild`.
@Suite final class AnalysisCLITests {
    private let cli: CLI

    init() throws {
        cli = try CLI()
    }

    deinit {
        cli.remove()
    }

    @Test func analyzeShowsTokensMarkersAndOriginals() throws {
        let output = try cli.run("analyze", "上海市GDP，社會")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(lines.first == ["position", "token", "kind", "bytes", "original"])
        #expect(lines.contains(["0", "^上", "word", "start", "0..<3", "上"]))
        #expect(lines.contains(["3", "^g", "word", "start", "9..<10", "G"]))
        #expect(lines.contains(["4", "d", "character", "10..<11", "D"]))
        #expect(lines.contains(["6", "|", "gap", "12..<15", "，"]))
        #expect(lines.contains(["8", "会$", "word", "end", "18..<21", "會"]))
        let query = try cli.run("analyze", "--query", "上海市")
        #expect(!query.stdout.contains("^上"))
        #expect(try cli.run("analyze", "，。").stdout.contains("No tokens"))
    }

    @Test func dictionaryIsKeptByTheIndexAndChangingItNeedsRebuild() throws {
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("news"), withIntermediateDirectories: true)
        try Data("---\ntitle: 骑手\n---\n<p>外卖骑手的社保。</p>".utf8)
            .write(to: cli.directory.appendingPathComponent("news/a.md"))
        try Data("外卖骑手\n".utf8).write(to: cli.directory.appendingPathComponent("words.txt"))
        try Data("社保\n".utf8).write(to: cli.directory.appendingPathComponent("other.txt"))
        #expect(try cli.run("index", "--dictionary", "words.txt", "news").status == 0)
        let analysed = try cli.run("analyze", "外卖骑手")
        #expect(analysed.stdout.contains("手$"))
        let refused = try cli.run("index", "--dictionary", "other.txt", "news")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--rebuild"))
        let rebuilt = try cli.run("index", "--dictionary", "other.txt", "--rebuild", "news")
        #expect(rebuilt.status == 0)
        #expect(rebuilt.stdout.contains("1 new"))
        let missing = try cli.run("index", "--dictionary", "nope.txt", "news")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("dictionary nope.txt"))
    }
}

/// The query command's options: formats, paging, sorting, dates, explain, JSON Lines.
@Suite(.serialized) final class QueryOptionsCLITests {
    private let cli: CLI

    init() throws {
        cli = try CLI.withIndexedCorpus()
    }

    deinit {
        cli.remove()
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func pathsFormatPrintsOnePathALine() throws {
        let output = try cli.run("query", "快递员", "--format", "paths", "--limit", "0")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count >= 1 && lines.allSatisfy { $0.hasSuffix(".md") })
        #expect(lines.first?.hasSuffix("corpus/000_seed.md") == true)
    }

    @Test func offsetPagesThroughTheSameOrder() throws {
        let all = try cli.run("query", "经济", "--format", "paths", "--limit", "6").stdout.split(separator: "\n")
        let page = try cli.run("query", "经济", "--format", "paths", "--limit", "3", "--offset", "3").stdout
            .split(separator: "\n")
        #expect(all.count == 6 && page == Array(all[3...]))
    }

    @Test func sortByDateAndDateRange() throws {
        let object = try json(try cli.run("query", "经济", "--json", "--sort", "date", "--since", "2015", "--until",
                                          "2016-06").stdout)
        let dates = try #require(object["hits"] as? [[String: Any]]).compactMap { $0["date"] as? String }
        #expect(!dates.isEmpty)
        #expect(dates == dates.sorted(by: >))
        #expect(dates.allSatisfy { $0 >= "2015-01-01" && $0 < "2016-07-01" })
        let bad = try cli.run("query", "经济", "--since", "someday")
        #expect(bad.status != 0 && bad.stderr.contains("--since"))
    }

    @Test func jsonReportsTookAndWarnings() throws {
        let object = try json(try cli.run("query", "(快递员 OR", "--json").stdout)
        #expect(object["took_ms"] is Double)
        let warnings = try #require(object["warnings"] as? [String])
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.hasPrefix("position ") })
        #expect((object["total"] as? Int ?? 0) >= 1)
    }

    @Test func explainShowsTheQueryAndScoreParts() throws {
        let output = try cli.run("query", "快递员 社会保险", "--explain", "--limit", "1")
        #expect(output.status == 0)
        #expect(output.stdout.contains("Parsed:     (快递员 AND 社会保险)"))
        #expect(output.stdout.contains("FTS5:       "))
        #expect(output.stdout.contains("Tokens:     快递员 → 快@0"))
        #expect(output.stdout.contains("× proximity"))
        let object = try json(try cli.run("query", "快递员", "--explain", "--json", "--limit", "1").stdout)
        #expect((object["explain"] as? [String: Any])?["expression"] is String)
        #expect(((object["hits"] as? [[String: Any]])?.first?["score_parts"] as? [String: Any])?["terms"] != nil)
    }

    @Test func stdinAnswersEachLineWithOneJSONLine() throws {
        let output = try cli.run("query", "--stdin", input: "欠薪\n\n快递员 社会保险\n\"\n")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 4, "a blank line is answered too")
        let objects = try lines.map { try json(String($0)) }
        #expect(objects.map { $0["query"] as? String } == ["欠薪", "", "快递员 社会保险", "\""])
        #expect(objects[1]["error"] != nil)
        #expect((objects[0]["total"] as? Int ?? 0) >= 1)
        let both = try cli.run("query", "--stdin", "欠薪")
        #expect(both.status != 0)
    }

    @Test func helpTeachesTheQueryLanguage() throws {
        let help = try cli.run("query", "--help").stdout
        for construct in ["OR", "-广告", "\"快递员 社会保险\"", "title:欠薪", "author:新浪", "date:2022-01..2022-03", "iph*",
                          "--sort", "--since", "--format", "--explain", "--stdin"] {
            #expect(help.contains(construct), "\(construct)")
        }
    }
}

/// A crash in the middle of `index` leaves an index that opens, answers, and that the next run completes.
@Suite final class CrashSafetyCLITests {
    private let cli: CLI
    static let articles = 3000

    init() throws {
        cli = try CLI()
        let folder = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for number in 0 ..< Self.articles {
            let text = "---\ntitle: '第\(number)号新闻'\ndate: 2022-02-16\n---\n<p>关于快递员社会保险的第\(number)篇报道。</p>"
            try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "%05d.md", number)))
        }
    }

    deinit {
        cli.remove()
    }

    @Test func killedMidIndexThenRerunGivesEveryArticleOnce() throws {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["index", "news"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let wal = cli.directory.appendingPathComponent("newsearch.db-wal").path
        // Wait (at most about 5 s) until a chunk of articles has been committed to the write-ahead log.
        for _ in 0 ..< 5000 where process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > 65536 { break }
            usleep(1000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let rerun = try cli.run("index", "news")
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let added = rerun.stdout.firstMatch(of: /\((\d+) new/).flatMap { Int($0.1) } ?? -1
        let unchanged = rerun.stdout.firstMatch(of: /unchanged: (\d+)/).flatMap { Int($0.1) } ?? -1
        #expect(added + unchanged == Self.articles, "\(rerun.stdout)")
        let query = try cli.run("query", "快递员", "--json", "--limit", "1")
        let object = try #require(JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == Self.articles)
    }
}

import Foundation
import Testing

/// Issue 26, on an index of the project's `corpus/`: `-word` on the command line is query text, `--` ends the
/// options (and says so when an option follows it), and `--stdin` reads JSON lines with per-line options.
@Suite final class QueryInputCLITests {
    private let cli: CLI

    init() throws {
        cli = try CLI.withIndexedCorpus()
    }

    deinit {
        cli.remove()
    }

    private func object(_ text: some StringProtocol) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    private func total(_ arguments: String...) throws -> Int {
        let output = try cli.run(["query", "--json"] + arguments)
        #expect(output.status == 0 || output.status == 1, "\(arguments): \(output.stderr)")
        return try #require(try object(output.stdout)["total"] as? Int, "\(output.stdout)")
    }

    /// The JSON lines `query --stdin arguments…` answers `lines` with; it must exit 0.
    private func answers(_ lines: [String], _ arguments: String...) throws -> [[String: Any]] {
        let output = try cli.run(["query", "--stdin"] + arguments, input: lines.map { $0 + "\n" }.joined())
        #expect(output.status == 0, "\(output.stderr)")
        let answers = try output.stdout.split(separator: "\n").map { try object($0) }
        #expect(answers.count == lines.count, "one answer a line: \(output.stdout)")
        return answers
    }

    private func paths(_ answer: [String: Any]) -> [String] {
        (answer["hits"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    }

    // MARK: -word

    @Test func aWordAfterADashIsExcludedWhereverItStands() throws {
        let all = try total("社保"), both = try total("社保", "上海")
        #expect(all > both && both > 0, "the corpus must have 社保 articles with and without 上海")
        let excluded = try cli.run("query", "社保", "-上海", "--json")
        #expect(excluded.status == 0, "\(excluded.stderr)")
        let answer = try object(excluded.stdout)
        #expect(answer["query"] as? String == "社保 -上海")
        #expect(answer["total"] as? Int == all - both)
        #expect(try total("-上海", "社保") == all - both, "first, too")
        #expect(try total("社保", "-(上海", "OR", "北京)") <= all - both)
        #expect(try total("社保", "-广告", "--limit", "1") == all - (try total("社保", "广告")), "options still work after it")
    }

    @Test func aMistypedLongOptionIsStillAUsageError() throws {
        let output = try cli.run("query", "社保", "-上海", "--limt", "3")
        #expect(output.status == 64, "\(output.stdout)\(output.stderr)")
        #expect(output.stderr.contains("Unknown option '--limt'"), "\(output.stderr)")
        #expect(output.stderr.contains("Did you mean '--limit'?"), "\(output.stderr)")
        let help = try cli.run("query", "社保", "-上海", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: newsearch query"))
    }

    // MARK: --

    @Test func everyArgumentAfterTheTerminatorIsTextAndAnOptionThereIsNamed() throws {
        let output = try cli.run("query", "--json", "--", "-广告", "社保", "--limit", "1")
        let answer = try object(output.stdout)
        #expect(answer["query"] as? String == "-广告 社保 --limit 1")
        #expect(output.stderr.contains("`--limit` after `--` is searched as text"), "\(output.stderr)")
        #expect(!output.stderr.contains("`1`"), "\(output.stderr)")

        let quiet = try cli.run("query", "--json", "--", "-广告", "社保")
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "no option after --, no warning: \(quiet.stderr)")
        let help = try cli.run("query", "--help")
        #expect(help.stdout.contains("Every argument after -- is query text"))
    }

    // MARK: --stdin JSON lines

    @Test func jsonLinesPageEachQuery() throws {
        let answers = try answers([#"{"q":"社保","limit":1}"#, #"{"q":"社保","limit":1,"offset":1}"#,
                                   #"{"q":"欠薪","limit":1}"#, #"{"q":"欠薪","limit":1,"offset":1}"#])
        let first = paths(answers[0]), second = paths(answers[1])
        #expect(first.count == 1 && second.count == 1, "\(answers)")
        #expect(first != second)
        #expect(answers[0]["query"] as? String == "社保")
        #expect(answers[0]["total"] as? Int == answers[1]["total"] as? Int)
        // corpus/ holds one article with 欠薪: its second page is empty.
        #expect(paths(answers[2]).count == 1 && paths(answers[3]).isEmpty, "\(answers)")
    }

    @Test func aLineMayAskForTheExactTotal() throws {
        let answers = try answers([#"{"q":"社保","exact_total":true}"#, #"{"q":"社保","exact_total":1}"#])
        #expect(answers[0]["total_exact"] as? Bool == true)
        #expect(answers[1]["field"] as? String == "exact_total", "\(answers)")
    }

    @Test func aLineOverridesTheCommandLineForItselfOnly() throws {
        let answers = try answers([#"{"q":"社保"}"#, #"{"q":"社保","limit":0,"sort":"date","facets":["category"]}"#,
                                   "社保", #"{"q":"社保","since":"2099"}"#, #"{"q":"社保","until":"2099","facets":"year"}"#],
                                  "--limit", "1")
        #expect(paths(answers[0]).count == 1)
        let all = try #require(answers[1]["total"] as? Int)
        #expect(all > 1 && paths(answers[1]).count == all, "limit 0 is all hits")
        #expect((answers[1]["facets"] as? [String: Any])?["category"] != nil)
        #expect(paths(answers[2]).count == 1, "a plain line keeps the command line's options")
        #expect(answers[2]["facets"] == nil)
        #expect(answers[3]["total"] as? Int == 0)
        #expect(answers[4]["total"] as? Int == all)
        #expect(answers.allSatisfy { $0["total_exact"] as? Bool == true }, "corpus/ holds far fewer than 10,000 hits")
        #expect((answers[4]["facets"] as? [String: Any])?["year"] != nil)
    }

    @Test func aCategoryFiltersTheWholeQuery() throws {
        let answers = try answers([#"{"q":"社保","category":"财经"}"#, #"{"q":"社保 OR 医保","category":"财经"}"#,
                                   #"{"q":"社保","category":"x\" OR \"y"}"#, #"{"q":"\"社保","category":"财经"}"#])
        #expect(answers[0]["total"] as? Int == (try total("社保 category:财经")), "\(answers[0])")
        #expect(answers[0]["query"] as? String == "社保")
        #expect(answers[1]["total"] as? Int == (try total("(社保 OR 医保) category:财经")), "\(answers[1])")
        #expect((answers[1]["total"] as? Int ?? 0) < (try total("社保 OR 医保")))
        for answer in answers[2...] {
            #expect(answer["field"] as? String == "category", "\(answer)")
            #expect(answer["error"] is String)
        }
    }

    @Test func aBadLineIsAnsweredWithAnErrorNamingItsFieldAndTheRunGoesOn() throws {
        let lines = [#"{"q":"社保","limt":1}"#, #"{"q":"社保","limit":-1}"#, #"{"q":"社保","limit":"1"}"#,
                     #"{"q":"社保","offset":true}"#, #"{"q":"社保","sort":"size"}"#, #"{"q":"社保","since":"2022-13"}"#,
                     #"{"q":"社保","facets":"author"}"#, #"{"limit":1}"#, #"{"q":"社保""#, "社保"]
        let answers = try answers(lines)
        let fields = answers.map { $0["field"] as? String }
        #expect(fields == ["limt", "limit", "limit", "offset", "sort", "since", "facets", "q", nil, nil])
        for answer in answers.dropLast() { #expect(answer["error"] is String, "\(answer)") }
        #expect(answers[0]["query"] as? String == "社保")
        #expect(answers[8]["query"] as? String == #"{"q":"社保""#, "a line that is not JSON is echoed")
        #expect((answers[9]["total"] as? Int ?? 0) > 0, "the plain line after them is answered")
    }
}

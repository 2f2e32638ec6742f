import Testing
@testable import NewSearch

@Suite struct QueryParserTests {
    private func parsed(_ text: String) -> String {
        QueryParser.parse(text).root?.description ?? "nil"
    }

    private func warnings(_ text: String) -> [Int] {
        QueryParser.parse(text).warnings.map(\.position)
    }

    /// The lexer read each field's value to the end of the word before reading it again as the next word: 24 KB of
    /// `title:` took 12 s (debug), 96 KB over three minutes, and the library takes queries of any length.
    @Test func aLongChainOfFieldPrefixesIsLexedInOnePass() {
        let pieces = QueryLexer(String(repeating: "title:", count: 20_000) + "欠薪").pieces
        #expect(pieces.count == 20_001)
        #expect(pieces.last?.position == 120_000)
        #expect(parsed("title:title:欠薪").contains("title:欠薪"))
        #expect(parsed("foo:bar:baz") == "foo:bar:baz")
    }

    @Test(arguments: [
        ("快递员 社会保险", "(快递员 AND 社会保险)"),
        ("快递员 AND 社会保险", "(快递员 AND 社会保险)"),
        ("社保 OR 医保", "(社保 OR 医保)"),
        ("社保|医保", "(社保 OR 医保)"),
        ("快递员 -广告", "(快递员 AND NOT 广告)"),
        ("快递员 NOT 广告", "(快递员 AND NOT 广告)"),
        ("\"快递员 社会保险\" 上海", "(\"快递员 社会保险\" AND 上海)"),
        ("“快递员 社会保险”", "\"快递员 社会保险\""),
        ("(社保 OR 医保) 快递员", "((社保 OR 医保) AND 快递员)"),
        ("title:欠薪 author:新浪 category:财经 body:社保", "(title:欠薪 AND author:新浪 AND category:财经 AND body:社保)"),
        ("TITLE:欠薪", "title:欠薪"),
        ("-title:广告", "NOT title:广告"),
        ("title:-广告", "NOT title:广告"),
        ("title:(社保 OR 医保)", "title:(社保 OR 医保)"),
        ("iph* 2024", "(iph* AND 2024)"),
        ("or and not", "(or AND and AND not)"),
        ("COVID-19", "COVID-19"),
        ("a:b:c", "a:b:c"),
        ("http://example.com/x", "http://example.com/x"),
        ("AND", "AND"),
        ("OR NOT", "(OR AND NOT)"),
        ("--", "--"),
    ])
    func grammar(text: String, expected: String) {
        #expect(parsed(text) == expected)
    }

    @Test func dateRanges() throws {
        guard case .date(let range)? = QueryParser.parse("date:2022-01..2022-03").root else {
            Issue.record("not a date node")
            return
        }
        #expect(range.start.map(ArticleDate.iso8601) == "2022-01-01T00:00:00Z")
        #expect(range.end.map(ArticleDate.iso8601) == "2022-04-01T00:00:00Z")
        #expect(DateRange("2022")?.end.map(ArticleDate.iso8601) == "2023-01-01T00:00:00Z")
        #expect(DateRange("2022-02-28")?.end.map(ArticleDate.iso8601) == "2022-03-01T00:00:00Z")
        #expect(DateRange("..2021")?.start == nil)
        #expect(DateRange("2021..")?.end == nil)
        for invalid in ["..", "2022-13", "2022-02-30", "22", "yesterday", "2022..x", "2022..2021"] {
            #expect(DateRange(invalid) == nil, "\(invalid)")
        }
    }

    @Test(arguments: [
        ("\"快递员 社会", [0]),
        ("(社保 OR 医保", [0]),
        ("社保)", [2]),
        ("欠薪 OR", [3]),
        ("OR 欠薪", [0]),
        ("欠薪 -", []),
        ("欠薪 NOT", [3]),
        ("title:", [0]),
        ("date:someday 欠薪", [0]),
        ("* 欠薪", [0]),
    ])
    func brokenSyntaxIsReadLiterallyWithAWarningAtItsPosition(text: String, positions: [Int]) {
        #expect(warnings(text) == positions)
        #expect(QueryParser.parse(text).root != nil || text.hasPrefix("date:"))
    }

    @Test func brokenSyntaxStillSearchesWhatItCan() {
        #expect(parsed("\"快递员 社会") == "\"快递员 社会\"")
        #expect(parsed("(社保 OR 医保") == "(社保 OR 医保)")
        #expect(parsed("社保)") == "社保")
        #expect(parsed("欠薪 OR") == "欠薪")
        #expect(parsed("title:") == "title")
        #expect(parsed("date:someday 欠薪") == "欠薪")
    }

    @Test func limits() {
        let many = (1 ... 40).map { "词\($0)" }.joined(separator: " ")
        let query = QueryParser.parse(many)
        guard case .and(let items)? = query.root else { Issue.record("not AND"); return }
        #expect(items.count == QueryParser.maximumTerms)
        #expect(query.warnings.count == 1)
        let long = QueryParser.parse(String(repeating: "长", count: 500))
        #expect(long.root == .term(String(repeating: "长", count: QueryParser.maximumTermLength), prefix: false))
        #expect(long.warnings.count == 1)
    }

    @Test func controlCharactersAreSpaces() {
        #expect(parsed("欠\u{1}薪\u{0}") == "(欠 AND 薪)")
    }
}

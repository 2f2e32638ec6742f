import Foundation
import Testing
@testable import NewSearch

/// Input whose shape, not size, made the parser work without bound (issue 22): HTML nested so deep that a
/// recursive walk overflowed the stack, and YAML aliases that a scan of the text failed to count. Each is read
/// with its text kept, or refused with a reason, in bounded time and stack.
@Suite struct DeepInputTests {
    /// An article of `html` under a one-line front matter.
    private static func parse(html: String) throws -> Article {
        try ArticleParser.parse(Array("---\ntitle: 深层\n---\n\(html)".utf8), fileName: "deep.md")
    }

    // MARK: - HTML

    @Test func twoHundredThousandNestedDivsKeepTheirText() throws {
        let depth = 200_000
        let html = String(repeating: "<div>", count: depth) + "<p>深处的欠薪问题</p>"
            + String(repeating: "</div>", count: depth) + "<p>其后的段落</p>"
        #expect(html.utf8.count > 2_000_000)
        #expect(try Self.parse(html: html).body == "深处的欠薪问题\n其后的段落")
    }

    @Test func aHundredThousandBoldItalicPairsKeepTheirText() throws {
        let pairs = 100_000
        let html = String(repeating: "<b><i>", count: pairs) + "深处的欠薪问题" + String(repeating: "</i></b>", count: pairs)
            + "<p>其后的段落</p>"
        #expect(try Self.parse(html: html).body == "深处的欠薪问题\n其后的段落")
    }

    @Test func deepElementsLeftOpenKeepTheirText() throws {
        let html = String(repeating: "<div><span>", count: 100_000) + "未闭合的深处"
        #expect(try Self.parse(html: html).body == "未闭合的深处")
    }

    @Test func deepNestingKeepsTextAtEveryLevelInOrder() throws {
        let depth = 5000
        let html = (0 ..< depth).map { "<div>\($0)" }.joined() + String(repeating: "</div>尾", count: depth)
        let lines = try Self.parse(html: html).body.split(separator: "\n")
        #expect(lines.count == 2 * depth)
        #expect(lines.prefix(depth).map(String.init) == (0 ..< depth).map(String.init))
        #expect(lines.suffix(depth).allSatisfy { $0 == "尾" })
    }

    @Test func droppedElementsStayDroppedAtDepth() throws {
        let depth = 50_000
        let html = String(repeating: "<div><b>", count: depth) + "<style>p{}</style><script>x()</script><!-- 注释 -->正文"
            + "<noscript>无脚本</noscript>" + String(repeating: "</b></div>", count: depth)
        #expect(try Self.parse(html: html).body == "正文")
    }

    // MARK: - YAML aliases

    /// Front matter lines that open a quote for a scan of the text, though YAML reads none (or reads a closed one).
    static let quoteSpellings = [
        "note: don't",
        "note: it's a 'quote",
        "note: say \"hi",
        "# don't",
        "note: 'it''s'",
        "note: \"a \\\" b\"",
        "note: |\n  it's\n  \"open",
        "list: [don't, \"x]\"]",
        "note: a\"b'c",
    ]

    /// Nine levels of nine aliases after `prefix`, the last used as a mapping key: minutes of work for Yams.
    private static func aliasBomb(after prefix: String) -> String {
        var lines = ["---", prefix, "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1 ... 9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        lines += ["? *a9 : x", "title: 炸弹", "---", "<p>正文</p>"]
        return lines.joined(separator: "\n")
    }

    @Test(arguments: quoteSpellings)
    func anAliasBombAfterAQuoteFailsWithTheAliasReason(prefix: String) {
        let bomb = Self.aliasBomb(after: prefix)
        #expect(bomb.utf8.count < 1024)
        #expect {
            try ArticleParser.parse(Array(bomb.utf8), fileName: "bomb.md")
        } throws: { error in
            guard case DocumentError.frontMatter(let line?, let message) = error else { return false }
            // The 17th alias is on the 5th line of aliases, after the prefix's lines.
            let prefixLines = prefix.split(separator: "\n").count
            return message.contains("more than 16 YAML aliases") && line == 2 + prefixLines + 2
        }
    }

    @Test func anAliasBombAfterAnApostropheFailsAndTheRunGoesOn() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("news/bomb.md", Self.aliasBomb(after: "note: don't"))
        _ = try folder.write("news/good.md", "---\ntitle: 好文章\n---\n<p>欠薪问题</p>")
        let report = try SearchIndex(path: folder.path + "/index.db").index([folder.path + "/news"])
        #expect(report.added == 1)
        #expect(report.failed.map(\.path) == [folder.path + "/news/bomb.md"])
        #expect(report.failed.first?.reason.contains("aliases") == true)
    }

    @Test(arguments: quoteSpellings)
    func aFewAliasesAfterAQuoteAreStillRead(prefix: String) throws {
        let text = "---\n\(prefix)\nbase: &name 新浪财经\nauthor: *name\ncategories: [*name, 财经]\ntitle: It's 标题\n---\n<p>正文</p>"
        let article = try ArticleParser.parse(Array(text.utf8), fileName: "a.md")
        #expect(article.author == "新浪财经")
        #expect(article.categories == ["新浪财经", "财经"])
        #expect(article.title == "It's 标题")
    }

    @Test func sixteenAliasesAreReadAndSeventeenAreNot() throws {
        func article(aliases: Int) throws -> Article {
            let uses = Array(repeating: "*n", count: aliases).joined(separator: ", ")
            return try ArticleParser.parse(Array("---\nbase: &n x\nall: [\(uses)]\ntitle: t\n---\n".utf8), fileName: "a.md")
        }
        #expect(try article(aliases: 16).title == "t")
        #expect(throws: DocumentError.frontMatter(line: 3, message: "front matter uses more than 16 YAML aliases (*name): not read")) {
            try article(aliases: 17)
        }
    }

    @Test func aFewAliasesOfALargeListUsedAsAKeyFailWithAReason() {
        // 16 aliases: 3^5 copies of a list of 10,000 values as a mapping key, which Yams hashes value by value
        // (seconds of work in a debug build; a minute with 80,000 values).
        var lines = ["---", "a0: &a0 [" + Array(repeating: "x", count: 10_000).joined(separator: ",") + "]"]
        for level in 1 ... 5 {
            lines.append("a\(level): &a\(level) [*a\(level - 1), *a\(level - 1), *a\(level - 1)]")
        }
        lines += ["? *a5 : x", "title: t", "---", ""]
        #expect(throws: DocumentError.frontMatter(line: 3, message:
            "front matter's YAML aliases (*name) stand for more than 4096 values: not read")) {
            try ArticleParser.parse(Array(lines.joined(separator: "\n").utf8), fileName: "a.md")
        }
    }

    @Test func aliasesMayStandForAtMost4096Values() throws {
        func article(listItems: Int) throws -> Article {
            let list = Array(repeating: "x", count: listItems).joined(separator: ", ")
            let uses = Array(repeating: "*l", count: 16).joined(separator: ", ")
            return try ArticleParser.parse(Array("---\nlist: &l [\(list)]\nall: [\(uses)]\ntitle: t\n---\n".utf8),
                                           fileName: "a.md")
        }
        #expect(try article(listItems: 255).title == "t")  // 16 × (the list and its 255 items)
        #expect(throws: DocumentError.self) { try article(listItems: 256) }
    }

    @Test func starsThatAreNoAliasesAreNotCounted() throws {
        let stars = Array(repeating: "a *b* c * d", count: 30).joined(separator: " ")
        let text = "---\ntitle: \(stars)\nnote: \"*x *y *z\"\nlist: ['*a', \"*b\"]\n# *c *d *e\nauthor: |\n  *e\n  *f\n---\n"
        let article = try ArticleParser.parse(Array((text + String(repeating: "*g ", count: 40)).utf8), fileName: "a.md")
        #expect(article.title == stars)
        #expect(article.author == "*e\n*f\n")
    }

    // MARK: - YAML nesting

    /// Front matter whose `x` holds `levels` lists or mappings, one in the other, opened with `opening`.
    private static func nestedYAML(_ opening: String, levels: Int) -> String {
        let closing = ["[": "]", "{a: ": "}", "- ": ""][opening]!
        return "title: 深层\nx: " + (opening == "- " ? "\n" : "") + String(repeating: opening, count: levels) + "y"
            + String(repeating: closing, count: levels)
    }

    @Test(arguments: ["[", "{a: ", "- "])
    func deeplyNestedYAMLFailsWithAReason(opening: String) {
        let yaml = Self.nestedYAML(opening, levels: 50_000)
        #expect {
            try ArticleParser.parse(Array("---\n\(yaml)\n---\n<p>正文</p>".utf8), fileName: "deep.md")
        } throws: { error in
            // libyaml's scanner reads ahead: past 1,000 `[` on a line it refuses the first one itself.
            guard case DocumentError.frontMatter(let line?, let message) = error else { return false }
            return (3 ... 4).contains(line)
                && (message.contains("deeper than 64 levels") || message.contains("Maximum nesting level"))
        }
    }

    @Test func shallowYAMLWithManyColonsAndDashesIsRead() throws {
        // Over 64 of the bytes that may open a list or mapping, so libyaml counts the levels: there are two.
        let names = (0 ..< 100).map { "新闻-要闻-\($0)" }
        let categories = names.map { "- \($0)" }.joined(separator: "\n")
        let text = "---\ntitle: 标题\ndate: 2022-02-16T06:26:14+08:00\ncategories:\n\(categories)\n---\n<p>正文</p>"
        let article = try ArticleParser.parse(Array(text.utf8), fileName: "a.md")
        #expect(article.title == "标题")
        #expect(article.categories == names)
        #expect(article.date != nil)
    }

    @Test(arguments: ["[", "{a: ", "- "])
    func yamlNestedToTheLimitIsReadOnIndexingThreads(opening: String) throws {
        // The front matter's own mapping is the first of the 64 levels.
        let folder = try TemporaryFolder()
        _ = try folder.write("news/deep64.md", "---\n\(Self.nestedYAML(opening, levels: 63))\n---\n<p>正文</p>")
        _ = try folder.write("news/deep65.md", "---\n\(Self.nestedYAML(opening, levels: 64))\n---\n<p>正文</p>")
        _ = try folder.write("news/good.md", "---\ntitle: 好文章\n---\n<p>欠薪问题</p>")
        let report = try SearchIndex(path: folder.path + "/index.db").index([folder.path + "/news"])
        #expect(report.added == 2)
        #expect(report.failed.map(\.path) == [folder.path + "/news/deep65.md"])
        #expect(report.failed.first?.reason.contains("deeper than 64 levels") == true)
    }
}

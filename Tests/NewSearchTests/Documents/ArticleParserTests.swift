import Foundation
import Testing
@testable import NewSearch

@Suite struct ArticleParserTests {
    @Test func frontMatterAfterBlankLinesWithISODate() throws {
        let article = try Fixtures.parse("\n\n---\ntitle: 测试\ndate: 2024-03-05T08:09:10+08:00\n---\n<p>正文</p>")
        #expect(article.title == "测试")
        #expect(Fixtures.iso(article.date) == "2024-03-05T00:09:10Z")
        #expect(article.body == "正文")
    }

    @Test(arguments: [
        ("Wed, 16 Feb 2022 06:26:14 GMT", "2022-02-16T06:26:14Z"),
        ("Wed, 16 Feb 2022 14:26:14 +0800", "2022-02-16T06:26:14Z"),
        ("16 Feb 2022 06:26:14 GMT", "2022-02-16T06:26:14Z"),
        ("2022-02-16T06:26:14Z", "2022-02-16T06:26:14Z"),
        ("2022-02-16 06:26:14", "2022-02-16T06:26:14Z"),
        ("2022-02-16", "2022-02-16T00:00:00Z"),
        ("Sun, 29 Feb 2032 23:59:59 GMT", "2032-02-29T23:59:59Z"),
    ])
    func dates(text: String, expected: String) {
        #expect(Fixtures.iso(ArticleDate.parse(text)) == expected)
    }

    @Test(arguments: ["yesterday", "Wed, 32 Feb 2022 06:26:14 GMT", "2022-13-01", ""])
    func datesThatDoNotParse(text: String) {
        #expect(ArticleDate.parse(text) == nil)
    }

    @Test func unparseableDateKeepsTheArticle() throws {
        let article = try Fixtures.parse("---\ntitle: t\ndate: 不是日期\n---\n<p>x</p>")
        #expect(article.date == nil)
        #expect(article.body == "x")
    }

    @Test func aDateThatIsNoDateIsNotedAndAMissingOneIsNot() throws {
        var notes: [String] = []
        let article = try ArticleParser.parse(Array("---\ntitle: t\ndate: Wed, 31 Feb 2022 06:26:14 GMT\n---\n<p>x</p>".utf8),
                                              fileName: "a.md", notes: &notes)
        #expect(article.date == nil && article.body == "x")
        #expect(notes.count == 1 && notes[0].contains("31 Feb 2022") && notes[0].contains("indexed without a date"), "\(notes)")
        notes = []
        _ = try ArticleParser.parse(Array("---\ntitle: t\n---\n<p>x</p>".utf8), fileName: "a.md", notes: &notes)
        _ = try ArticleParser.parse(Array("---\ntitle: t\ndate: 2022-02-16\n---\n<p>x</p>".utf8), fileName: "a.md", notes: &notes)
        #expect(notes.isEmpty)
    }

    @Test func bodyTextPastTheLimitIsCutBetweenCharactersWithANote() {
        var notes: [String] = []
        let body = "快递员欠薪问题"  // 3 bytes a character
        let cut = ArticleParser.bounded(body, limit: 10, notes: &notes)
        #expect(cut == "快递员")
        #expect(notes.count == 1 && notes[0].contains("the rest left out"), "\(notes)")
        notes = []
        #expect(ArticleParser.bounded(body, limit: 21, notes: &notes) == body && notes.isEmpty)
    }

    @Test func mixedCaseTagsScriptsCommentsAndEntities() throws {
        let article = try Fixtures.parse("""
            ---
            title: t
            ---
            <DIV><P>第一段 &amp; &lt;b&gt; &#123;x&#125; &quot;q&quot;</p><Script>var a = "脚本";</SCRIPT>
            <!-- 注释 --><p>第二段<BR>换行</P><style>p { color: red }</style></div>
            """)
        #expect(article.body == "第一段 & <b> {x} \"q\"\n第二段\n换行")
    }

    @Test func crAndCrlfLineEndsAreLineFeeds() throws {
        let article = try Fixtures.parse("---\r\ntitle: 'a'\r\nauthor: b\r---\r\n第一行\r\n第二行\r第三行")
        #expect(article.title == "a")
        #expect(article.author == "b")
        #expect(article.body == "第一行\n第二行\n第三行")
    }

    @Test func categoriesAsSingleValueAndNullFields() throws {
        let article = try Fixtures.parse("---\ntitle: t\ncategories: 财经\nauthor: ~\nheadimg: ''\n---\n")
        #expect(article.categories == ["财经"])
        #expect(article.author == nil)
        #expect(article.images.isEmpty)
        #expect(article.body == "")
    }

    @Test func numbersAndBooleansStayText() throws {
        let article = try Fixtures.parse("---\ntitle: 2024\nauthor: yes\n---\n")
        #expect(article.title == "2024")
        #expect(article.author == "yes")
    }

    @Test func markdownWithoutFrontMatterUsesFirstHeading() throws {
        let article = try Fixtures.parse("Intro line\n\n## 上海 新闻 ##\n\nText <b>bold</b>", fileName: "notes.md")
        #expect(article.title == "上海 新闻")
        #expect(article.body == "Intro line\n## 上海 新闻 ##\nText bold")
    }

    @Test func markdownWithoutHeadingUsesFileName() throws {
        let article = try Fixtures.parse("plain text only", fileName: "今日 要闻.md")
        #expect(article.title == "今日 要闻")
    }

    @Test func missingTitleFallsBackToHeadingInBody() throws {
        let article = try Fixtures.parse("---\nauthor: a\n---\n# 标题\n正文", fileName: "x.md")
        #expect(article.title == "标题")
    }

    @Test func unclosedFrontMatterIsReadAsMarkdown() throws {
        let article = try Fixtures.parse("---\ntitle: t\nno closing line", fileName: "open.md")
        #expect(article.title == "open")
    }

    @Test func binaryFilesAreNotArticles() {
        #expect(throws: DocumentError.binary) {
            try ArticleParser.parse([0x2D, 0x2D, 0x00, 0x01], fileName: "image.md")
        }
        #expect(DocumentError.binary.isNotAnArticle)
    }

    @Test func invalidUTF8IsNotAnArticle() {
        #expect(throws: DocumentError.invalidUTF8) {
            try ArticleParser.parse([0x61, 0xE4, 0xB8, 0x0A, 0xFF], fileName: "latin1.md")
        }
    }

    @Test func brokenYAMLNamesTheFileLine() {
        let text = "\n---\ntitle: 'unterminated\nauthor: x\n---\n<p>x</p>"
        #expect {
            try Fixtures.parse(text)
        } throws: { error in
            guard case DocumentError.frontMatter(let line?, let message) = error else { return false }
            return (3 ... 5).contains(line) && !message.isEmpty
        }
    }

    @Test func frontMatterThatIsNotAMapping() {
        #expect {
            try Fixtures.parse("---\n- a\n- b\n---\n")
        } throws: { error in
            guard case DocumentError.frontMatter(let line, _) = error else { return false }
            return line == 2
        }
    }

    @Test func byteOrderMarkBeforeFrontMatter() throws {
        let article = try ArticleParser.parse([0xEF, 0xBB, 0xBF] + Array("---\ntitle: 带BOM的标题\n---\n<p>正文</p>".utf8),
                                              fileName: "bom.md")
        #expect(article.title == "带BOM的标题")
        #expect(article.body == "正文")
    }

    @Test func controlCharactersNeverReachTheText() throws {
        let article = try Fixtures.parse("---\ntitle: t\n---\n<p>a\u{2}b\u{3}c\u{7}d\u{85}e</p>")
        #expect(article.body == "abcd\ne")
    }
}

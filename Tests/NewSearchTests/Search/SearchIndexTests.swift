import Foundation
import Testing
@testable import NewSearch

@Suite struct SearchIndexTests {
    @Test(arguments: [
        ("上海市邮政管理局网站2月15日消息", "上海市"),
        ("加大处置欠薪力度等措施", "欠薪"),
        ("提高快递员社会保险水平", "快递员 社会保险"),
        ("提高快递员社会保险水平", "社会保险 快递员"),
        ("Apple 发布 iPhone16 手机", "IPHONE16"),
        ("GDP 同比增长", "gdp"),
        ("2024年经济", "2024"),
    ])
    func matchingQueries(content: String, query: String) throws {
        #expect(try MatchHarness.matches(content, query))
    }

    @Test(arguments: [
        ("提高快递员社会保险水平", "快递员 医疗"),
        ("社会 进步，保险 行业", "社会保险"),
        ("上海市邮政管理局", "北京"),
    ])
    func nonMatchingQueries(content: String, query: String) throws {
        #expect(try !MatchHarness.matches(content, query))
    }

    /// User text never reaches FTS5 syntax: every one of these is answered, none throws.
    @Test(arguments: [
        "\"", "\"\"", "AND", "OR", "NOT", "*", ")", "(", "NEAR(", "NEAR(a b", "title:", "body:欠薪", "-欠薪",
        "^欠薪", "欠薪*", "a:b:c", "{title body}: x", "'", "\\", ";DROP TABLE documents;--", "\u{0}", "",
        "   ", "欠薪 AND", "( 欠薪 ) OR \"快递员", "+", "a\"b", "\u{2}欠薪\u{3}",
    ])
    func hostileQueriesNeverThrow(query: String) throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "AND OR NOT title", body: "加大处置欠薪力度 NEAR body a b c"), path: "a")
        let results = try index.search(query)
        #expect(results.total >= 0)
        #expect(results.hits.count == results.total)
    }

    @Test func operatorWordsAreMatchedAsPlainWords() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "Rock AND roll", body: "NEAR the sea"), path: "a")
        #expect(try index.search("AND").total == 1)
        #expect(try index.search("near").total == 1)
        #expect(try index.search("title:").total == 0)
    }

    @Test func titleMatchRanksAboveBodyMatch() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "城市新闻", body: "今天上海市天气晴朗，其他城市多云。"), path: "body")
        try index.add(Article(title: "上海市天气", body: "今天天气晴朗，其他城市多云，一切如常。"), path: "title")
        #expect(try index.search("上海市").hits.map(\.path) == ["title", "body"])
    }

    @Test func snippetHighlightsTheMatchedWords() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "快递员权益", body: "第一段。\n加大处置欠薪力度等措施保障快递员合理劳动报酬。"), path: "a")
        let hit = try #require(try index.search("欠薪").hits.first)
        #expect(hit.snippet.highlightedParts == ["欠薪"])
        #expect(hit.snippet.rendered(open: "[", close: "]").contains("处置[欠薪]力度"))
        #expect(hit.title.highlights.isEmpty)
        #expect(try index.search("快递员").hits.first?.title.highlightedParts == ["快递员"])
    }

    @Test func limitOffsetAndTotal() throws {
        let index = try SearchIndex(path: ":memory:")
        for number in 1 ... 5 {
            try index.add(Article(title: "新闻 \(number)", body: String(repeating: "经济 ", count: number)), path: "\(number)")
        }
        let all = try index.search("经济", limit: nil)
        #expect(all.total == 5 && all.hits.count == 5)
        let page = try index.search("经济", limit: 2, offset: 2)
        #expect(page.total == 5)
        #expect(page.hits.map(\.path) == Array(all.hits.map(\.path)[2 ..< 4]))
    }

    @Test func pathsMatchingIsTheHitSet() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "甲", body: "快递员"), path: "b")
        try index.add(Article(title: "乙", body: "快递"), path: "a")
        try index.add(Article(title: "丙", body: "外卖"), path: "c")
        #expect(try index.paths(matching: "快递") == ["b", "a"])
        #expect(try index.paths(matching: "快递员") == ["b"])
        #expect(try index.paths(matching: "\"(*").isEmpty)
    }

    @Test func addReplacesAndRemoveDeletes() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "旧", body: "欠薪"), path: "a")
        try index.add(Article(title: "新", body: "社保"), path: "a")
        #expect(try index.count() == 1)
        #expect(try index.search("欠薪").total == 0)
        #expect(try index.search("社保").hits.first?.title.text == "新")
        #expect(try index.remove(path: "a"))
        #expect(try index.search("社保").total == 0)
        #expect(try !index.remove(path: "a"))
    }

    /// A hit's id addresses its article, and keeps doing so when the article and others change.
    @Test func anArticleKeepsItsIDThroughUpdates() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "快递员欠薪", body: "欠薪"), path: "a")
        try index.add(Article(title: "社保", body: "社会保险"), path: "b")
        let id = try #require(try index.search("欠薪").hits.first?.id)
        #expect(try index.article(id: id)?.path == "a")
        try index.add(Article(title: "快递员欠薪（更新）", body: "欠薪问题"), path: "a")
        try index.add(Article(title: "社保（更新）", body: "社会保险"), path: "b")
        let updated = try #require(try index.article(id: id))
        #expect(updated.path == "a" && updated.article.title == "快递员欠薪（更新）")
        #expect(try index.search("欠薪问题").hits.map(\.id) == [id])
        #expect(try index.article(id: id + 1000) == nil)
        try index.remove(path: "a")
        #expect(try index.article(id: id) == nil)
    }

    /// A whole text marked for a query: every occurrence, far past a snippet, folded as the index folds.
    @Test func aWholeTextIsHighlightedForAQuery() throws {
        let index = try SearchIndex(path: ":memory:")
        let text = "提高快递员社會保險水平。" + String(repeating: "其他内容。", count: 40_000) + "快递员的社会保险。"
        let marked = try index.highlighted(text, query: "快递员 社会保险 -水平")
        #expect(marked.text == text)
        #expect(marked.highlightedParts == ["快递员社會保險", "快递员", "社会保险"])  // adjacent marks merge
        #expect(try index.highlighted("快递员", query: "").highlights.isEmpty)
    }

    @Test func aStoredArticleReadsBackByItsKeyOrItsFilePathTypedAnyWay() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("news/a.md", """
            ---
            title: 快递员欠薪
            author: 新华社
            categories: [社会, 劳动]
            date: Wed, 16 Feb 2022 06:26:14 GMT
            headimg: https://example.com/a.jpg
            ---
            <p>外卖骑手的社保。</p><p>第二段&#123;</p>
            """)
        let index = try SearchIndex(path: folder.path + "/index.db")
        try index.index([folder.path + "/news"])
        let app = Article(title: "应用稿件", author: nil, categories: ["x"], body: "正文")
        try index.add(app, path: "app://42")
        let added = try #require(try index.article(path: "app://42"))
        #expect(added == IndexedArticle(id: added.id, path: "app://42", article: app))
        #expect(try index.article(id: added.id) == added)
        let canonical = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        for typed in [file, folder.path + "/news/./a.md", folder.path + "//news/../news/a.md", canonical] {
            let stored = try #require(try index.article(path: typed), "\(typed)")
            #expect(stored.path == canonical)
            #expect(stored.article == (try Fixtures.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self))))
        }
        #expect(try index.article(path: folder.path + "/news/b.md") == nil)
        #expect(try index.remove(path: folder.path + "/news/./a.md"))
        #expect(try index.article(path: file) == nil)
        #expect(try index.search("欠薪").total == 0)
        #expect(try index.count() == 1)
    }

    /// The images are stored compressed; the `newsearch_articles` view an app reads shows them as JSON, `{}` for none.
    @Test func theArticlesViewShowsTheImagesAsJSON() throws {
        let index = try SearchIndex(path: ":memory:")
        let images = ["headimg": "https://example.com/a.jpg", "thumbnail": "https://example.com/a.jpg"]
        try index.add(contentsOf: [("with", Article(title: "有图", images: images, body: "正文")),
                                   ("without", Article(title: "无图", body: "正文"))])
        #expect(try index.article(path: "with")?.article.images == images)
        #expect(try index.article(path: "without")?.article.images == [:])
        let shown = try index.pool.write { session -> [String: String] in
            let statement = try session.store.database.prepare("SELECT path, images FROM newsearch_articles")
            var shown: [String: String] = [:]
            while try statement.step() { shown[statement.text(0) ?? ""] = statement.text(1) }
            return shown
        }
        #expect(shown["without"] == "{}")
        let decoded = try JSONSerialization.jsonObject(with: Data((shown["with"] ?? "").utf8)) as? [String: String]
        #expect(decoded == images)
    }

    @Test func readOnlyOpenOfAMissingIndexSaysHowToBuildOne() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/missing.db"
        #expect(throws: StoreError.indexNotFound(path)) { try SearchIndex(path: path, readOnly: true) }
    }
}

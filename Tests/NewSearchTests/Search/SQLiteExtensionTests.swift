import Foundation
import Synchronization
import Testing
@testable import NewSearch

/// The tokenizer, the ranking function and the query language on connections an app owns (issue 9, item 3).
@Suite struct SQLiteExtensionTests {
    @Test func anAppsOwnTableSearchesWithTheQueryLanguageRanked() throws {
        let app = try AppConnection(":memory:")
        try SQLiteExtension.register(on: app.handle)
        try app.rows("CREATE VIRTUAL TABLE story USING fts5(title, body, tokenize = 'newsearch')")
        let stories = [("天气预报", "明天上海市多云，气温回升。"),
                       ("上海市快递员的社会保险", "平台为快递员缴纳社会保险。"),
                       ("社区新闻", "一名快递员说，他在上海没有社会保险。")]
        for (title, body) in stories { try app.rows("INSERT INTO story (title, body) VALUES (?, ?)", title, body) }
        let match = try SQLiteExtension.match("快递员 社会保险")
        let expression = try #require(match.expression)
        let ranked = try app.rows("""
            SELECT title, newsearch_rank(story) AS score FROM story WHERE story MATCH ? ORDER BY score DESC
            """, expression)
        #expect(ranked.map { $0[0] } == ["上海市快递员的社会保险", "社区新闻"])
        // 上海 finds 上海市, and the fold of traditional characters applies to the app's table too.
        let shanghai = try #require(try SQLiteExtension.match("上海").expression)
        #expect(try app.rows("SELECT count(*) FROM story WHERE story MATCH ?", shanghai) == [["3"]])
        let traditional = try #require(try SQLiteExtension.match("社會保險").expression)
        #expect(try app.rows("SELECT count(*) FROM story WHERE story MATCH ?", traditional) == [["2"]])
    }

    /// FTS5's own `highlight()` marks a match by its phrase's positions: on an app's connection the phrase of a
    /// term keeps a token at every position, so the whole term is marked even where pairs stand for characters.
    @Test func fts5sHighlightMarksWholeTermsOnAnAppsTable() throws {
        let app = try AppConnection(":memory:")
        try SQLiteExtension.register(on: app.handle)
        try app.rows("CREATE VIRTUAL TABLE story USING fts5(body, tokenize = 'newsearch')")
        try app.rows("INSERT INTO story (body) VALUES ('习近平主席在2024年谈经济')")
        for (term, marked) in [("习近平", "[习近平]主席在2024年谈经济"), ("经济", "习近平主席在2024年谈[经济]"),
                               ("2024", "习近平主席在[2024]年谈经济"), ("近平主", "习[近平主]席在2024年谈经济"),
                               ("经", "习近平主席在2024年谈[经]济")] {
            let expression = try #require(try SQLiteExtension.match(term).expression)
            #expect(try app.rows("SELECT highlight(story, 0, '[', ']') FROM story WHERE story MATCH ?", expression)
                    == [[marked]], "\(term)")
        }
    }

    @Test func anyUserTextIsAValidExpression() throws {
        let app = try AppConnection(":memory:")
        try SQLiteExtension.register(on: app.handle)
        try app.rows("CREATE VIRTUAL TABLE story USING fts5(title, body, tokenize = 'newsearch')")
        try app.rows("INSERT INTO story (title, body) VALUES ('AND OR NOT', '\"引号\" (括号) NEAR*')")
        for text in ["AND", "\"", "(((", "NEAR(", "title:", "*", "-", "引号\" OR", "body:括号 -x", "author:新华社 引号"] {
            let match = try SQLiteExtension.match(text)
            guard let expression = match.expression else { continue }
            #expect(throws: Never.self, "\(text) → \(expression)") {
                try app.rows("SELECT rowid FROM story WHERE story MATCH ?", expression)
            }
        }
        #expect(try SQLiteExtension.match("author:新华社 引号").warnings.contains { $0.message.contains("author") })
        #expect(try SQLiteExtension.match("，。").expression == nil)
    }

    // MARK: - Outside changes to a newsearch index

    private static func indexWithTwoArticles(_ folder: TemporaryFolder) throws -> (SearchIndex, String) {
        let path = folder.path + "/index.db"
        let index = try SearchIndex(path: path)
        try index.add(Article(title: "外卖骑手的社保", body: "平台为外卖骑手缴纳社会保险。"), path: "app://1")
        try index.add(Article(title: "天气预报", body: "明天多云转晴。"), path: "app://2")
        return (index, path)
    }

    @Test func matchCompilesTheSameFromManyThreadsAtOnce() throws {
        let queries = ["快递员 社会保险", "社會保險 -广告", "iPhone16 OR 华为", "\"上海 市\"", "title:欠薪 2024年"]
        let expected = try queries.map { try SQLiteExtension.match($0) }
        let results = Mutex<[Int: [SQLiteExtension.Match]]>([:])
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            let matches = (0 ..< 40).compactMap { round in try? SQLiteExtension.match(queries[(worker + round) % queries.count]) }
            results.withLock { $0[worker] = matches }
        }
        for (worker, matches) in results.withLock({ $0 }) {
            #expect(matches == (0 ..< 40).map { expected[(worker + $0) % queries.count] })
        }
    }

    @Test func anOutsideDeleteRemovesTheArticlesEntriesSoNoLaterRowInheritsThem() throws {
        let folder = try TemporaryFolder()
        let (index, path) = try Self.indexWithTwoArticles(folder)
        let app = try AppConnection(path)
        try SQLiteExtension.register(on: app.handle)
        #expect(try app.rows("SELECT count(*) FROM newsearch_fts WHERE newsearch_fts MATCH ?",
                             try #require(try SQLiteExtension.match("外卖骑手").expression)) == [["1"]])
        // The bodies are stored compressed; the view and FTS5's own functions read them as text.
        #expect(try app.rows("SELECT body FROM newsearch_articles WHERE path = 'app://2'") == [["明天多云转晴。"]])
        #expect(try app.rows("SELECT highlight(newsearch_fts, 1, '[', ']') FROM newsearch_fts WHERE newsearch_fts MATCH ?",
                             try #require(try SQLiteExtension.match("多云").expression)) == [["明天[多云]转晴。"]])
        try app.rows("DELETE FROM newsearch_documents WHERE path = 'app://2'")
        #expect(try app.rows("SELECT count(*) FROM newsearch_statistics") == [["1"]])
        #expect(try index.search("天气预报").total == 0)
        #expect(try index.count() == 1)
        // The next article takes the freed row id; it must not answer for the deleted article's words.
        try index.add(Article(title: "快递员欠薪", body: "快递员讨薪。"), path: "app://3")
        #expect(try app.rows("SELECT id FROM newsearch_documents WHERE path = 'app://3'") == [["2"]])
        #expect(try index.search("天气预报").total == 0)
        #expect(try index.search("多云").total == 0)
        #expect(try index.search("欠薪").hits.map(\.path) == ["app://3"])
        #expect(try index.search("外卖骑手").hits.map(\.path) == ["app://1"])
    }

    /// An app's connection on an index of an older layout is refused, before any query or delete can use its
    /// old tokens and triggers.
    @Test func registeringOnAnOlderIndexIsRefused() throws {
        let folder = try TemporaryFolder()
        let (_, path) = try Self.indexWithTwoArticles(folder)
        let app = try AppConnection(path)
        try app.rows("UPDATE newsearch_meta SET value = '3' WHERE key = 'schema_version'")
        #expect(throws: StoreError.olderIndex(path)) { try SQLiteExtension.register(on: app.handle) }
        try app.rows("UPDATE newsearch_meta SET value = '\(IndexSchema.version)' WHERE key = 'schema_version'")
        try SQLiteExtension.register(on: app.handle)
    }

    @Test func anInPlaceChangeIsRefusedAndAnUnregisteredDeleteFailsWholly() throws {
        let folder = try TemporaryFolder()
        let (index, path) = try Self.indexWithTwoArticles(folder)
        let registered = try AppConnection(path)
        try SQLiteExtension.register(on: registered.handle)
        #expect { try registered.rows("UPDATE newsearch_documents SET compressed_body = X'00' WHERE path = 'app://1'") } throws: {
            "\($0)".contains("cannot be changed in place")
        }
        // Metadata may change in place: it is not in the FTS5 index.
        try registered.rows("UPDATE newsearch_documents SET author = '新华社' WHERE path = 'app://1'")
        let plain = try AppConnection(path)
        #expect { try plain.rows("DELETE FROM newsearch_documents WHERE path = 'app://1'") } throws: {
            "\($0)".contains("no such tokenizer")
        }
        #expect(try index.count() == 2)
        #expect(try index.search("社会保险").hits.map(\.path) == ["app://1"])
    }
}

#if GRDB
import Foundation
import GRDB
import NewSearch
import NewSearchGRDB
import Testing

/// The GRDB example of the embedding guide, compiled and run: an app's own FTS5 table with the newsearch
/// tokenizer, kept in sync with its content table by GRDB's triggers, searched with the query language, ranked.
@Suite struct GRDBExampleTests {
    /// The app's records.
    struct Story: Codable, FetchableRecord, PersistableRecord {
        var id: Int64?
        var title: String
        var body: String
    }

    private static func makeDatabase(at path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.registerNewSearch()
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.write { db in
            try db.create(table: "story") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
            }
            // External content: the text lives in `story` once; GRDB's triggers keep the index in step with it.
            try db.create(virtualTable: "story_ft", using: FTS5()) { t in
                t.synchronize(withTable: "story")
                t.tokenizer = .newsearch
                t.column("title")
                t.column("body")
            }
        }
        return pool
    }

    @Test func anAppSearchesItsOwnTableWithTheQueryLanguageRanked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-grdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try Self.makeDatabase(at: folder.appendingPathComponent("app.sqlite").path)
        try pool.write { db in
            try Story(id: nil, title: "天气预报", body: "明天上海市多云。").insert(db)
            try Story(id: nil, title: "上海市快递员的社会保险", body: "平台为快递员缴纳社会保险。").insert(db)
            try Story(id: nil, title: "社区新闻", body: "一名快递员说，他在上海没有社会保险。").insert(db)
            try Story(id: nil, title: "廣告", body: "快遞員招聘，社會保險齊全。").insert(db)
        }
        let pattern = try FTS5Pattern(newsearchQuery: "快递员 社会保险 -广告")
        // Readers of the pool are registered too: this read runs on one of them.
        let titles = try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT story.title FROM story JOIN story_ft ON story_ft.rowid = story.id
                WHERE story_ft MATCH ? ORDER BY newsearch_rank(story_ft) DESC
                """, arguments: [pattern])
        }
        #expect(titles == ["上海市快递员的社会保险", "社区新闻"])
        // 上海 finds 上海市 and 上海; deleting a story takes it out of the index (GRDB's triggers).
        let shanghai = try FTS5Pattern(newsearchQuery: "上海")
        #expect(try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM story_ft WHERE story_ft MATCH ?", arguments: [shanghai]) } == 3)
        _ = try pool.write { db in try Story.deleteOne(db, key: 1) }
        #expect(try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM story_ft WHERE story_ft MATCH ?", arguments: [shanghai]) } == 2)
        // Any user text reads as a query: a pattern, or "nothing to match" with a sentence, never a syntax error.
        for text in ["AND", "\"", "title:(", "NEAR(", "-广告", ""] {
            do {
                _ = try FTS5Pattern(newsearchQuery: text, allowedColumns: ["title", "body"])
            } catch let error as NewSearchPatternError {
                #expect(error == .nothingToMatch(query: text))
                #expect(error.description.contains("nothing to match"))
            }
        }
        // A column filter works on a table that has the column, with or without allowedColumns.
        let inTitle = try FTS5Pattern(newsearchQuery: "title:快递员")
        let titled = try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT story.title FROM story JOIN story_ft ON story_ft.rowid = story.id WHERE story_ft MATCH ?
                """, arguments: [inTitle])
        }
        #expect(titled == ["上海市快递员的社会保险"])
        // And is refused with a sentence where the app says its table lacks the column.
        #expect(throws: NewSearchPatternError.unknownColumn("title", columns: ["body"])) {
            try FTS5Pattern(newsearchQuery: "title:快递员", allowedColumns: ["body"])
        }
    }

    @Test func grdbReadsANewsearchIndexAndItsDeletesStayConsistent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-grdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("index.db").path
        let index = try SearchIndex(path: path)
        try index.add(Article(title: "外卖骑手的社保", body: "平台为外卖骑手缴纳社会保险。"), path: "app://1")
        try index.add(Article(title: "天气预报", body: "明天多云转晴。"), path: "app://2")
        var configuration = Configuration()
        configuration.registerNewSearch()
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let pattern = try FTS5Pattern(newsearchQuery: "社会保险")
        let paths = try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.path FROM newsearch_fts JOIN newsearch_documents AS d ON d.id = newsearch_fts.rowid
                WHERE newsearch_fts MATCH ?
                """, arguments: [pattern])
        }
        #expect(paths == ["app://1"])
        // The view of the articles links to the full-text table by its id column (the view has no rowid of its own).
        let titles = try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT a.title FROM newsearch_fts JOIN newsearch_articles AS a ON a.id = newsearch_fts.rowid
                WHERE newsearch_fts MATCH ? ORDER BY newsearch_rank(newsearch_fts) DESC
                """, arguments: [pattern])
        }
        #expect(titles == ["外卖骑手的社保"])
        try queue.write { db in try db.execute(sql: "DELETE FROM newsearch_documents WHERE path = 'app://1'") }
        #expect(try index.search("社会保险").total == 0)
        try index.add(Article(title: "快递员欠薪", body: "快递员讨薪。"), path: "app://3")
        #expect(try index.search("社会保险").total == 0)
        #expect(try index.search("欠薪").hits.map(\.path) == ["app://3"])
    }
}
#endif

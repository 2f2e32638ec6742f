import Foundation
import Testing

/// The loadable SQLite extension, `libnewsearch-sqlite.so`, loaded as programs outside Swift load it: by Debian's
/// Python (`Tests/SQLiteExtension/check_extension.py`) and the sqlite3 shell (issue 25, item 1). Each check is
/// skipped, saying so, where that program is missing.
@Suite struct LoadableExtensionTests {
    static let library = CLI.built("libnewsearch-sqlite.so")
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SQLiteExtension/check_extension.py").path
    static let hasPython = (try? Program.run(["/usr/bin/python3", "-c",
        "import sqlite3; sqlite3.connect(':memory:').enable_load_extension(True)"]).status) == 0
    static let hasShell = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    @Test(.enabled(if: hasPython, "needs Debian's python3 (its sqlite3 module loads extensions)"))
    func pythonLoadsItAndSearchesTablesAndIndexes() throws {
        let cli = try CLI.withIndexedCorpus()
        defer { cli.remove() }
        let result = try Program.run(["/usr/bin/python3", Self.script, Self.library.path,
                                       cli.directory.appendingPathComponent("newsearch.db").path])
        #expect(result.status == 0, "\(result.output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(report["上海"] as? [String] == ["上海市人民政府发布通知"])
        #expect(report["社会保险"] as? [String] == ["提高快递员社會保險水平"])
        #expect(report["integrity-check"] as? String == "ok")
        #expect((report["欠薪"] as? [String])?.contains("000_seed.md") == true)
        #expect(report["failures"] as? [String] == [])
    }

    @Test(.enabled(if: hasShell, "needs the sqlite3 shell (apt-get install sqlite3)"))
    func theShellLoadsItByFileName() throws {
        let cli = try CLI.withIndexedCorpus()
        defer { cli.remove() }
        // `.load` with the file name alone, no suffix and no entry point: SQLite derives both.
        let name = Self.library.deletingPathExtension().path
        let made = try Program.run(["/usr/bin/sqlite3", ":memory:", ".load \(name)", """
            CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'newsearch');
            INSERT INTO t (body) VALUES ('上海市人民政府发布通知'), ('海上风电'), ('提高快递员社會保險水平');
            SELECT body FROM t WHERE t MATCH newsearch_query('上海');
            SELECT body FROM t WHERE t MATCH newsearch_query('社会保险') ORDER BY newsearch_rank(t) DESC;
            """])
        #expect(made.status == 0 && made.output == "上海市人民政府发布通知\n提高快递员社會保險水平\n", "\(made.output)")
        let index = cli.directory.appendingPathComponent("newsearch.db").path
        let built = try Program.run(["/usr/bin/sqlite3", index, ".load \(name)", """
            INSERT INTO newsearch_fts (newsearch_fts, rank) VALUES ('integrity-check', 1);
            SELECT a.path FROM newsearch_fts JOIN newsearch_articles AS a ON a.id = newsearch_fts.rowid
            WHERE newsearch_fts MATCH newsearch_query('欠薪') ORDER BY newsearch_rank(newsearch_fts) DESC LIMIT 1;
            """])
        #expect(built.status == 0 && built.output.hasSuffix("/corpus/000_seed.md\n"), "\(built.output)")
    }

    /// Swift's runtime and Foundation are linked in: the file needs no Swift toolchain where it is loaded.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd"), "needs ldd"))
    func itNeedsNoSwiftRuntime() throws {
        let linked = try Program.run(["/usr/bin/ldd", Self.library.path])
        #expect(linked.status == 0 && linked.output.contains("libsqlite3") && linked.output.contains("libicuuc"),
                "\(linked.output)")
        #expect(!linked.output.contains("libswift") && !linked.output.contains("libFoundation"), "\(linked.output)")
    }
}

// The server's tests: built with the package trait "Server" only, as `newsearch serve` is.
#if Server
import Foundation
import Testing

/// The search page of `newsearch serve` in headless Chromium, driven as a person would use it (issue 13, item 4).
/// Needs Debian's `chromium` and `python3-websocket` (`.ci/run` installs both); skipped, saying so, without them.
@Suite(.serialized, .enabled(if: Chromium.isAvailable, "needs chromium and python3-websocket (apt-get install chromium python3-websocket fonts-noto-cjk)"))
struct BrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Browser/check_page.py").path

    /// What `check_page.py` reported of the page at `path`.
    private static func page(_ server: Server, _ path: String, screenshot: String, click: Bool = false,
                             start: Bool = false, phone: Bool = false, openFirst: Bool = false) throws -> [String: Any] {
        let result = try Program.run(["/usr/bin/python3", script, "http://127.0.0.1:\(server.port)\(path)", screenshot]
                                      + (click ? ["--click-facet"] : []) + (start ? ["--start"] : [])
                                      + (phone ? ["--phone"] : []) + (openFirst ? ["--open-first"] : []))
        #expect(result.status == 0, "\(result.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test func thePageShowsHitsAndAFacetClickFilters() throws {
        let cli = try CLI.withIndexedCorpus()
        defer { cli.remove() }
        let server = try Server(cli: cli, arguments: [])
        defer { server.stop() }
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-search-page.png").path
        let seed = try Self.page(server, "/?q=%E6%AC%A0%E8%96%AA", screenshot: screenshot)
        #expect(seed["loaded"] as? Bool == true)
        #expect((seed["titles"] as? [String])?.contains("上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板") == true)
        #expect((seed["marks"] as? Int ?? 0) > 0, "matches are highlighted")
        // Numbered pages: 经济 has 65 hits in corpus/, seven pages of ten; the third page is current at offset 20.
        let paged = try Self.page(server, "/?q=%E7%BB%8F%E6%B5%8E&offset=20", screenshot: screenshot)
        #expect(paged["pages"] as? [String] == ["上一页", "1", "2", "3", "4", "5", "…", "7", "下一页"], "\(paged)")
        #expect(paged["current_page"] as? String == "3")
        let clicked = try Self.page(server, "/?q=%E7%BB%8F%E6%B5%8E", screenshot: screenshot, click: true)
        let before = try #require(clicked["total"] as? Int), after = try #require(clicked["total_after_click"] as? Int)
        #expect(clicked["changed"] as? Bool == true && after < before, "\(clicked)")
        #expect((clicked["url_after_click"] as? String)?.contains("category=") == true, "the URL keeps the filter")
        print("search page screenshot: \(screenshot)")
    }

    /// A hit's title is a real link to the article's own page, its terms marked; Back returns to the results.
    @Test func aHitOpensItsArticleAtItsOwnURLAndBackReturns() async throws {
        let cli = try CLI.withIndexedCorpus()
        defer { cli.remove() }
        let server = try Server(cli: cli, arguments: [])
        defer { server.stop() }
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-article.png").path
        let query = "%E5%BF%AB%E9%80%92%E5%91%98%20%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9"  // 快递员 社会保险
        let shown = try Self.page(server, "/?q=\(query)&offset=0", screenshot: screenshot, openFirst: true)
        let href = try #require(shown["first_href"] as? String)
        #expect(href.hasPrefix("/articles/") && href.hasSuffix("?q=\(query)"), "\(shown)")
        #expect(shown["opened"] as? Bool == true && (shown["article_url"] as? String)?.hasSuffix(href) == true, "\(shown)")
        #expect(shown["article_title"] as? String == "上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板")
        let marks = try #require(shown["article_marks"] as? [String])
        #expect(marks.contains("快递员") && marks.contains { $0.contains("社会保险") }, "\(marks)")
        #expect(shown["back"] as? Bool == true, "\(shown)")
        let back = try #require((shown["url_after_back"] as? String).flatMap(URLComponents.init(string:)))
        #expect(back.path == "/" && back.queryItems?.first { $0.name == "q" }?.value?
                    .replacingOccurrences(of: "+", with: " ") == "快递员 社会保险", "\(shown)")
        #expect((shown["titles_after_back"] as? [String])?.first == shown["article_title"] as? String)
        // The article's URL stands on its own: opened afresh (a bookmark), it shows the same article, marked.
        let (page, status) = try await server.get(href)
        #expect(status == 200 && String(decoding: page, as: UTF8.self).contains("<mark>快递员</mark>"))
        print("article screenshot: \(screenshot)")
    }

    /// At a phone's size the facets fold away behind one button, and the first hit shows without scrolling.
    @Test func onAPhoneTheFirstHitShowsWithoutScrolling() throws {
        let cli = try CLI.withIndexedCorpus()
        defer { cli.remove() }
        let server = try Server(cli: cli, arguments: [])
        defer { server.stop() }
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-phone.png").path
        let shown = try Self.page(server, "/?q=%E7%BB%8F%E6%B5%8E", screenshot: screenshot, phone: true)
        let top = try #require(shown["first_hit_top"] as? Double), height = try #require(shown["viewport_height"] as? Double)
        #expect(top < height / 2, "the first hit begins at \(top) of \(height)")
        #expect(shown["facets_shown"] as? Bool == false && shown["facets_after_toggle"] as? Bool == true, "\(shown)")
        print("phone screenshot: \(screenshot)")
    }

    /// The start page says what is indexed and offers queries to try; "/" puts the cursor in the search box.
    @Test func theStartPageSaysWhatIsIndexed() throws {
        let cli = try CLI.withIndexedCorpus()
        defer { cli.remove() }
        let server = try Server(cli: cli, arguments: [])
        defer { server.stop() }
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-start-page.png").path
        let start = try Self.page(server, "/", screenshot: screenshot, start: true)
        #expect(start["shown"] as? Bool == true, "\(start)")
        let status = try #require(start["status"] as? String)
        #expect(status.hasPrefix("共 291 篇文章") && status.contains(" 至 ") && status.contains("更新于"), "\(status)")
        #expect((start["examples"] as? [String])?.contains("快递员 社会保险") == true)
        #expect(start["focused"] as? String == "q" && start["typed"] as? String == "", "\(start)")
        print("start page screenshot: \(screenshot)")
    }

    @Test func articleTextIsShownAsTextNeverAsHTML() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let news = cli.directory.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        let hostile = "<img src=x onerror=alert(1)>"
        try Data("---\ntitle: '\(hostile) 欠薪'\n---\n<p>&lt;script&gt;alert(2)&lt;/script&gt; 欠薪问题</p>\n".utf8)
            .write(to: news.appendingPathComponent("xss.md"))
        #expect(try cli.run("index", "news").status == 0)
        let server = try Server(cli: cli, arguments: [])
        defer { server.stop() }
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-xss.png").path
        let shown = try Self.page(server, "/?q=%E6%AC%A0%E8%96%AA", screenshot: screenshot)
        #expect((shown["titles"] as? [String])?.first?.hasPrefix(hostile) == true, "\(shown)")
        #expect((shown["title_html"] as? [String])?.first?.hasPrefix("&lt;img") == true, "\(shown)")
        #expect(shown["images"] as? Int == 0)
    }
}

/// Debian's Chromium and the Python DevTools client the page checks run on.
enum Chromium {
    static let isAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return false }
        return (try? Program.run(["/usr/bin/python3", "-c", "import websocket"]).status) == 0
    }()

}
#endif

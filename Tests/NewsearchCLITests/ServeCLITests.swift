// The server's tests: built with the package trait "Server" only, as `newsearch serve` is.
#if Server
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `newsearch serve` answered over real HTTP on a free loopback port (issue 13, items 2 and 4).
@Suite(.serialized) final class ServeCLITests {
    private let cli: CLI
    private let server: Server

    init() throws {
        cli = try CLI.withIndexedCorpus()
        server = try Server(cli: cli, arguments: [])
    }

    deinit {
        server.stop()
        cli.remove()
    }

    private func object(_ path: String) async throws -> (status: Int, json: [String: Any]) {
        let (data, status) = try await server.get(path)
        return (status, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path)"))
    }

    @Test func searchAnswersAsQueryJSONDoes() async throws {
        let (status, json) = try await object("/api/search?q=%E6%AC%A0%E8%96%AA&limit=3")
        #expect(status == 200)
        let cliJSON = try #require(try JSONSerialization.jsonObject(
            with: Data(try cli.run("query", "欠薪", "--json", "--limit", "3").stdout.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == cliJSON["total"] as? Int)
        let hits = try #require(json["hits"] as? [[String: Any]])
        let cliHits = try #require(cliJSON["hits"] as? [[String: Any]])
        #expect(hits.map { $0["title"] as? String } == cliHits.map { $0["title"] as? String })
        #expect(Set(json.keys) == Set(cliJSON.keys))
        #expect(hits.first?["title"] as? String == "上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板")
        // A form's + is a space: two terms, as the CLI reads them.
        let spaced = try await object("/api/search?q=%E5%BF%AB%E9%80%92%E5%91%98+%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9")
        #expect((spaced.json["total"] as? Int ?? 0) > 0)
    }

    /// A category narrows the whole query, a top-level OR included (written beside it in the query text, as the
    /// page did, it fell into the OR's last group and was ignored); a category or a date range alone searches too.
    @Test func aCategoryNarrowsTheWholeQuery() async throws {
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
        let all = try await object("/api/search?q=\(encoded("上海 OR 北京"))&limit=50&facets=category")
        let category = try #require((all.json["facets"] as? [String: [[String: Any]]])?["category"]?.first?["value"] as? String)
        let narrowed = try await object("/api/search?q=\(encoded("上海 OR 北京"))&category=\(encoded(category))&limit=50")
        #expect(narrowed.status == 200)
        let total = try #require(narrowed.json["total"] as? Int)
        #expect(total > 0 && total < (all.json["total"] as? Int ?? 0))
        #expect((narrowed.json["hits"] as? [[String: Any]] ?? []).allSatisfy {
            ($0["categories"] as? [String] ?? []).contains { $0.contains(category) }
        })
        #expect(narrowed.json["query"] as? String == "上海 OR 北京")
        let alone = try await object("/api/search?category=\(encoded(category))")
        #expect(alone.status == 200 && (alone.json["total"] as? Int ?? 0) >= total)
        #expect(try await object("/api/search?since=2022&until=2022").status == 200)
    }

    @Test func facetsSortAndPagesAreParameters() async throws {
        let (_, json) = try await object("/api/search?q=%E7%BB%8F%E6%B5%8E&facets=category,year&sort=date&limit=2&offset=1")
        let facets = try #require(json["facets"] as? [String: [[String: Any]]])
        #expect(facets["year"]?.isEmpty == false && facets["category"]?.isEmpty == false)
        let dates = (json["hits"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(by: >) && dates.count == 2)
    }

    @Test(arguments: [
        ("/api/search", "q"), ("/api/search?q=x&limit=0", "limit"), ("/api/search?q=x&limit=abc", "limit"),
        ("/api/search?q=x&offset=-1", "offset"), ("/api/search?q=x&sort=best", "sort"),
        ("/api/search?q=x&facets=author", "facets"), ("/api/search?q=x&since=2023&until=2021", "since"),
        ("/api/search?q=x&since=yesterday", "since"),
    ])
    func badParametersAnswer400NamingTheParameter(path: String, parameter: String) async throws {
        let (status, json) = try await object(path)
        #expect(status == 400)
        #expect(json["parameter"] as? String == parameter, "\(json)")
        #expect((json["error"] as? String)?.isEmpty == false)
    }

    @Test func anOverlongQueryIs400AndHostileQueriesAnswer() async throws {
        let long = String(repeating: "%E6%AC%A0", count: 2000)
        #expect(try await object("/api/search?q=\(long)").status == 400)
        for hostile in ["%22", "(((", "AND%20OR%20NOT", "title%3A", "-", "%27%3B%20DROP%20TABLE%20newsearch_documents%3B--",
                        "NEAR(%E6%AC%A0", "%00", "*", "date%3A2022..2021"] {
            let (status, json) = try await object("/api/search?q=\(hostile)")
            #expect(status == 200 && json["total"] is Int, "\(hostile)")
        }
        #expect(try await object("/api/stats").json["articles"] as? Int == 291)
    }

    @Test func documentsAreReadByTheirHitIDAndNothingElse() async throws {
        let (_, json) = try await object("/api/search?q=%E6%AC%A0%E8%96%AA&limit=1")
        let hit = try #require((json["hits"] as? [[String: Any]])?.first)
        let path = try #require(hit["path"] as? String), id = try #require(hit["id"] as? Int)
        // The server runs in another folder than the corpus's: paths are shown relative to the indexed folder,
        // never as the server's own absolute paths.
        #expect(path == "000_seed.md")
        let many = try await object("/api/search?q=%E7%BB%8F%E6%B5%8E&limit=50")
        let paths = (many.json["hits"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(!paths.isEmpty && paths.allSatisfy { !$0.hasPrefix("/") }, "\(paths)")
        let document = try await object("/api/documents/\(id)")
        #expect(document.status == 200)
        #expect(document.json["id"] as? Int == id && document.json["path"] as? String == path)
        #expect(document.json["title"] as? String == "上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板")
        let body = try #require(document.json["body"] as? String)
        #expect(body.contains("欠薪") && document.json["highlights"] == nil)
        // With q, the query's terms are marked in the whole body, in code points as in hits.
        let marked = try await object("/api/documents/\(id)?q=%E6%AC%A0%E8%96%AA")
        let spans = try #require((marked.json["highlights"] as? [String: Any])?["body"] as? [[Int]])
        let scalars = Array(body.unicodeScalars)
        #expect(!spans.isEmpty && spans.allSatisfy { String(String.UnicodeScalarView(scalars[$0[0] ..< $0[1]])) == "欠薪" })
        #expect(spans.count == body.components(separatedBy: "欠薪").count - 1)
        for missing in ["000_seed.md", "0", "-1", "99999999", "1e3", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                        "99999999999999999999999"] {
            #expect(try await server.get("/api/documents/\(missing)").1 == 404, "\(missing)")
            #expect(try await server.get("/articles/\(missing)").1 == 404, "\(missing)")
        }
        let (health, status) = try await server.get("/healthz")
        #expect(status == 200 && String(decoding: health, as: UTF8.self) == "ok\n")
    }

    @Test func anArticleHasAPageOfItsOwnWithTheTermsMarked() async throws {
        let (_, json) = try await object("/api/search?q=%E5%BF%AB%E9%80%92%E5%91%98%20%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9&limit=1")
        let id = try #require((json["hits"] as? [[String: Any]])?.first?["id"] as? Int)
        let (page, status) = try await server.get("/articles/\(id)?q=%E5%BF%AB%E9%80%92%E5%91%98%20%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9")
        let html = String(decoding: page, as: UTF8.self)
        #expect(status == 200)
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<mark>快递员</mark>") && html.contains("<mark>快递员社会保险</mark>"))  // adjacent marks merge
        #expect(html.contains("href=\"/?q=%E5%BF%AB%E9%80%92%E5%91%98%20%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9\""))
        // Without q nothing is marked; a query's markup comes back escaped.
        let plain = String(decoding: try await server.get("/articles/\(id)").0, as: UTF8.self)
        #expect(!plain.contains("<mark>") && plain.contains("快递员"))
        let hostile = String(decoding: try await server.get("/articles/\(id)?q=%3Cscript%3E%22").0, as: UTF8.self)
        #expect(!hostile.contains("<script>\"") && hostile.contains("href=\"/?q=%3Cscript%3E%22\""))
    }

    @Test func theAccessLogHasALinePerRequestAndSIGTERMStopsItCleanly() async throws {
        let own = try Server(cli: cli, arguments: [])
        _ = try await own.get("/healthz")
        _ = try await own.get("/api/search?q=x")
        let status = own.stop()
        #expect(status == 0)
        let log = own.standardError()
        #expect(log.contains("/healthz") && log.contains("/api/search"), "\(log)")
    }
}

/// A `newsearch serve --port 0` process and the port it bound.
final class Server: @unchecked Sendable {
    let process: Process
    let port: Int
    private let errors = Pipe()
    private var collected = Data()

    init(cli: CLI, arguments: [String]) throws {
        process = cli.process(["serve", "--port", "0"] + arguments)
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var port = 0
        let deadline = Date().addingTimeInterval(30)
        while port == 0, Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            collected.append(chunk)
            let text = String(decoding: collected, as: UTF8.self)
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last ?? "") ?? 0
            }
        }
        self.port = port
        guard port > 0 else {
            process.terminate()
            throw CLIFailure(message: "serve did not start: \(String(decoding: collected, as: UTF8.self))")
        }
    }

    struct CLIFailure: Error { var message: String }

    /// GET `path`: the body and the status.
    func get(_ path: String) async throws -> (Data, Int) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"), "\(path)")
        let (data, response) = try await URLSession.shared.data(from: url)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// Sends SIGTERM and waits: the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What the server wrote on standard error, once it stopped.
    func standardError() -> String {
        collected.append(errors.fileHandleForReading.readDataToEndOfFile())
        return String(decoding: collected, as: UTF8.self)
    }
}
#endif

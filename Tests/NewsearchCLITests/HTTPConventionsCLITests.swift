// The server's tests: built with the package trait "Server" only, as `newsearch serve` is.
#if Server
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `newsearch serve`'s HTTP conventions: HEAD, 405 with Allow, JSON 400s for refused queries, the access log.
@Suite(.serialized) final class HTTPConventionsCLITests {
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

    /// `method` on `path`: the body, the status and the headers.
    private func send(_ method: String, _ path: String, on server: Server? = nil)
        async throws -> (data: Data, status: Int, headers: [AnyHashable: Any]) {
        let port = (server ?? self.server).port
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.httpMethod = method
        if method == "POST" || method == "PUT" { request.httpBody = Data("q=x".utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (data, http?.statusCode ?? 0, http?.allHeaderFields ?? [:])
    }

    private func header(_ name: String, _ headers: [AnyHashable: Any]) -> String? {
        headers.first { ($0.key as? String)?.lowercased() == name.lowercased() }?.value as? String
    }

    @Test(arguments: ["/", "/healthz", "/api/stats", "/api/search?q=%E6%AC%A0%E8%96%AA"])
    func headAnswersAsGetWithoutABody(path: String) async throws {
        let get = try await send("GET", path)
        let head = try await send("HEAD", path)
        #expect(head.status == 200 && get.status == 200)
        #expect(head.data.isEmpty)
        #expect(header("Content-Type", head.headers) == header("Content-Type", get.headers))
        let length = try #require(header("Content-Length", head.headers).flatMap { Int($0) }, "\(head.headers)")
        if path.contains("search") {
            // A search's answer carries its time in milliseconds, which may differ by a digit between the two.
            #expect(abs(length - get.data.count) <= 3, "\(length) \(get.data.count)")
        } else {
            #expect(length == get.data.count)
        }
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH"])
    func otherMethodsAnswer405WithAllow(method: String) async throws {
        for path in ["/api/search", "/", "/healthz"] {
            let answer = try await send(method, path)
            #expect(answer.status == 405, "\(method) \(path)")
            #expect(header("Allow", answer.headers) == "GET, HEAD", "\(answer.headers)")
            let json = try JSONSerialization.jsonObject(with: answer.data) as? [String: Any]
            #expect((json?["error"] as? String)?.isEmpty == false)
        }
    }

    @Test(arguments: ["/api/search?q=", "/api/search?q=+++", "/api/search?q=%20%0A"])
    func anEmptyQueryIsAJSON400(path: String) async throws {
        let answer = try await send("GET", path)
        #expect(answer.status == 400)
        let json = try #require(try JSONSerialization.jsonObject(with: answer.data) as? [String: Any])
        #expect(json["parameter"] as? String == "q")
        #expect((json["error"] as? String)?.contains("empty") == true, "\(json)")
    }

    @Test(arguments: [5000, 100_000])
    func aQueryOver4KBIsAJSON400(bytes: Int) async throws {
        let overLimit = try await send("GET", "/api/search?q=" + String(repeating: "a", count: bytes))
        #expect(overLimit.status == 400)
        let json = try #require(try JSONSerialization.jsonObject(with: overLimit.data) as? [String: Any])
        #expect(json["parameter"] as? String == "q" && (json["error"] as? String)?.contains("4096") == true)
    }

    @Test func aRequestHeadPast128KBIsABare400() async throws {
        // The HTTP parser refuses it before any route sees it (README: serve).
        let huge = try await send("GET", "/api/search?q=" + String(repeating: "a", count: 200_000))
        #expect(huge.status == 400)
    }

    @Test func theAccessLogHasStatusDurationAndBytesAndCutsLongPaths() async throws {
        let own = try Server(cli: cli, arguments: [])
        _ = try await send("GET", "/api/search?q=x", on: own)
        _ = try await send("GET", "/api/search?q=", on: own)
        _ = try await send("GET", "/api/search?q=" + String(repeating: "b", count: 5000), on: own)
        _ = try await send("HEAD", "/healthz", on: own)
        _ = try await send("POST", "/api/search", on: own)
        _ = try await send("GET", "/nothing", on: own)
        #expect(own.stop() == 0)
        let lines = own.standardError().split(separator: "\n").map(String.init)
        func line(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
        let pattern = #" \d{3} \d+\.\dms (\d+B|-)$"#
        for (prefix, status) in [("GET /api/search?q=x ", 200), ("GET /api/search?q= ", 400), ("GET /api/search?q=bbb", 400),
                                 ("HEAD /healthz ", 200), ("POST /api/search ", 405), ("GET /nothing ", 404)] {
            let found = try #require(line(prefix), "\(prefix) in \(lines)")
            #expect(found.contains(" \(status) "), "\(found)")
            #expect(found.range(of: pattern, options: .regularExpression) != nil, "\(found)")
        }
        #expect(line("GET /api/search?q=x ")?.range(of: #" [1-9]\d*B$"#, options: .regularExpression) != nil)
        #expect(lines.allSatisfy { $0.count < 400 }, "a line over 400 characters")
    }
}
#endif

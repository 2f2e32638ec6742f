// Built with the package trait "Server" only: `newsearch serve` and what it alone uses (Hummingbird, SwiftNIO).
#if Server
import Foundation
import Hummingbird
import Logging
import NewSearch

/// `newsearch serve`: the JSON API and the search page over one shared, read-only ``SearchIndex``.
struct SearchServer: Sendable {
    /// The longest query text accepted, in UTF-8 bytes; a longer one answers 400.
    static let maximumQueryBytes = 4096
    /// The most hits one request may ask for.
    static let maximumLimit = 1000

    /// How long a connection may stay silent: one that has not sent a whole request head this long after it opened
    /// (or after its last answer) is closed, so a client that sends its headers a byte at a time holds no
    /// connection longer than this.
    static let idleTimeoutSeconds: Int64 = 30
    /// The most connections open at once; past it, new ones wait in the listen backlog until one closes.
    static let maximumConnections = 512
    /// The largest request line or header block the HTTP parser reads (Hummingbird's default is 80 KB); a request
    /// past it is answered with a bare 400 by the parser, before any route sees it. Under it, a query past
    /// ``maximumQueryBytes`` gets the API's JSON 400.
    static let maximumRequestHeadBytes = 128 * 1024

    let index: SearchIndex
    let host: String
    let port: Int
    /// The folder every indexed file lies under (``IndexInfo/folder``): hits and articles show their paths relative
    /// to it, never the server's own file layout, whatever folder the server was started in.
    let folder: String?

    /// A stored path as the API shows it: relative to ``folder`` when under it; an app's key as it is.
    func shown(_ path: String) -> String {
        guard let folder, path != folder else { return path }
        return DisplayPath.relative(path, under: [folder])
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight. Once it accepts connections it says
    /// where on standard error: `newsearch serve: listening on http://127.0.0.1:8080 (Ctrl-C stops)`.
    func run() async throws {
        let host = host
        let logger = Logger(label: "newsearch.serve")
        // The conventions wrap the router, not its routes: a HEAD must become a GET before a route is looked up.
        let routes = router().buildResponder()
        let conventions = HTTPConventionsMiddleware<BasicRequestContext>()
        let responder = CallbackResponder<BasicRequestContext> { request, context in
            try await conventions.handle(request, context: context) { try await routes.respond(to: $0, context: $1) }
        }
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(
                idleTimeout: .seconds(Self.idleTimeoutSeconds),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: Self.maximumRequestHeadBytes,
                                                maxHeaderListSize: Self.maximumRequestHeadBytes))),
            configuration: .init(address: .hostname(host, port: port), serverName: "newsearch",
                                 availableConnectionsDelegate: .maximum(Self.maximumConnections, logger: logger)),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                Terminal.printError("newsearch serve: listening on http://\(host):\(bound) (Ctrl-C stops)")
            },
            logger: logger)
        try await app.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in Self.html(SearchPage.html) }
        router.get("/healthz") { _, _ in Self.response("ok\n", type: "text/plain; charset=utf-8") }
        router.get("/api/stats") { _, _ in Self.json(try IndexInfoText.json(try await index.info())) }
        router.get("/api/search") { request, _ in try await search(request) }
        router.get("/api/documents/:id") { request, context in
            try await document(context.parameters.get("id") ?? "", query: Self.parameters(request.uri.query)["q"])
        }
        router.get("/articles/:id") { request, context in
            try await articlePage(context.parameters.get("id") ?? "", query: Self.parameters(request.uri.query)["q"])
        }
        return router
    }

    private func search(_ request: Request) async throws -> Response {
        let parameters = Self.parameters(request.uri.query)
        do {
            // A category or a date range alone is a search too: every article in it.
            let category = parameters["category"]
            let narrows = category != nil || parameters["since"] != nil || parameters["until"] != nil
            guard let query = parameters["q"] ?? (narrows ? "" : nil) else {
                throw SearchParameters.Invalid(name: "q", description: "q is missing: /api/search?q=欠薪")
            }
            guard narrows || !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw SearchParameters.Invalid(name: "q", description: "q is empty: give words to search for, as in /api/search?q=欠薪")
            }
            guard query.utf8.count <= Self.maximumQueryBytes else {
                throw SearchParameters.Invalid(name: "q", description: "q is longer than \(Self.maximumQueryBytes) bytes: shorten the query")
            }
            let options = try Self.options(parameters)
            // A category narrows the whole query, in parentheses after a top-level OR (written beside it, it fell
            // into the OR's last group and was ignored).
            let text = try category.map { try SearchParameters.query(query, inCategory: $0, name: "category").text } ?? query
            var results = try await index.search(text, options: options)
            results.query = query
            return Self.json(try QueryJSON.encode(results, displayPath: shown))
        } catch let invalid as SearchParameters.Invalid {
            return Self.json(try JSONLine.encode(["error": invalid.description, "parameter": invalid.name]), status: .badRequest)
        }
    }

    /// The parameters of a query string as a form sends them: `+` for a space, `%XX` escapes; the first of a
    /// repeated name wins.
    static func parameters(_ query: String?) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decoded(parts[0])
            if parameters[name] == nil { parameters[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return parameters
    }

    /// The search options the parameters ask for.
    private static func options(_ parameters: [String: String]) throws -> SearchOptions {
        func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
            guard let text = parameters[name] else { return value }
            guard let number = Int(text), range.contains(number) else {
                throw SearchParameters.Invalid(name: name, description: "\(name) must be a whole number from "
                                               + "\(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
            }
            return number
        }
        let sortText = parameters["sort"] ?? "relevance"
        guard let sort = SearchOptions.Sort(rawValue: sortText) else {
            throw SearchParameters.Invalid(name: "sort", description: "sort is relevance or date, not \"\(sortText)\"")
        }
        var options = SearchOptions(
            limit: try integer("limit", default: 10, in: 1 ... maximumLimit),
            offset: try integer("offset", default: 0, in: 0 ... 1_000_000), sort: sort,
            snippetLength: try integer("snippet_length", default: 80, in: 1 ... 1000),
            dates: try SearchParameters.dates(since: parameters["since"], until: parameters["until"],
                                              names: ("since", "until")),
            facets: try SearchParameters.facets(parameters["facets"], name: "facets"))
        options.exactTotal = try integer("exact_total", default: 0, in: 0 ... 1) == 1
        return options
    }

    /// One stored article by its id (a hit's `id`), as JSON; with `q`, the query's terms marked in it.
    private func document(_ id: String, query: String?) async throws -> Response {
        guard let stored = try await article(id) else {
            return Self.json(try JSONLine.encode(["error": "no article has the id \(id): articles are addressed by the id "
                                                  + "their hits give, as in /api/documents/42"]), status: .notFound)
        }
        var marks: (title: HighlightedText, body: HighlightedText)?
        if let query { marks = try await marked(stored, query: query) }
        return Self.json(try DocumentJSON.encode(stored, path: shown(stored.path), marked: marks))
    }

    /// The page of one article by its id, the terms of `q` in `<mark>`.
    private func articlePage(_ id: String, query: String?) async throws -> Response {
        guard let stored = try await article(id) else {
            return Self.html(ArticlePage.missing(id), status: .notFound)
        }
        let marked = try await marked(stored, query: query ?? "")
        return Self.html(ArticlePage.html(stored, path: shown(stored.path), marked: marked, query: query))
    }

    /// The article whose id is `id` as a URL gives it, or nil when it is no id or no article has it.
    private func article(_ id: String) async throws -> IndexedArticle? {
        guard let number = Int64(id), number > 0, id.utf8.count < 20 else { return nil }
        return try await index.article(id: number)
    }

    /// The article's title and body with the terms of `query` marked (a query too long to read marks nothing).
    private func marked(_ stored: IndexedArticle, query: String) async throws -> (title: HighlightedText, body: HighlightedText) {
        let query = query.utf8.count <= Self.maximumQueryBytes ? query : ""
        return (try await index.highlighted(stored.article.title, query: query),
                try await index.highlighted(stored.article.body, query: query))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        response(text, type: "application/json; charset=utf-8", status: status)
    }

    private static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        response(text, type: "text/html; charset=utf-8", status: status)
    }

    private static func response(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
#endif

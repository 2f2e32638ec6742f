// Built with the package trait "Server" only: `newsearch serve` and what it alone uses (Hummingbird, SwiftNIO).
#if Server
import Foundation
import Hummingbird
import NewSearch

/// The HTTP conventions every route of `newsearch serve` keeps, and its access log:
///
/// - `HEAD` answers as `GET` would, with the same status and headers (`Content-Length` included) and no body;
/// - any other method than `GET` or `HEAD` answers 405 with `Allow: GET, HEAD` (every resource is read-only);
/// - one line per request on standard error: method, path (cut to ``maximumLoggedPath`` characters), status,
///   duration in milliseconds and bytes of the body, e.g. `GET /api/search?q=x 200 3.1ms 512B`.
struct HTTPConventionsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The longest path (with its query) an access-log line shows; a longer one ends in `…`.
    static var maximumLoggedPath: Int { 200 }
    static var allowed: String { "GET, HEAD" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        var bytes: Int?
        defer {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000
                + Double(elapsed.components.attoseconds) / 1e15
            Self.log(method: request.method.rawValue, path: request.head.path ?? "", status: status,
                     milliseconds: milliseconds, bytes: bytes)
        }
        do {
            let response: Response
            switch request.method {
            case .get:
                response = try await next(request, context)
            case .head:
                var head = request.head
                head.method = .get
                let answer = try await next(Request(head: head, body: request.body), context)
                // The headers GET would send (its Content-Length too), without the body.
                response = Response(status: answer.status, headers: answer.headers, body: ResponseBody())
                bytes = 0
            default:
                let message = "\(request.method.rawValue) is not allowed here: every resource answers \(Self.allowed) only."
                var refusal = SearchServer.json(try JSONLine.encode(["error": message]), status: .methodNotAllowed)
                refusal.headers[.allow] = Self.allowed
                response = refusal
            }
            status = response.status.code
            if bytes == nil { bytes = response.body.contentLength }
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }

    /// Writes one access-log line to standard error.
    static func log(method: String, path: String, status: Int, milliseconds: Double, bytes: Int?) {
        var shown = path
        if shown.count > maximumLoggedPath { shown = String(shown.prefix(maximumLoggedPath)) + "…" }
        // Control characters would forge or break lines: show them escaped.
        shown = FileName.escapingControlCharacters(in: shown)
        let size = bytes.map { "\($0)B" } ?? "-"
        Terminal.printError("\(method) \(shown) \(status) \(String(format: "%.1f", milliseconds))ms \(size)")
    }
}
#endif

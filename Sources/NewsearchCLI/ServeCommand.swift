// Built with the package trait "Server" only: `newsearch serve` and what it alone uses (Hummingbird, SwiftNIO).
#if Server
import ArgumentParser
import Foundation
import Logging
import NewSearch
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the index over HTTP: a JSON API and a search page.",
        discussion: """
            Opens the index read-only and answers on http://HOST:PORT until interrupted (Ctrl-C or SIGTERM end \
            it gracefully, after the requests in flight):

              /                       the search page (/?q=欠薪 opens with results)
              /api/search?q=…         the same JSON object as query --json; also limit, offset, sort \
            (relevance or date), since, until (2022, 2022-03, 2022-03-15), category (narrows the whole query), \
            facets (category,year) and exact_total (1: the exact number of hits past 10,000)
              /articles/ID?q=…        one article's page, the terms of q marked (ID: a hit's "id")
              /api/documents/ID?q=…   one article as JSON: title, metadata, body text, and with q the             highlights of its terms (404 if no article has the id)
              /api/stats              what stats --json prints
              /healthz                ok

            A bad parameter, an empty q or one over 4 KB answers 400 with {"error": …, "parameter": …}. HEAD \
            answers as GET without a body; other methods answer 405 (Allow: GET, HEAD). A connection silent for \
            30 s is closed; at most 512 are open at once. One access-log line per request goes to standard \
            error: method, path, status, duration (ms) and body bytes. It listens on 127.0.0.1 only unless \
            --host says otherwise; --port 0 takes a free port, printed at start.

              newsearch serve
              newsearch serve --index /srv/news.db --host 0.0.0.0 --port 8080
            """
    )

    @OptionGroup var location: IndexLocation

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 for every interface.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port; 0 for any free one.")
    var port = 8080

    func validate() throws {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port).") }
    }

    func run() throws {
        let index = try SearchIndex(path: location.path, readOnly: true)
        if let warning = index.analysisWarning { Terminal.printWarning(warning) }
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let server = SearchServer(index: index, host: host, port: port, folder: try index.info().folder)
        // The server runs on Swift's concurrency threads; this thread waits for it to stop.
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Task {
            do { try await server.run() } catch { failure.withLock { $0 = error } }
            finished.signal()
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
#endif

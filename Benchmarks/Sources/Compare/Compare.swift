import BenchmarkSupport
import Dispatch
import Foundation
import NewSearch
import Synchronization

/// newsearch side by side with SQLite FTS5's own `unicode61` and `trigram` tokenizers, in one run.
///
///     swift run -c release compare [CORPUS_DIR]        (from Benchmarks/)
///
/// The text of every article is extracted once (ArticleParser, on all cores); the three engines then index the
/// same text, one after the other, into new files, and answer the same queries, their runs interleaved so that
/// the machine's drift hits all three alike. The corpus defaults to `../../shared/corpus` from the Benchmarks
/// folder (the project's 19,880-article test corpus); without it the run is skipped. `COMPARE_REPETITIONS` sets
/// the runs per query and engine (default 100), `COMPARE_INDEX_ROUNDS` how often each engine indexes the corpus
/// (default 3, rounds interleaved, the median round reported). After the query classes, every one of the
/// `typicalQueries` runs as a search with each engine, `COMPARE_TYPICAL_REPETITIONS` times (default 20), for
/// the median and p99 over typical queries.
@main
enum Compare {
    /// The query classes, as in the benchmark suite.
    static let queries: [(label: String, query: String)] = queryClasses.map { ($0.name, $0.query) }

    static let clock = ContinuousClock()

    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.contains("-h") || arguments.contains("--help") {
            print("""
                usage: compare [CORPUS_DIR]   (default: ../../shared/corpus from the Benchmarks folder)
                environment: COMPARE_REPETITIONS=N   runs per query and engine (default 100)
                             COMPARE_INDEX_ROUNDS=N  times each engine indexes the corpus (default 3, median shown)
                             COMPARE_TYPICAL_REPETITIONS=N  search runs per typical query and engine (default 20)
                """)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let repetitions = max(1, Int(environment["COMPARE_REPETITIONS"] ?? "") ?? 100)
        let indexRounds = max(1, Int(environment["COMPARE_INDEX_ROUNDS"] ?? "") ?? 3)
        let typicalRepetitions = max(1, Int(environment["COMPARE_TYPICAL_REPETITIONS"] ?? "") ?? 20)
        // This file is <clone>/Benchmarks/Sources/Compare/Compare.swift.
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 3 { package.deleteLastPathComponent() }
        let besidePackage = package.appendingPathComponent("../../shared/corpus").standardizedFileURL.path
        let candidates = arguments.first.map { [$0] } ?? ["../../shared/corpus", besidePackage]
        guard let corpus = ArticleFiles.firstDirectory(candidates) else {
            print("skipped: corpus not found (looked for \(candidates.joined(separator: ", ")))")
            return
        }
        try run(corpus: corpus, repetitions: repetitions, indexRounds: indexRounds,
                typicalRepetitions: typicalRepetitions)
    }

    static func run(corpus: String, repetitions: Int, indexRounds: Int, typicalRepetitions: Int) throws {
        let started = clock.now
        print("# newsearch vs SQLite FTS5 `unicode61` and `trigram`\n")
        print("- date: \(ISO8601DateFormatter().string(from: Date()))")
        print("- cores: \(ProcessInfo.processInfo.activeProcessorCount); SQLite \(Connection.version) (system library)")

        var start = clock.now
        let extracted = extract(corpus)
        let articles = extracted.articles
        require(!articles.isEmpty, "no article under \(corpus)")
        let textBytes = articles.reduce(0) { $0 + $1.article.title.utf8.count + $1.article.body.utf8.count }
        print("- corpus: \(extracted.files) files, \(articles.count) articles (\(extracted.failed) failed to parse), "
              + "\(format(Double(textBytes) / 1_000_000, 1)) MB of extracted text (titles and bodies), extracted in "
              + "\(format(seconds(since: start), 1)) s on all cores")

        start = clock.now
        let scan = try ExpectedHits(articles.map(\.article))
        let expected = queries.map { scan.count($0.query) }
        let expectedTypical = typicalQueries.map { scan.count($0) }
        print("- substring scan of the folded text (the hits newsearch must return), for the \(queries.count) "
              + "classes and the \(typicalQueries.count) typical queries: \(format(seconds(since: start), 1)) s")

        let directory = try ArticleFiles.temporaryDirectory("compare")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engines: [any Engine] = [
            NewsearchEngine(), FTS5Engine(tokenizer: "unicode61"), FTS5Engine(tokenizer: "trigram"),
        ]
        let builds = try index(articles, with: engines, in: directory, rounds: indexRounds)
        let searchers = try zip(engines, builds).map { try $0.openSearcher(at: $1.path) }
        let results = try query(engines: engines, searchers: searchers, repetitions: repetitions)
        let typical = try typical(engines: engines, searchers: searchers, repetitions: typicalRepetitions)

        print("- indexing: each engine indexed the corpus \(indexRounds) time\(indexRounds == 1 ? "" : "s") (rounds "
              + "interleaved), each time into a new file; the median round is shown, with its CPU time (all threads)")
        print("- queries: \(repetitions) runs per query and engine after 2 warm-up runs, interleaved; a search run "
              + "counts every hit and fetches the 10 best with a highlighted title and a snippet of the body")
        print("- typical queries: \(typicalQueries.count) queries, \(typicalRepetitions) search runs per query and "
              + "engine after 2 warm-up runs, interleaved")
        print("- total run time: \(format(seconds(since: started), 0)) s")
        report(engines: engines, builds: builds, articles: articles.count, textBytes: textBytes, results: results,
               expected: expected, typical: typical, expectedTypical: expectedTypical)
    }

    // MARK: Extraction

    /// Reads and parses every article file under `corpus`, on all cores.
    static func extract(_ corpus: String) -> (files: Int, failed: Int, articles: [(path: String, article: Article)]) {
        let paths = ArticleFiles.paths(under: corpus)
        let parsed = Mutex([Article?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            guard let data = FileManager.default.contents(atPath: paths[k]),
                  let article = try? ArticleParser.parse(data, fileName: (paths[k] as NSString).lastPathComponent)
            else { return }
            parsed.withLock { $0[k] = article }
        }
        let articles = parsed.withLock { parsed in
            zip(paths, parsed).compactMap { path, article in article.map { (path, $0) } }
        }
        return (paths.count, paths.count - articles.count, articles)
    }

    // MARK: Indexing

    struct Build {
        var path: String
        var wall: Double
        var cpu: Double
        var size: Int
    }

    /// Each engine indexes `articles` `rounds` times into new files, rounds interleaved; returns each engine's
    /// median round, with the path of its first round's file (kept for the queries).
    static func index(_ articles: [(path: String, article: Article)], with engines: [any Engine], in directory: URL,
                      rounds: Int) throws -> [Build] {
        var builds = Array(repeating: [Build](), count: engines.count)
        for round in 0 ..< rounds {
            for (e, engine) in engines.enumerated() {
                let path = directory.appendingPathComponent("\(engine.fileName)-\(round).db").path
                let cpu = cpuSeconds()
                let start = clock.now
                try engine.build(articles, at: path)  // opens, indexes, closes (the WAL checkpoint)
                let wall = seconds(since: start)
                builds[e].append(Build(path: path, wall: wall, cpu: cpuSeconds() - cpu,
                                       size: ArticleFiles.databaseSize(path)))
                if round > 0 { try? FileManager.default.removeItem(atPath: path) }
            }
        }
        return builds.map { builds in
            let median = builds.sorted { $0.wall < $1.wall }[(builds.count - 1) / 2]
            return Build(path: builds[0].path, wall: median.wall, cpu: median.cpu, size: builds[0].size)
        }
    }

    // MARK: Queries

    /// Per query (outer) and engine (inner).
    struct QueryResults {
        var hits: [[Int]]
        /// Whether the engine found exactly newsearch's articles, path for path.
        var sameHits: [[Bool]]
        /// Milliseconds of each run of `search`, and of `paths`.
        var search: [[[Double]]]
        var match: [[[Double]]]
    }

    static func query(engines: [any Engine], searchers: [any Searcher], repetitions: Int) throws -> QueryResults {
        let none = Array(repeating: Array(repeating: [Double](), count: engines.count), count: queries.count)
        var results = QueryResults(
            hits: Array(repeating: Array(repeating: 0, count: engines.count), count: queries.count),
            sameHits: Array(repeating: Array(repeating: false, count: engines.count), count: queries.count),
            search: none, match: none)
        for (q, entry) in queries.enumerated() {
            var pathSets: [Set<String>] = []
            for (e, searcher) in searchers.enumerated() {  // warm-up, hit counts and hit sets
                results.hits[q][e] = try searcher.search(entry.query)
                _ = try searcher.search(entry.query)
                pathSets.append(Set(try searcher.paths(entry.query)))
                require(pathSets[e].count == results.hits[q][e],
                        "\(engines[e].label) \(entry.query): \(pathSets[e].count) paths, \(results.hits[q][e]) hits")
            }
            results.sameHits[q] = pathSets.map { $0 == pathSets[0] }
            for _ in 0 ..< repetitions {
                for (e, searcher) in searchers.enumerated() {
                    var start = clock.now
                    let total = try searcher.search(entry.query)
                    results.search[q][e].append(seconds(since: start) * 1000)
                    start = clock.now
                    let found = try searcher.paths(entry.query).count
                    results.match[q][e].append(seconds(since: start) * 1000)
                    require(total == results.hits[q][e] && found == total,
                            "\(engines[e].label) \(entry.query): \(total) hits and \(found) paths, "
                                + "\(results.hits[q][e]) before")
                }
            }
        }
        return results
    }

    /// The typical queries' runs, per query (outer) and engine (inner).
    struct TypicalResults {
        var hits: [[Int]]
        /// Milliseconds of each run of `search`.
        var search: [[[Double]]]
    }

    /// Runs every one of the `typicalQueries` as a search page with each engine: two warm-up runs, then
    /// `repetitions` runs, the engines interleaved run by run. Every run must count the warm-up's hits.
    static func typical(engines: [any Engine], searchers: [any Searcher], repetitions: Int) throws -> TypicalResults {
        var results = TypicalResults(
            hits: Array(repeating: Array(repeating: 0, count: engines.count), count: typicalQueries.count),
            search: Array(repeating: Array(repeating: [], count: engines.count), count: typicalQueries.count))
        for (q, query) in typicalQueries.enumerated() {
            for (e, searcher) in searchers.enumerated() {  // warm-up and hit counts
                results.hits[q][e] = try searcher.search(query)
                _ = try searcher.search(query)
            }
            for _ in 0 ..< repetitions {
                for (e, searcher) in searchers.enumerated() {
                    let start = clock.now
                    let total = try searcher.search(query)
                    results.search[q][e].append(seconds(since: start) * 1000)
                    require(total == results.hits[q][e],
                            "\(engines[e].label) \(query): \(total) hits, \(results.hits[q][e]) before")
                }
            }
        }
        return results
    }

    // MARK: Report

    static func report(engines: [any Engine], builds: [Build], articles: Int, textBytes: Int,
                       results: QueryResults, expected: [Int], typical: TypicalResults, expectedTypical: [Int]) {
        let megabytes = Double(textBytes) / 1_000_000
        let ratioHeads = ["newsearch/unicode61", "newsearch/trigram"]
        print("\n## Indexing\n")
        printRow([""] + engines.map(\.label) + ratioHeads)
        printRow(["---"] + Array(repeating: "---:", count: engines.count + 2))
        func row(_ name: String, _ values: [Double], digits: Int) {
            printRow([name] + values.map { format($0, digits) } + ratios(values, digits: 2))
        }
        row("wall time (s)", builds.map(\.wall), digits: 2)
        row("MB/s of extracted text", builds.map { megabytes / $0.wall }, digits: 2)
        row("articles/s", builds.map { Double(articles) / $0.wall }, digits: 0)
        row("CPU time (s, all threads)", builds.map(\.cpu), digits: 2)
        row("index size on disk (MB)", builds.map { Double($0.size) / 1_000_000 }, digits: 1)

        print("\n## Search: hits, and latency median / p99 in ms\n")
        print("`substring`: the articles a substring scan of the folded text finds, the hits newsearch must return.\n")
        printRow(["class", "query", "substring"] + engines.flatMap { ["\($0.label) hits", "\($0.label) ms"] }
                 + ratioHeads.map { $0 + " median" })
        printRow(["---", "---", "---:"] + Array(repeating: "---:", count: 2 * engines.count + 2))
        for (q, entry) in queries.enumerated() {
            let latencies = results.search[q]
            printRow([entry.label, entry.query, "\(expected[q])"]
                     + engines.indices.flatMap { ["\(results.hits[q][$0])", medianAndP99(latencies[$0])] }
                     + ratios(latencies.map { percentile($0, 0.5) }, digits: 1))
        }
        printSummaries(results.search, same: results.sameHits, lead: 3, engineCells: { ["", $0] })
        reportTypical(engines: engines, results: typical, expected: expectedTypical)

        print("\n## Matching alone: every hit's path, unranked, no snippet (median / p99 ms)\n")
        print("newsearch `paths(matching:)`; FTS5 `SELECT path … WHERE fts MATCH ? ORDER BY id`. "
              + "The same hits as above.\n")
        printRow(["class", "query"] + engines.map { "\($0.label) ms" } + ratioHeads.map { $0 + " median" })
        printRow(["---", "---"] + Array(repeating: "---:", count: engines.count + 2))
        for (q, entry) in queries.enumerated() {
            let latencies = results.match[q]
            printRow([entry.label, entry.query] + latencies.map(medianAndP99)
                     + ratios(latencies.map { percentile($0, 0.5) }, digits: 1))
        }
        printSummaries(results.match, same: results.sameHits, lead: 2, engineCells: { [$0] })

        print()
        let mismatches = queries.indices.filter { results.hits[$0][0] != expected[$0] }
        if mismatches.isEmpty {
            print("newsearch returned exactly the substring scan's hit count for every query.")
        } else {
            print("newsearch hit counts that differ from the substring scan: "
                  + mismatches.map { "\(queries[$0].query) \(results.hits[$0][0]) vs \(expected[$0])" }
                  .joined(separator: "; "))
        }
        print("""
            Ratios: above 1× means newsearch is faster (MB/s, articles/s) or bigger/slower (time, size, latency).
            A latency ratio compares like with like only where both engines return the same hits: the `same hits` \
            rows keep the queries where the engine found exactly newsearch's articles, path for path (geometric \
            mean of the ratios of the medians, and how many queries).
            FTS5 `trigram` matches no row for a term of fewer than 3 characters: its 0 hits there are its real answer.
            """)
    }

    /// Threshold of the typical-query share: a newsearch search whose median is at most this many ms.
    static let typicalTarget = 0.5

    /// Per engine, the median and p99 of the typical queries' medians and of all their runs; for newsearch, the
    /// share of typical queries with a median of at most `typicalTarget` ms, its slowest ones, and how many of
    /// its hit counts differ from the substring scan's.
    static func reportTypical(engines: [any Engine], results: TypicalResults, expected: [Int]) {
        let count = typicalQueries.count
        print("\n## Typical queries: search latency in ms\n")
        print("The \(count) `typicalQueries` (chosen by hand as typical news queries), each run as a search as above. "
              + "Per engine: the median and p99 (nearest rank) of the \(count) per-query medians, and of all runs "
              + "of all queries. The engines' hit counts differ (FTS5 matches tokens), so these compare costs, not "
              + "like with like.\n")
        printRow(["engine", "median of query medians", "p99 of query medians", "median of all runs",
                  "p99 of all runs", "queries with median ≤ \(format(typicalTarget, 1)) ms"])
        printRow(["---"] + Array(repeating: "---:", count: 5))
        for (e, engine) in engines.enumerated() {
            let medians = results.search.map { percentile($0[e], 0.5) }
            let runs = results.search.flatMap { $0[e] }
            let fast = medians.filter { $0 <= typicalTarget }.count
            let share = e == 0 ? "\(fast) of \(count) (\(format(100 * Double(fast) / Double(count), 0)) %)" : "–"
            printRow([engine.label] + [percentile(medians, 0.5), percentile(medians, 0.99), percentile(runs, 0.5),
                                       percentile(runs, 0.99)].map { format($0, 2) } + [share])
        }
        let ranked = typicalQueries.indices.sorted {
            percentile(results.search[$0][0], 0.5) > percentile(results.search[$1][0], 0.5)
        }
        func listed(_ queries: ArraySlice<Int>) -> String {
            queries.map {
                "\(typicalQueries[$0]) \(format(percentile(results.search[$0][0], 0.5), 2)) (\(results.hits[$0][0]))"
            }.joined(separator: "; ")
        }
        print("\nnewsearch's slowest typical queries (median ms, hits): " + listed(ranked.prefix(8)))
        print("Around newsearch's median typical query (the middle nine, slowest first): "
              + listed(ranked[max(0, count / 2 - 4) ..< min(count, count / 2 + 5)]))
        let mismatches = typicalQueries.indices.filter { results.hits[$0][0] != expected[$0] }
        print("Typical queries where newsearch's hit count differs from the substring scan's: \(mismatches.count)"
              + (mismatches.isEmpty ? "" : " (" + mismatches.map {
                  "\(typicalQueries[$0]) \(results.hits[$0][0]) vs \(expected[$0])"
              }.joined(separator: "; ") + ")"))
    }

    /// The geometric mean of every engine's medians with newsearch's ratios, then newsearch's ratios over the
    /// queries where the other engine found exactly newsearch's hits. `lead` columns come before the engines'.
    static func printSummaries(_ latencies: [[[Double]]], same: [[Bool]], lead: Int,
                               engineCells: (String) -> [String]) {
        let engines = latencies[0].count
        let means = (0 ..< engines).map { e in geometricMean(latencies.map { percentile($0[e], 0.5) }) }
        let leadCells = ["all classes", "geometric mean of the medians"] + Array(repeating: "", count: lead - 2)
        printRow(leadCells + means.flatMap { engineCells(format($0, 2)) } + ratios(means, digits: 1))
        let sameRatios = (1 ..< engines).map { e -> String in
            let kept = same.indices.filter { same[$0][e] }
            guard !kept.isEmpty else { return "– (no query)" }
            let mean = geometricMean(kept.map { percentile(latencies[$0][0], 0.5) / percentile(latencies[$0][e], 0.5) })
            return "\(format(mean, 1))× (\(kept.count) quer\(kept.count == 1 ? "y" : "ies"))"
        }
        printRow(["same hits", "queries where the engine found exactly newsearch's hits"]
                 + Array(repeating: "", count: lead - 2 + engineCells("").count * engines) + sameRatios)
    }

    // MARK: Figures

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = start.duration(to: clock.now)
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// User and system CPU time of the process so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The `fraction` percentile (nearest rank) of `values`.
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    static func geometricMean(_ values: [Double]) -> Double {
        exp(values.map { log(max($0, 1e-9)) }.reduce(0, +) / Double(values.count))
    }

    static func medianAndP99(_ latencies: [Double]) -> String {
        "\(format(percentile(latencies, 0.5), 2)) / \(format(percentile(latencies, 0.99), 2))"
    }

    /// newsearch's value over each other engine's.
    static func ratios(_ values: [Double], digits: Int) -> [String] {
        values.dropFirst().map { format(values[0] / $0, digits) + "×" }
    }

    static func printRow(_ cells: [String]) {
        print("| " + cells.joined(separator: " | ") + " |")
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }
}

import Benchmark
import BenchmarkSupport
import Foundation
import NewSearch

// The hot paths of newsearch, on the project's own corpus/ (290 articles and its README; see Fixture.swift).
//
// Every benchmark checks its own result (tokens, articles, hits) against a figure computed outside the measured
// code, so that it fails instead of timing nothing. Text benchmarks add a `text bytes/s` metric: bytes of the
// input per second of wall time (its (M) column reads MB/s). Query benchmarks report latency percentiles in
// the wall clock rows and queries per second in the throughput rows.

/// Bytes per second of wall time, recorded once per iteration.
private let bytesPerSecond = BenchmarkMetric.custom("text bytes/s", polarity: .prefersLarger, useScalingFactor: false)

private let throughputMetrics: [BenchmarkMetric] = [
    .wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident, bytesPerSecond,
]
private let latencyMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .throughput, .mallocCountTotal]

/// Runs `work` once, timed, and records its input size per second.
private func measured<T>(_ benchmark: Benchmark, bytes: Int, _ work: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try work()
    let elapsed = start.duration(to: clock.now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    if seconds > 0 { benchmark.measurement(bytesPerSecond, Int(Double(bytes) / seconds)) }
    return result
}

private func wordCount(_ fixture: Fixture, _ analyzer: Analyzer) -> Int {
    fixture.articles.reduce(0) { $0 + analyzer.wordCount($1.article.title) + analyzer.wordCount($1.article.body) }
}

private func tokenCount(_ fixture: Fixture, _ analyzer: Analyzer) -> Int {
    fixture.articles.reduce(0) {
        $0 + analyzer.tokenCount($1.article.title, mode: .document)
            + analyzer.tokenCount($1.article.body, mode: .document)
    }
}


/// The index the query benchmarks share, built once per process (package-benchmark runs each benchmark in a
/// process of its own) outside any measurement. `SearchIndex` is not thread-safe; package-benchmark runs the
/// setup and the iterations of a benchmark one after the other.
private final class PreparedIndex: @unchecked Sendable {
    let directory: URL
    let index: SearchIndex
    let expected: ExpectedHits

    static let shared = try! PreparedIndex()

    private init() throws {
        let fixture = Fixture.shared
        directory = try ArticleFiles.temporaryDirectory("benchmark-queries")
        index = try SearchIndex(path: directory.appendingPathComponent("queries.db").path)
        let report = try index.index([fixture.directory])
        require(report.added == fixture.articles.count,
                "indexed \(report.added) articles, expected \(fixture.articles.count)")
        expected = try ExpectedHits(fixture.articles.map(\.article))
    }

    /// Deletes the index files (the process ends after its one benchmark).
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: throughputMetrics,
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 30
    )

    // MARK: Text analysis

    nonisolated(unsafe) var expectedWords = -1
    Benchmark(
        "ICU segmentation (wordCount)",
        configuration: .init(setup: {
            expectedWords = try wordCount(Fixture.shared, Analyzer())
            require(expectedWords > 0, "ICU found no word in the corpus")
        })
    ) { benchmark in
        let analyzer = try Analyzer()
        benchmark.startMeasurement()
        let words = measured(benchmark, bytes: Fixture.shared.textBytes) { wordCount(Fixture.shared, analyzer) }
        benchmark.stopMeasurement()
        require(words == expectedWords, "\(words) words, expected \(expectedWords)")
    }

    nonisolated(unsafe) var expectedTokens = -1
    Benchmark(
        "Analyzer, document mode (tokenCount)",
        configuration: .init(setup: {
            expectedTokens = try tokenCount(Fixture.shared, Analyzer())
            // Every CJK character is a token of its own: at least one token per 6 bytes of (mostly Chinese) text.
            require(expectedTokens > Fixture.shared.textBytes / 6, "only \(expectedTokens) tokens")
        })
    ) { benchmark in
        let analyzer = try Analyzer()
        benchmark.startMeasurement()
        let tokens = measured(benchmark, bytes: Fixture.shared.textBytes) { tokenCount(Fixture.shared, analyzer) }
        benchmark.stopMeasurement()
        require(tokens == expectedTokens, "\(tokens) tokens, expected \(expectedTokens)")
    }

    // MARK: Documents

    Benchmark(
        "Article parsing (ArticleParser.parse)",
        configuration: .init(setup: { _ = Fixture.shared })
    ) { benchmark in
        let fixture = Fixture.shared
        var parsed = 0
        var textBytes = 0
        measured(benchmark, bytes: fixture.fileBytes) {  // bytes of the files read
            for file in fixture.files {
                if let article = try? ArticleParser.parse(file.bytes, fileName: file.name) {
                    parsed += 1
                    textBytes += article.title.utf8.count + article.body.utf8.count
                }
            }
        }
        benchmark.stopMeasurement()
        require(parsed == fixture.articles.count && textBytes == fixture.textBytes,
                "parsed \(parsed) articles (\(textBytes) bytes), expected \(fixture.articles.count)")
    }

    // MARK: Indexing

    Benchmark(
        "Indexing corpus/ (SearchIndex.index, new file)",
        configuration: .init(warmupIterations: 1, maxDuration: .seconds(15), maxIterations: 15,
                             setup: { _ = Fixture.shared })
    ) { benchmark in
        let fixture = Fixture.shared
        let directory = try ArticleFiles.temporaryDirectory("benchmark-index")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("index.db").path
        benchmark.startMeasurement()
        // Opening, reading, parsing, indexing and closing (the WAL checkpoint) are all part of the cost; the
        // bytes/s figure counts the extracted text, as the comparison does.
        let report = try measured(benchmark, bytes: fixture.textBytes) {
            try SearchIndex(path: path).index([fixture.directory])
        }
        benchmark.stopMeasurement()
        require(report.added == fixture.articles.count && report.failed.isEmpty,
                "indexed \(report.added), failed \(report.failed.count), expected \(fixture.articles.count)")
    }

    // MARK: Queries

    for (name, query) in queryClasses {
        nonisolated(unsafe) var expected = -1
        Benchmark(
            "Query: \(name) (\(query))",
            configuration: .init(
                metrics: latencyMetrics, warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 2_000,
                setup: {
                    expected = PreparedIndex.shared.expected.count(query)
                    require(expected > 0, "no article of the corpus contains \(query)")
                },
                teardown: { PreparedIndex.shared.remove() }
            )
        ) { benchmark in
            let results = try PreparedIndex.shared.index.search(query, limit: 10)
            benchmark.stopMeasurement()
            require(results.total == expected, "\(query): \(results.total) hits, expected \(expected)")
            require(results.hits.count == min(10, expected))
        }
    }

    // The hit set alone, without ranking or snippets: what matching costs.
    nonisolated(unsafe) var expectedPaths = -1
    Benchmark(
        "Query, hit set only: single word (经济) paths(matching:)",
        configuration: .init(
            metrics: latencyMetrics, warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 2_000,
            setup: {
                expectedPaths = PreparedIndex.shared.expected.count("经济")
                require(expectedPaths > 0, "no article of the corpus contains 经济")
            },
            teardown: { PreparedIndex.shared.remove() }
        )
    ) { benchmark in
        let paths = try PreparedIndex.shared.index.paths(matching: "经济")
        benchmark.stopMeasurement()
        require(paths.count == expectedPaths, "经济: \(paths.count) paths, expected \(expectedPaths)")
    }
}

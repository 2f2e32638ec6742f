// swift-tools-version: 6.1
// Benchmarks for newsearch, kept out of the main package so that its users never fetch package-benchmark.
//
//   swift package benchmark                 # the package-benchmark suite (Benchmarks/NewSearchBenchmarks)
//   swift run -c release compare [CORPUS]   # newsearch side by side with FTS5 unicode61 and trigram
//   swift run -c release evaluate [CORPUS]  # ranking quality: known-item MRR, and what each signal is worth
//
// See ../BENCHMARKS.md.
import PackageDescription

let package = Package(
    name: "newsearch-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "newsearch", path: ".."),
    ],
    targets: [
        // package-benchmark's suite: the plugin finds it under Benchmarks/<target name>.
        .executableTarget(
            name: "NewSearchBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewSearch", package: "newsearch"),
            ],
            path: "Benchmarks/NewSearchBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // What both use: the article files of a folder, and the hits a query must find.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "NewSearch", package: "newsearch")]
        ),
        // The system SQLite (libsqlite3-dev) for the FTS5 baselines; a module name of its own, since the main
        // package's internal CSQLite target is not visible here.
        .systemLibrary(
            name: "CSystemSQLite",
            path: "Sources/CSystemSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .executableTarget(
            name: "compare",
            dependencies: [
                "BenchmarkSupport",
                "CSystemSQLite",
                .product(name: "NewSearch", package: "newsearch"),
            ],
            path: "Sources/Compare"
        ),
        // Ranking quality: known-item sets from the corpus, under the model and each variant of it.
        .executableTarget(
            name: "evaluate",
            dependencies: ["BenchmarkSupport", .product(name: "NewSearch", package: "newsearch")],
            path: "Sources/Evaluate"
        ),
    ]
)

import BenchmarkSupport
import Foundation
import NewSearch

/// The data every benchmark of the suite works on: the project's own `corpus/` folder, read and parsed once.
///
/// The folder is `NEWSEARCH_BENCHMARK_CORPUS` when set, else `../corpus` or `corpus` from the working folder
/// (`swift package benchmark` runs in `Benchmarks/`), else the `corpus/` of the clone this file was compiled in.
final class Fixture: Sendable {
    /// One article file of the corpus.
    struct File {
        var path: String
        var name: String
        var bytes: [UInt8]
    }

    let directory: String
    /// Every article file under `directory`, as `SearchIndex.index` picks them.
    let files: [File]
    /// The files that parse, in the same order, with their parsed articles.
    let articles: [(path: String, article: Article)]
    /// Bytes of the files.
    let fileBytes: Int
    /// UTF-8 bytes of the extracted text (titles and bodies) of the articles.
    let textBytes: Int

    static let shared = Fixture()

    private init() {
        directory = Fixture.locateCorpus()
        files = ArticleFiles.paths(under: directory).map { path in
            guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
            return File(path: path, name: (path as NSString).lastPathComponent, bytes: [UInt8](data))
        }
        require(!files.isEmpty, "no article file under \(directory)")
        articles = files.compactMap { file in
            (try? ArticleParser.parse(file.bytes, fileName: file.name)).map { (file.path, $0) }
        }
        require(!articles.isEmpty, "no article of \(directory) parses")
        fileBytes = files.reduce(0) { $0 + $1.bytes.count }
        textBytes = articles.reduce(0) { $0 + $1.article.title.utf8.count + $1.article.body.utf8.count }
    }

    private static func locateCorpus() -> String {
        if let given = ProcessInfo.processInfo.environment["NEWSEARCH_BENCHMARK_CORPUS"], !given.isEmpty {
            return given
        }
        // This file is <clone>/Benchmarks/Benchmarks/NewSearchBenchmarks/Fixture.swift.
        var clone = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { clone.deleteLastPathComponent() }
        let candidates = ["../corpus", "corpus", clone.appendingPathComponent("corpus").path]
        guard let found = ArticleFiles.firstDirectory(candidates.filter {
            FileManager.default.fileExists(atPath: $0 + "/000_seed.md")
        }) else {
            fatalError("the corpus folder was not found (tried \(candidates)); set NEWSEARCH_BENCHMARK_CORPUS")
        }
        return found
    }
}

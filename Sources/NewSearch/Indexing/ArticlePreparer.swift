import Dispatch
import Foundation
import Synchronization

/// Reads, parses and analyses article files on all cores, so that the writer never segments text itself.
final class ArticlePreparer: @unchecked Sendable {
    /// What became of one file.
    enum Outcome: Sendable {
        case unchanged
        /// Ready to store; `notes` say what of the file was left out (a date that is no date, text past the limit).
        case prepared(PreparedArticle, bytes: Int, notes: [String])
        /// Not an article; `stale` is the row of an earlier version of the file, to remove.
        case skipped(String, stale: Int64?)
        case failed(String)

        /// The stored row this outcome replaces or removes, if any.
        var replacedRow: Int64? {
            switch self {
            case .prepared(let prepared, _, _): return prepared.replacing
            case .skipped(_, let stale): return stale
            case .unchanged, .failed: return nil
            }
        }
    }

    // Thread confinement, which makes the unchecked Sendable sound: worker `w` alone uses `analyzers[w]` and
    // `compressors[w]`.
    private let analyzers: [Analyzer]
    private let compressors: [TextCompressor]
    private let stored: [String: (id: Int64, hash: String)]

    /// - Parameters:
    ///   - stored: the documents already in the index, by path, to skip unchanged files.
    ///   - compression: the index's dictionary for the bodies, if it has one.
    init(workers: Int, dictionary: UserDictionary, stored: [String: (id: Int64, hash: String)],
         compression: CompressionDictionary?) throws {
        analyzers = try (0 ..< max(1, workers)).map { _ in try Analyzer(dictionary: dictionary) }
        compressors = analyzers.map { _ in TextCompressor(dictionary: compression) }
        self.stored = stored
    }

    /// The bodies' UTF-8 of `sources`, read and parsed on all cores, for training a ``CompressionDictionary``: a
    /// file that cannot be read or is no article gives none (its error is the run's to report, later).
    static func bodies(of sources: [ArticleSource], workers: Int) -> [[UInt8]] {
        let workers = max(1, min(workers, sources.count))
        let bodies = Mutex([[UInt8]]())
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var found: [[UInt8]] = []
            for index in stride(from: worker, to: sources.count, by: workers) {
                switch sources[index] {
                case .article(_, let article):
                    found.append(Array(article.body.utf8))
                case .file(let path):
                    var notes: [String] = []
                    guard let bytes = try? FileReader.contents(of: path),
                          let article = try? ArticleParser.parse(bytes, fileName: String(FileName.of(path)), notes: &notes)
                    else { continue }
                    found.append(Array(article.body.utf8))
                }
            }
            bodies.withLock { $0 += found }
        }
        return bodies.withLock { $0 }
    }

    /// The outcome for each of `sources`, in order, computed in parallel.
    func prepare(_ sources: [ArticleSource]) -> [Outcome] {
        let workers = analyzers.count
        return [Outcome](unsafeUninitializedCapacity: sources.count) { buffer, initialized in
            // Each index is written by exactly one worker, so the writes never race.
            nonisolated(unsafe) let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: min(workers, sources.count)) { worker in
                for index in stride(from: worker, to: sources.count, by: workers) {
                    (base! + index).initialize(to: prepare(sources[index], worker: worker))
                }
            }
            initialized = sources.count
        }
    }

    private func prepare(_ source: ArticleSource, worker: Int) -> Outcome {
        switch source {
        case .file(let path):
            return prepareFile(path, worker: worker)
        case .article(let path, let article):
            let bytes = Array((article.title + "\n" + article.body).utf8)
            let hash = ContentHash.of(bytes)
            let previous = stored[path]
            if previous?.hash == hash { return .unchanged }
            return .prepared(prepared(article, path: path, hash: hash, replacing: previous?.id, worker: worker),
                             bytes: bytes.count, notes: [])
        }
    }

    private func prepared(_ article: Article, path: String, hash: String, replacing: Int64?,
                          worker: Int) -> PreparedArticle {
        let analyzer = analyzers[worker]
        return PreparedArticle(path: path, contentHash: hash, article: article,
                               titleTokens: analyzer.tokenList(article.title, mode: .document),
                               bodyTokens: analyzer.tokenList(article.body, mode: .document), replacing: replacing,
                               compressor: compressors[worker])
    }

    private func prepareFile(_ path: String, worker: Int) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.contents(of: path)
        } catch {
            return .failed(error.description)
        }
        let hash = ContentHash.of(bytes)
        let previous = stored[path]
        if previous?.hash == hash { return .unchanged }
        let article: Article
        var notes: [String] = []
        do {
            article = try ArticleParser.parse(bytes, fileName: String(FileName.of(path)), notes: &notes)
        } catch {
            if error.isNotAnArticle { return .skipped(error.description, stale: previous?.id) }
            // A broken edit keeps the article findable as it was; the report says so, and fixing the file updates it.
            return .failed(error.description + (previous == nil ? "" : " (the version indexed before is kept)"))
        }
        return .prepared(prepared(article, path: path, hash: hash, replacing: previous?.id, worker: worker),
                         bytes: bytes.count, notes: notes)
    }
}

import Dispatch
import Foundation

/// Reads, parses and analyses article files on all cores, so that the writer never segments text itself.
final class ArticlePreparer: @unchecked Sendable {
    /// What became of one file.
    enum Outcome: Sendable {
        case unchanged
        case prepared(PreparedArticle, bytes: Int)
        /// Not an article; `stale` is the row of an earlier version of the file, to remove.
        case skipped(String, stale: Int64?)
        case failed(String)
    }

    // Thread confinement, which makes the unchecked Sendable sound: worker `w` alone uses `analyzers[w]`.
    private let analyzers: [Analyzer]
    private let stored: [String: (id: Int64, hash: String)]

    /// - Parameter stored: the documents already in the index, by path, to skip unchanged files.
    init(workers: Int, dictionary: UserDictionary, stored: [String: (id: Int64, hash: String)]) throws {
        analyzers = try (0 ..< max(1, workers)).map { _ in try Analyzer(dictionary: dictionary) }
        self.stored = stored
    }

    /// The outcome for each of `paths`, in order, computed in parallel.
    func prepare(_ paths: [String]) -> [Outcome] {
        let workers = analyzers.count
        return [Outcome](unsafeUninitializedCapacity: paths.count) { buffer, initialized in
            // Each index is written by exactly one worker, so the writes never race.
            nonisolated(unsafe) let base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: min(workers, paths.count)) { worker in
                for index in stride(from: worker, to: paths.count, by: workers) {
                    (base! + index).initialize(to: prepare(paths[index], analyzer: analyzers[worker]))
                }
            }
            initialized = paths.count
        }
    }

    private func prepare(_ path: String, analyzer: Analyzer) -> Outcome {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failed(DocumentError.unreadable(Self.reason(error)).description)
        }
        let hash = ContentHash.of(data)
        let previous = stored[path]
        if previous?.hash == hash { return .unchanged }
        let article: Article
        do {
            article = try ArticleParser.parse(data, fileName: (path as NSString).lastPathComponent)
        } catch {
            return error.isNotAnArticle ? .skipped(error.description, stale: previous?.id) : .failed(error.description)
        }
        let prepared = PreparedArticle(
            path: path, contentHash: hash, article: article,
            titleTokens: analyzer.tokenList(article.title), bodyTokens: analyzer.tokenList(article.body),
            replacing: previous?.id)
        return .prepared(prepared, bytes: data.count)
    }

    private static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
           let posix = POSIXErrorCode(rawValue: Int32(underlying.code)), underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(posix.rawValue))
        }
        return error.localizedDescription
    }
}

import Foundation

/// Idle analyzers for calls that need one briefly, from any thread (``SQLiteExtension/match(_:dictionary:)``):
/// making an analyzer opens ICU's word breaker, normalizer and transliterator, about 1 ms, far more than compiling
/// a query with it. An analyzer is not thread-safe, so each call borrows one of its own.
final class AnalyzerPool: @unchecked Sendable {
    // Unchecked: `idle` is read and written under `lock` only, and an analyzer is used by one borrower at a time.
    private let lock = NSLock()
    private var idle: [[String]: [Analyzer]] = [:]
    /// The most idle analyzers kept per dictionary.
    private let limit: Int

    init(limit: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.limit = max(1, limit)
    }

    /// Calls `body` with an analyzer of `dictionary` that no other thread uses meanwhile.
    /// - Throws: ``AnalysisError`` when a new analyzer cannot be made, or what `body` throws.
    func withAnalyzer<T>(dictionary: UserDictionary, _ body: (Analyzer) throws -> T) throws -> T {
        let key = dictionary.words
        let analyzer = try lock.withLock { idle[key]?.popLast() } ?? Analyzer(dictionary: dictionary)
        defer {
            lock.withLock {
                if idle[key, default: []].count < limit { idle[key, default: []].append(analyzer) }
            }
        }
        return try body(analyzer)
    }
}

import Foundation
import Synchronization

extension SearchIndex {
    /// Ranks the heads of the index's frequent terms (see ``RankedHead``) after a run, unless they were ranked since
    /// the articles last changed, on every core: the terms are shared among readers, each ranking its share in a read
    /// transaction of its own, and the heads are stored only if no write came in meanwhile (a mark in the heads'
    /// table, which any write removes). Sets the report's ``IndexReport/headsRanked`` and ``IndexReport/headSeconds``.
    ///
    /// - Parameter progress: called once, on the calling thread, with the number of terms before they are ranked.
    func rankHeads(into report: inout IndexReport, minimumFrequency: Int = RankedHead.minimumFrequency,
                   cancellation: CancellationFlag?, progress: (IndexProgress) -> Void) throws {
        let started = Date()
        guard let terms = try rankFrequentTerms(minimumFrequency: minimumFrequency, cancellation: cancellation,
                                                progress: progress) else { return }
        report.headsRanked = terms
        report.headSeconds = Date().timeIntervalSince(started)
    }

    /// The work of ``rankFrequentTerms(progress:)``: the number of heads stored, nil when they were ranked already or
    /// a write came in meanwhile.
    func rankFrequentTerms(minimumFrequency: Int = RankedHead.minimumFrequency, cancellation: CancellationFlag?,
                           progress: (IndexProgress) -> Void) throws -> Int? {
        guard let mark = try pool.write({ try $0.store.markHeadsForRanking() }) else { return nil }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // The vocabulary's pass shared among the readers, the sample read by the first.
        let found = try onReaders(cores) { searcher, shard in
            try searcher.frequentTokens(minimumFrequency: minimumFrequency, shard: shard, of: cores)
                + (shard == 0 ? searcher.frequentPhrases(minimumFrequency: minimumFrequency) : [])
        }
        var seen = Set<String>()
        let terms = found.flatMap { $0 }.filter { seen.insert($0).inserted }
        progress(IndexProgress(done: 0, total: terms.count, phase: .frequentTerms))
        let workers = max(1, min(cores, terms.count / 16))
        let shares = try onReaders(workers) { searcher, worker in
            try searcher.rankHeads(of: stride(from: worker, to: terms.count, by: workers).map { terms[$0] },
                                   minimumFrequency: minimumFrequency, cancellation: cancellation)
        }
        let heads = shares.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
        let stored = try pool.write {
            try $0.store.replaceHeads(heads, model: RankedHead.modelKey(Searcher.headOptions.ranking), ifMarked: mark)
        }
        return stored ? heads.count : nil
    }

    /// `body` run on `count` readers at once, each with its index, and what each returned, in order.
    private func onReaders<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Searcher, Int) throws -> T) throws -> [T] {
        let results = Mutex([T?](repeating: nil, count: count))
        let failure = Mutex<Error?>(nil)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            do {
                let result = try pool.read { try body($0.searcher, worker) }
                results.withLock { $0[worker] = result }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.compactMap { $0 } }
    }
}

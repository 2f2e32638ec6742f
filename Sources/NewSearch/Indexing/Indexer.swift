import Foundation
import Synchronization

/// Brings an index up to date with folders of articles.
///
/// Files are prepared (read, parsed, analysed) in chunks on all cores while the single writer stores the previous
/// chunk, one transaction per chunk (per ``bulkChunksPerTransaction`` chunks in a bulk load): a crash loses at
/// most the transaction in flight and never corrupts the index.
struct Indexer {
    /// Files per chunk, and so per transaction.
    static let chunkSize = 256
    /// Chunks per transaction in a bulk load: FTS5 writes a segment at every commit, and fewer, larger segments
    /// make the final merge cheaper. A crash loses at most this many chunks of work, never the index.
    static let bulkChunksPerTransaction = 8

    let store: IndexStore
    /// Raised to stop the run: the chunk being written is rolled back, those committed stay.
    var cancellation: CancellationFlag?
    var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Whether links that lead outside the roots are followed (see ``FileScanner/scan(_:followLinks:)``).
    var followLinks = false

    /// Indexes every article under `roots`; see ``SearchIndex/index(_:progress:)``.
    func index(_ roots: [String], progress: (IndexProgress) -> Void) throws -> IndexReport {
        let lock = waitForOtherRuns(progress)
        defer { withExtendedLifetime(lock) {} }
        for root in roots where !FileManager.default.fileExists(atPath: root) { throw DocumentError.notFound(root) }
        let roots = roots.map(FileScanner.canonical)
        let scans = try FileScanner.scan(roots, followLinks: followLinks)
        var seen = Set<String>(), seenUnreadable = Set<String>()
        let files = scans.flatMap(\.files).filter { seen.insert($0).inserted }
        let unreadable = scans.flatMap(\.unreadable).filter { seenUnreadable.insert($0.path).inserted }
        var report = IndexReport()
        for folder in unreadable {
            report.failed.append(.init(path: folder.path,
                                       reason: "cannot read the folder: \(folder.reason) (its articles indexed before are kept)"))
        }
        for special in scans.flatMap(\.skipped) {
            report.skipped.append(.init(path: special.path, reason: special.reason))
        }
        let articles = files.filter(FileScanner.isArticleFile)
        for file in files where !FileScanner.isArticleFile(file) {
            report.skipped.append(.init(path: file, reason: "not a Markdown file"))
        }
        let stored = try store.storedDocuments()
        try removeVanished(stored: stored, roots: roots, present: Set(articles), unreadable: unreadable.map(\.path),
                           report: &report)
        try write(articles.map(ArticleSource.file), stored: stored, report: &report, progress: progress)
        return report
    }

    /// Adds or replaces in-memory articles by path; see ``SearchIndex/add(contentsOf:progress:)``.
    func add(_ articles: [(path: String, article: Article)], progress: (IndexProgress) -> Void) throws -> IndexReport {
        let lock = waitForOtherRuns(progress)
        defer { withExtendedLifetime(lock) {} }
        var report = IndexReport()
        let stored = articles.count > Self.chunkSize ? try store.storedDocuments()
            : try store.storedDocuments(paths: articles.map(\.path))
        try write(articles.map { .article(path: $0.path, $0.article) }, stored: stored, report: &report,
                  progress: progress)
        return report
    }

    /// Takes the index's run lock, telling `progress` when it must wait for another run first.
    private func waitForOtherRuns(_ progress: (IndexProgress) -> Void) -> RunLock? {
        store.takeRunLock { progress(IndexProgress(done: 0, total: 0, waitingForAnotherRun: true)) }
    }

    /// Removes the stored articles under `roots` whose files are gone or no longer Markdown; those under an
    /// `unreadable` folder are kept, since their files may well still be there.
    private func removeVanished(stored: [String: (id: Int64, hash: String)], roots: [String],
                                present: Set<String>, unreadable: [String], report: inout IndexReport) throws {
        let vanished = stored.filter { path, _ in
            !present.contains(path) && roots.contains { FileScanner.path(path, isUnder: $0) }
                && !unreadable.contains { FileScanner.path(path, isUnder: $0) }
        }
        guard !vanished.isEmpty else { return }
        // In row order: FTS5 writes a segment whenever a row id goes backwards (see `storeChunk(_:of:report:)`).
        try store.database.transaction {
            for id in vanished.map(\.value.id).sorted() { try store.delete(id: id) }
        }
        report.removed = vanished.count
    }

    private func write(_ sources: [ArticleSource], stored: [String: (id: Int64, hash: String)],
                       report: inout IndexReport, progress: (IndexProgress) -> Void) throws {
        let chunks = stride(from: 0, to: sources.count, by: Self.chunkSize).map {
            Array(sources[$0 ..< min($0 + Self.chunkSize, sources.count)])
        }
        let preparer = try ArticlePreparer(workers: min(workers, max(1, sources.count)),
                                           dictionary: store.host.dictionary, stored: stored,
                                           compression: try compressionDictionary(for: sources, stored: stored))
        let newArticles = sources.count(where: { stored[$0.path] == nil })
        let bulk = try newArticles >= MergePolicy.bulkLoadThreshold && newArticles >= store.documentCount()
        try store.beginRun(bulk: bulk)
        let handoff = Handoff<[ArticlePreparer.Outcome]?>(capacity: 2)
        let stopped = Mutex(false)
        let producer = Thread {
            for chunk in chunks where !stopped.withLock({ $0 }) { handoff.put(preparer.prepare(chunk)) }
            handoff.put(nil)
        }
        producer.start()
        var done = 0, written = 0, inTransaction = false
        var failure: Error?
        let chunksPerTransaction = bulk ? Self.bulkChunksPerTransaction : 1
        while let outcomes = handoff.take() {
            guard failure == nil else { continue }
            do {
                try cancellation?.check()
                if !inTransaction { try store.database.execute("BEGIN IMMEDIATE") }
                inTransaction = true
                try storeChunk(outcomes, of: chunks[written], report: &report)
                written += 1
                if written % chunksPerTransaction == 0 || written == chunks.count {
                    try store.database.execute("COMMIT")
                    inTransaction = false
                }
            } catch {
                if inTransaction { try? store.database.execute("ROLLBACK") }
                inTransaction = false
                failure = error
                stopped.withLock { $0 = true }
            }
            done += outcomes.count
            progress(IndexProgress(done: done, total: sources.count))
        }
        if let failure {
            try? store.abandonRun()
            throw store.explainingSegmentLimit(failure)
        }
        let deleted = report.updated + report.removed
        report.mergeSeconds = try store.finishRun(bulk: bulk, deleted: deleted, written: report.indexed + report.removed)
    }

    /// The dictionary the run compresses bodies with: the index's, or, when it has none and the run brings at least
    /// ``CompressionDictionary/minimumArticles`` new articles, one trained on an even sample of them and stored first.
    private func compressionDictionary(for sources: [ArticleSource], stored: [String: (id: Int64, hash: String)])
        throws -> CompressionDictionary? {
        if let dictionary = try store.compressionDictionary() { return dictionary }
        let fresh = sources.filter { stored[$0.path] == nil }
        guard fresh.count >= CompressionDictionary.minimumArticles else { return nil }
        let step = Double(fresh.count) / Double(min(fresh.count, CompressionDictionary.sampleArticles))
        let sample = (0 ..< min(fresh.count, CompressionDictionary.sampleArticles)).map { fresh[Int(Double($0) * step)] }
        guard let dictionary = CompressionDictionary.train(ArticlePreparer.bodies(of: sample, workers: workers))
        else { return nil }
        try store.addCompressionDictionary(dictionary)
        return dictionary
    }

    /// Stores one chunk in the open transaction: first every row it replaces or removes, then the articles that
    /// replace rows (each under its old id), then the new ones, each group in row order. FTS5 writes its pending
    /// terms out as a segment whenever a row id goes backwards, so replacing articles one by one (delete an old
    /// row, insert the new one) wrote a segment per article; in this order a chunk writes two.
    private func storeChunk(_ outcomes: [ArticlePreparer.Outcome], of sources: [ArticleSource],
                            report: inout IndexReport) throws {
        for id in outcomes.compactMap(\.replacedRow).sorted() { try store.delete(id: id) }
        let order = outcomes.indices.sorted { (Self.rowOrder(outcomes[$0]), $0) < (Self.rowOrder(outcomes[$1]), $1) }
        for index in order { try record(outcomes[index], path: sources[index].path, report: &report) }
    }

    /// Where an outcome's row goes in `storeChunk`'s order: a replaced row's id; new rows (and outcomes that write
    /// none) after every replaced one, in their order in the chunk.
    private static func rowOrder(_ outcome: ArticlePreparer.Outcome) -> Int64 {
        if case .prepared(let prepared, _, _) = outcome, let id = prepared.replacing { return id }
        return Int64.max
    }

    private func record(_ outcome: ArticlePreparer.Outcome, path: String, report: inout IndexReport) throws {
        switch outcome {
        case .unchanged:
            report.unchanged += 1
        case .prepared(let prepared, let bytes, let notes):
            report.notes += notes.map { IndexReport.FileNote(path: path, reason: $0) }
            if prepared.replacing != nil {
                report.updated += 1
            } else {
                report.added += 1
            }
            try store.insert(prepared)
            report.bytesIndexed += bytes
        case .skipped(let reason, let stale):
            report.skipped.append(.init(path: path, reason: reason))
            if stale != nil { report.removed += 1 }
        case .failed(let reason):
            report.failed.append(.init(path: path, reason: reason))
        }
    }
}

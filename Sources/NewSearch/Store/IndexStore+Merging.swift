import Foundation

extension IndexStore {
    /// Sets how FTS5 merges its segments during a run: not at all (see ``MergePolicy``); a bulk load also keeps
    /// more terms in memory before it writes a segment. ``finishRun(bulk:deleted:written:)`` restores FTS5's
    /// defaults and merges. Stored in the index: a run that dies in between leaves them until the next run ends.
    func beginRun(bulk: Bool) throws {
        try configureFTS5(bulk ? MergePolicy.bulkSettings : MergePolicy.runSettings)
    }

    /// Ends a run that deleted `deleted` rows (articles updated or removed) and wrote or removed `written`
    /// articles: restores FTS5's default merge settings, merges as ``MergePolicy`` says, records the update and
    /// copies the write-ahead log into the file, cutting it back. Returns the seconds the merging took, nil when
    /// there was nothing to merge.
    func finishRun(bulk: Bool, deleted: Int, written: Int) throws -> Double? {
        try configureFTS5(MergePolicy.defaultSettings)
        let seconds = try merge(bulk: bulk, deleted: deleted, written: written)
        if written > 0 {
            try recordUpdate()
            // TRUNCATE waits (within the busy timeout) for readers on older snapshots; a reader holding one longer
            // only leaves the log to the next checkpoint.
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return seconds
    }

    /// Ends a run that failed: restores FTS5's default merge settings, merging nothing (the next run merges).
    func abandonRun() throws {
        try configureFTS5(MergePolicy.defaultSettings)
    }

    /// Merges as ``MergePolicy`` says: the whole index into one segment (`optimize`, giving the freed pages back),
    /// or the levels FTS5 would merge, to the end; the seconds it took, nil when there was nothing to merge.
    private func merge(bulk: Bool, deleted: Int, written: Int) throws -> Double? {
        let pending = (try meta(MergePolicy.deletedKey).flatMap(Int.init) ?? 0) + deleted
        let segments = try segmentCount()
        let state = MergePolicy.State(bulk: bulk, written: written, deletedSinceMerge: pending,
                                      documents: try documentCount(), segments: segments)
        let started = Date()
        if MergePolicy.shouldOptimize(state) {
            try database.transaction {
                try database.execute("INSERT INTO \(IndexSchema.fts) (\(IndexSchema.fts)) VALUES ('optimize')")
                try setMeta(MergePolicy.deletedKey, "0")
            }
            try database.execute("PRAGMA incremental_vacuum")
            return Date().timeIntervalSince(started)
        }
        if deleted > 0 { try setMeta(MergePolicy.deletedKey, "\(pending)") }
        guard segments >= MergePolicy.levelMergeSegments else { return nil }
        try database.transaction {
            try database.execute(
                "INSERT INTO \(IndexSchema.fts) (\(IndexSchema.fts), rank) VALUES ('merge', \(MergePolicy.levelMergePages))")
            // Levels that reach the oldest segment merge everything, as `optimize` would: nothing deleted is left.
            if try segmentCount() == 1 { try setMeta(MergePolicy.deletedKey, "0") }
        }
        try database.execute("PRAGMA incremental_vacuum")
        return Date().timeIntervalSince(started)
    }

    /// Writes FTS5's configuration options (`automerge`, …).
    private func configureFTS5(_ settings: [(String, Int)]) throws {
        try database.execute(settings.map { name, value in
            "INSERT INTO \(IndexSchema.fts) (\(IndexSchema.fts), rank) VALUES ('\(name)', \(value));"
        }.joined(separator: "\n"))
    }

    /// The number of segments FTS5's index is made of (see ``FTS5Structure``); 0 for an index with none yet.
    func segmentCount() throws -> Int {
        let statement = try database.prepare("SELECT block FROM \(IndexSchema.fts)_data WHERE id = ?")
        guard try statement.bind(.integer(FTS5Structure.rowID)).step() else { return 0 }
        return statement.withBlob(0) { FTS5Structure(record: $0)?.segments ?? 0 }
    }

    /// `error`, or ``StoreError/tooManySegments(path:segments:)`` in place of an `SQLITE_FULL` that FTS5's segment
    /// limit raised: SQLite gives both that and a full disk the same code, and only the segment count tells them
    /// apart (after the failed transaction, the index holds nearly the limit).
    func explainingSegmentLimit(_ error: Error) -> Error {
        guard let failure = error as? SQLiteError, failure.code & 0xFF == 13,  // SQLITE_FULL
              let segments = try? segmentCount(), segments >= FTS5Structure.maximumSegments - 100 else { return error }
        return StoreError.tooManySegments(path: path, segments: segments)
    }

    /// Replaces the index's synonyms (in the caller's transaction); searches read them from the next on.
    func setSynonyms(_ synonyms: Synonyms) throws {
        try setMeta(Self.synonymsKey, synonyms.text)
        generation += 1
    }

    /// Sets a value of the meta table.
    func setMeta(_ key: String, _ value: String) throws {
        let statement = try database.prepare("INSERT OR REPLACE INTO \(IndexSchema.meta) (key, value) VALUES (?, ?)")
        try statement.bind(.text(key), .text(value)).run()
    }
}

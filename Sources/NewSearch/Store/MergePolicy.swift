/// When and how an index run merges the FTS5 index.
///
/// FTS5 writes a segment at every commit, and on its own merges as it writes (`automerge`): four segments of a
/// level make one of the next, a little work at a time. Two things go wrong with that on a news archive updated
/// every day. A merge that reaches the large segment of the last full merge is spread over many later writes,
/// while new segments pile up beside it: three runs of 300 updates on the shared corpus left 21 segments, half of
/// the big one in a merge under way, and queries 1.5-1.7 times slower than on a fresh index. And deletion is
/// undone only by a merge that reaches the oldest segment: an updated or removed article's postings stay there,
/// masked by a delete marker, so the index grows and queries read dead postings.
///
/// So a run merges nothing while it writes, and at its end either merges the whole index into one segment
/// (`optimize`) — after a bulk load, once the rows deleted since the last full merge reach ``deletedShare`` of the
/// articles, or past ``segmentCeiling`` segments — or completes the merges of FTS5's levels (`merge`, with a
/// budget that finishes them, never one left under way; when the levels reach the oldest segment, as they do while
/// it sits on a low level after a bulk load, that is a full merge too). A full merge's cost is thus paid about once
/// per that share of the archive rewritten, and a small update costs little more than its own segment. Either
/// merge gives the pages it frees back to the file system. Between runs the settings are
/// FTS5's defaults, so that writes outside a run (``SearchIndex/remove(path:)``) merge as FTS5 intends.
enum MergePolicy {
    /// The share of the index's articles deleted (updated or removed) since the last full merge at which a run
    /// ends with one. 0.1: the index then holds at most about a tenth of dead postings (measured by
    /// `Benchmarks/Scripts/update-runs.py`: size and query time against a fresh index).
    static let deletedShare = 0.1
    /// New articles from which a run counts as a bulk load, when they are at least as many as the articles stored
    /// already: FTS5 merges nothing until the end, then merges everything into one segment once (see
    /// ``IndexStore/beginRun(bulk:)``). An update of an existing index merges as it goes instead.
    static let bulkLoadThreshold = 1000
    /// Segments past which a run ends with a full merge whatever was deleted; level merging keeps an index far
    /// below it, and FTS5 refuses to write past ``FTS5Structure/maximumSegments``.
    static let segmentCeiling = 64
    /// Segments from which a run ends with a level merge (FTS5's `usermerge` default: the segments a level needs).
    static let levelMergeSegments = 4
    /// The page budget of the level merge: enough to finish every merge it starts.
    static let levelMergePages = 1 << 30
    /// The meta key counting the rows deleted since the last full merge.
    static let deletedKey = "deleted_since_merge"

    /// FTS5's merge settings between runs: its defaults.
    static let defaultSettings = [("automerge", 4), ("crisismerge", 16), ("hashsize", 1 << 20)]
    /// FTS5's settings during a run: no merging until the run's end (a crisis merge still bounds a level).
    static let runSettings = [("automerge", 0), ("crisismerge", 16), ("hashsize", 1 << 20)]
    /// FTS5's settings in a bulk load: 64 MB of terms in memory before a segment is written, no merging until
    /// the run's final `optimize`, and a crisis merge well before FTS5's segment limit.
    static let bulkSettings = [("automerge", 0), ("crisismerge", 1000), ("hashsize", 64 << 20)]

    /// What the decision looks at, at the end of a run.
    struct State {
        /// Whether the run was a bulk load.
        var bulk: Bool
        /// Articles the run wrote and removed.
        var written: Int
        /// Rows deleted since the last full merge, this run's included.
        var deletedSinceMerge: Int
        /// Articles in the index.
        var documents: Int
        /// Segments of the FTS5 index.
        var segments: Int
    }

    /// Whether the run ends with a full merge: after a bulk load of many articles (one segment makes every later
    /// search cheaper), when the deleted rows reach ``deletedShare`` of the articles, or past ``segmentCeiling``.
    static func shouldOptimize(_ state: State) -> Bool {
        if state.segments <= 1 { return false }
        if state.bulk && state.written >= bulkLoadThreshold { return true }
        if state.segments > segmentCeiling { return true }
        return state.deletedSinceMerge > 0
            && Double(state.deletedSinceMerge) >= deletedShare * Double(max(state.documents, 1))
    }
}

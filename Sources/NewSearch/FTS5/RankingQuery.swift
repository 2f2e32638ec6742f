/// One query's state in the ranking function (the first phase of ranking): the plan that says what each phrase
/// stands for, the terms' document frequencies, buffers reused row after row, and what the search asked to keep.
///
/// The searcher binds it to the ranking function's argument as a pointer (`newsearch_ranking`) and keeps it alive
/// while the statement runs; a plain `newsearch_rank(fts)` from SQL gets one made on its first row.
final class RankingQuery {
    let plan: RankingPlan
    /// The number of articles each term's phrase matches, by term: given by the searcher when it knows them (a
    /// cache), else counted on the first row (one pass over each phrase's matches).
    var documentFrequencies: [Int?]
    /// Score every row as if each term's idf were 1: for a one-term query, whose order idf does not change; the
    /// searcher scales the page's scores afterwards.
    let defersIDF: Bool

    /// The plan's phrases as flat buffers for the hot path: each phrase's term (-1 for none) and its flags
    /// (bit 0: requires a word start; bit 1: required). Allocated in init, freed in deinit.
    let phraseTerms: UnsafeMutableBufferPointer<Int32>
    let phraseFlags: UnsafeMutableBufferPointer<UInt8>
    /// Whether some phrase counts only matches that begin a word (`term*`): each matching row's boundaries are read.
    let checksWordStarts: Bool
    /// The figures the rows are scored with.
    var parameters: RankingParameters {
        get { row.pointee.model.parameters }
        set { row.pointee.model = RelevanceModel(parameters: newValue) }
    }
    /// Whether the ranking function scores every row on the statement's first, through `xQueryPhrase`: for a
    /// plan of one phrase (the store decides, and then asks for one row).
    var scoresAllRowsAtOnce = false
    /// Stops the scoring of ``scoresAllRowsAtOnce`` once raised (the statement's progress check cannot).
    var cancellation: CancellationFlag?
    /// Keep the matches of every row that enters ``top``, for the second phase (``candidateMatches(of:)``).
    var keepsCandidateMatches: Bool {
        get { row.pointee.keepsCandidateMatches }
        set {
            row.pointee.keepsCandidateMatches = newValue
            if newValue { row.pointee.candidateRanges.reserveCapacity(4 * min(top.capacity, 1 << 14)) }
        }
    }
    /// Whether some row's matches were kept.
    var hasCandidateMatches: Bool { !row.pointee.candidateRanges.isEmpty }
    /// The matches of a row that entered ``top`` (empty for another).
    func candidateMatches(of id: Int64) -> ArraySlice<MatchOccurrence> {
        guard let range = row.pointee.candidateRanges[id] else { return [] }
        return row.pointee.candidatePool[range]
    }

    /// What the ranking function reads and writes on every row, behind a pointer so that it costs no reference
    /// counting or exclusivity check: set up on the first row (see ``RowState``).
    let row: UnsafeMutablePointer<RowState>

    /// The query's per-row figures: the counts (made on the first row, with the idf and mean lengths in them),
    /// the connection's article figures as plain memory (valid while the statement runs: the connection's
    /// ``RankingEnvironment`` keeps them), the scoring parameters, and what the scored rows leave.
    struct RowState {
        var counts: MatchCounts?
        var figures: ArticleFigures.Table?
        var model = RelevanceModel()
        var collected = Collectors(allowed: nil, inner: CollectorPair(
            first: CandidateWindow(candidates: TopHits(capacity: 0, order: .relevance)),
            second: CollectorPair(first: HitCount(), second: nil)))
        /// The rows visited so far when every row is scored at once.
        var visited = 0
        /// The counted matches of the current row.
        var occurrences: [MatchOccurrence] = []
        var keepsCandidateMatches = false
        /// The matches of every row that entered the best, one after another (those pushed out again stay), and
        /// where each row's lie: no allocation per row.
        var candidatePool: [MatchOccurrence] = []
        var candidateRanges: [Int64: Range<Int>] = [:]
    }
    /// The positions each phrase spans: from the plan, or read from FTS5 on the first row where the plan does
    /// not say (a plain `newsearch_rank(fts)`).
    let phraseSizes: UnsafeMutableBufferPointer<Int32>
    /// Reads a row's statistics record, for ``checksWordStarts`` (the connection's, set on the first row).
    var records: RankingEnvironment.RecordReader?

    init(plan: RankingPlan, documentFrequencies: [Int?]? = nil, defersIDF: Bool = false) {
        self.plan = plan
        row = .allocate(capacity: 1)
        row.initialize(to: RowState())
        self.documentFrequencies = documentFrequencies ?? plan.terms.map { _ in nil }
        self.defersIDF = defersIDF
        checksWordStarts = plan.phrases.contains { $0.requiresWordStart }
        phraseTerms = .allocate(capacity: max(1, plan.phrases.count))
        phraseSizes = .allocate(capacity: max(1, plan.phrases.count))
        phraseSizes.initialize(repeating: 0)
        for (index, phrase) in plan.phrases.enumerated() { phraseSizes[index] = Int32(phrase.span) }
        phraseFlags = .allocate(capacity: max(1, plan.phrases.count))
        for (index, phrase) in plan.phrases.enumerated() {
            phraseTerms[index] = phrase.term.map { Int32($0) } ?? -1
            phraseFlags[index] = (phrase.requiresWordStart ? 1 : 0) | (phrase.isRequired ? 2 : 0)
        }
    }

    deinit {
        row.pointee.counts?.deallocate()
        row.deinitialize(count: 1)
        row.deallocate()
        phraseTerms.deallocate()
        phraseSizes.deallocate()
        phraseFlags.deallocate()
    }

    /// Whether the article of row `id` belongs to a series, as the rows were scored (by the figures' mark; false
    /// before the first row or without figures).
    func isSeries(_ id: Int64) -> Bool {
        row.pointee.figures?.entry(id).isSeries ?? false
    }

    /// Each term's idf and each column's mean length, as the rows were scored (nil before the first row).
    var scoringFigures: (idf: [Double], averageLengths: [Double], columns: Int)? {
        guard let counts = row.pointee.counts else { return nil }
        return (Array(counts.idf.prefix(counts.terms)), Array(counts.averageLengths.prefix(counts.columns)),
                counts.columns)
    }

    /// Where scored rows go: the rows the filter allows are offered to the best page, counted, and their ids kept
    /// when asked for; none returns to SQL (held in ``row``).
    typealias Collectors = AllowedRows<CollectorPair<CandidateWindow, CollectorPair<HitCount, HitIDs?>>>

    /// The best rows taken, as many as its capacity (every row that can reach the page, see ``CandidateWindow``).
    var top: TopHits {
        get { row.pointee.collected.inner.first.candidates }
        set { row.pointee.collected.inner.first = CandidateWindow(candidates: newValue) }
    }

    /// Takes the best rows into `candidates`, leaving out those that cannot reach a page of `page` rows (set the
    /// ``parameters`` first: the window needs a full score to be at least the first phase's, which a negative
    /// raise would break, and then keeps every row).
    func keepCandidates(_ candidates: TopHits, page: Int) {
        let model = row.pointee.model
        let lowers = model.parameters.wordAlignmentBoost < 0 || model.parameters.proximityBoost < 0
        row.pointee.collected.inner.first = CandidateWindow(
            candidates: candidates, page: lowers ? .max : page,
            raise: model.maximumRaise(rewardsProximity: plan.rewardsProximity))
    }
    /// The best first-phase score of a row the candidates do not hold: pushed out of them, or turned away as unable
    /// to reach the page (-infinity for none).
    var bestLeftOut: Double {
        let window = row.pointee.collected.inner.first
        return max(window.candidates.bestDropped, window.bestRejected)
    }
    /// Only these rows are hits (the articles that meet the query's metadata filters), when set.
    var allowed: Set<Int64>? {
        get { row.pointee.collected.allowed }
        set { row.pointee.collected.allowed = newValue }
    }
    /// The rows scored and allowed: the exact number of hits.
    var total: Int { row.pointee.collected.inner.second.first.count }
    /// Whether every hit's row id is kept (``ids``).
    var collectsIDs: Bool {
        get { row.pointee.collected.inner.second.second != nil }
        set { row.pointee.collected.inner.second.second = newValue ? HitIDs() : nil }
    }
    /// Every hit's row id, when asked for (``collectsIDs``), in index order.
    var ids: [Int64] { row.pointee.collected.inner.second.second?.ids ?? [] }

    /// Takes one scored row, and keeps its matches (``RowState/occurrences``) when it enters the best and
    /// ``keepsCandidateMatches`` is set.
    @inline(__always)
    func collect(id: Int64, score: Double, date: Int64) {
        if row.pointee.collected.allowed?.contains(id) == false { return }
        row.pointee.collected.collect(TopHits.Row(id: id, score: score, date: date))
        if row.pointee.keepsCandidateMatches, row.pointee.collected.inner.first.keptLast { keepMatches(of: id) }
    }

    /// Keeps the current row's matches in the pool, which is first compacted to the rows still among the best when
    /// those pushed out hold most of it (as in date order over rows that come oldest first, where every row enters).
    @inline(never)
    private func keepMatches(of id: Int64) {
        if row.pointee.candidateRanges.count > 4 * max(top.count, 1024) {
            let kept = top.sorted()
            var pool: [MatchOccurrence] = [], ranges: [Int64: Range<Int>] = [:]
            for candidate in kept {
                guard let range = row.pointee.candidateRanges[candidate.id] else { continue }
                ranges[candidate.id] = pool.count ..< pool.count + range.count
                pool.append(contentsOf: row.pointee.candidatePool[range])
            }
            row.pointee.candidatePool = pool
            row.pointee.candidateRanges = ranges
        }
        let start = row.pointee.candidatePool.count
        row.pointee.candidatePool.append(contentsOf: row.pointee.occurrences)
        row.pointee.candidateRanges[id] = start ..< row.pointee.candidatePool.count
    }
}

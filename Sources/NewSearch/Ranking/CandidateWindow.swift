/// The first phase's candidates: the best rows by first-phase score, as many as ``candidates`` holds, among those
/// that can still reach the page. A row's full score is at least its first-phase score and at most that times
/// ``raise`` (``RelevanceModel/maximumRaise``), so once `page` rows are taken, a row whose first-phase score times the
/// raise stays below the `page`-th best first-phase score can never be on the page: it is counted, not kept.
struct CandidateWindow: HitCollector {
    /// The candidates kept.
    var candidates: TopHits
    /// The best `page` first-phase scores so far; nil when rows are kept by date (no raise changes that order).
    private var floor: TopHits?
    private let raise: Double
    /// Whether the row last offered was kept.
    private(set) var keptLast = false
    /// The best first-phase score of a row turned away because it could not reach the page (it may still be the
    /// best of the rows without some property: ``PageRanker``'s bound of the untitled rows counts it).
    private(set) var bestRejected = -Double.infinity

    /// - Parameters:
    ///   - page: the rows the page needs (offset and limit).
    ///   - raise: the most the second phase can multiply a first-phase score by.
    init(candidates: TopHits, page: Int, raise: Double) {
        self.candidates = candidates
        floor = candidates.order == .relevance && page < candidates.capacity
            ? TopHits(capacity: page, order: .relevance) : nil
        self.raise = raise
    }

    /// Keeps everything `candidates` takes, with no floor.
    init(candidates: TopHits) {
        self.init(candidates: candidates, page: .max, raise: 1)
    }

    @inline(__always)
    mutating func collect(_ row: TopHits.Row) {
        if floor != nil {
            floor!.offer(row)
            if floor!.isFull, let lowest = floor!.worst, row.score * raise < lowest.score {
                keptLast = false
                bestRejected = max(bestRejected, row.score)
                return
            }
        }
        candidates.offer(row)
        keptLast = candidates.keptLast
    }
}

/// How far an index run is: files looked at, out of all the files found; then, once the articles are stored, the
/// frequent terms ranked ahead of time (``phase``).
public struct IndexProgress: Sendable {
    /// What the run is doing.
    public enum Phase: Sendable {
        /// Reading, analysing and storing articles: ``done`` and ``total`` count files (or articles).
        case articles
        /// Ranking the first page of each frequent term (see ``IndexReport/headsRanked``): ``done`` and ``total``
        /// count terms.
        case frequentTerms
    }

    /// Article files (or, when adding, articles) dealt with so far, unchanged and failed ones included; in the
    /// ``Phase/frequentTerms`` phase, terms ranked.
    public var done: Int
    /// All the article files this run found (or the articles given to add); 0 while ``waitingForAnotherRun``; in
    /// the ``Phase/frequentTerms`` phase, the terms to rank.
    public var total: Int
    /// Set once, before any file, when another index run is writing this index: this run waits for it to end.
    public var waitingForAnotherRun = false
    public var phase = Phase.articles

    /// Progress with the given parts, each as its property describes.
    public init(done: Int, total: Int, waitingForAnotherRun: Bool = false, phase: Phase = .articles) {
        self.done = done
        self.total = total
        self.waitingForAnotherRun = waitingForAnotherRun
        self.phase = phase
    }
}

/// How far an index run is: files looked at, out of all the files found.
public struct IndexProgress: Sendable {
    /// Article files (or, when adding, articles) dealt with so far, unchanged and failed ones included.
    public var done: Int
    /// All the article files this run found (or the articles given to add); 0 while ``waitingForAnotherRun``.
    public var total: Int
    /// Set once, before any file, when another index run is writing this index: this run waits for it to end.
    public var waitingForAnotherRun = false
}

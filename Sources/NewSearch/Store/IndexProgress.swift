/// How far an index run is: files looked at, out of all the files found.
public struct IndexProgress: Sendable {
    public var done: Int
    public var total: Int
    /// Set once, before any file, when another index run is writing this index: this run waits for it to end.
    public var waitingForAnotherRun = false
}

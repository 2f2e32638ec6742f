/// How far an index run is: files looked at, out of all the files found.
public struct IndexProgress: Sendable {
    public var done: Int
    public var total: Int
}

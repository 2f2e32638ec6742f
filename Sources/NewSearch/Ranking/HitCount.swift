/// Counts the hits it takes.
struct HitCount: HitCollector {
    /// The hits taken so far.
    private(set) var count = 0

    @inline(__always)
    mutating func collect(_ row: TopHits.Row) {
        count &+= 1
    }
}

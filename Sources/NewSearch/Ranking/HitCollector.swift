/// Where scored rows go, one at a time: the ranking function hands each hit to a collector, which keeps what the
/// search asked for (the best page, the number of hits, their ids). Collectors are values composed by generics
/// (``CollectorPair``, `Optional`), so that handing a row over costs no reference counting or dynamic dispatch.
protocol HitCollector {
    /// Takes one hit.
    mutating func collect(_ row: TopHits.Row)
}

/// Two collectors that each take every row.
struct CollectorPair<First: HitCollector, Second: HitCollector>: HitCollector {
    var first: First
    var second: Second

    @inline(__always)
    mutating func collect(_ row: TopHits.Row) {
        first.collect(row)
        second.collect(row)
    }
}

/// An absent collector takes nothing.
extension Optional: HitCollector where Wrapped: HitCollector {
    @inline(__always)
    mutating func collect(_ row: TopHits.Row) {
        self?.collect(row)
    }
}

/// Passes on only the rows of a set (the articles that meet a query's metadata filters), or every row when the
/// set is nil.
struct AllowedRows<Inner: HitCollector>: HitCollector {
    var allowed: Set<Int64>?
    var inner: Inner

    @inline(__always)
    mutating func collect(_ row: TopHits.Row) {
        if allowed?.contains(row.id) == false { return }
        inner.collect(row)
    }
}

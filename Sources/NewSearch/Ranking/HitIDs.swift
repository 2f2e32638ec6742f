/// Keeps the row id of every hit, in the order taken (row order), for facet counts and hit lists.
struct HitIDs: HitCollector {
    private(set) var ids: [Int64] = []

    @inline(__always)
    mutating func collect(_ row: TopHits.Row) {
        ids.append(row.id)
    }
}

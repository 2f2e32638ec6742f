/// What the ranking function of one connection reads besides FTS5: the index's in-memory document statistics,
/// set by the store before each search (nil on a connection that has none, such as an app's own FTS5 table: the
/// function then asks FTS5 for document lengths and treats no match as word-aligned).
final class RankingEnvironment {
    var statistics: DocumentStatistics?
}

/// What the ranking function of one connection reads besides FTS5, set by the store before each search: the
/// index's article figures (lengths and dates) and a reader of one article's statistics record (for `term*`, which
/// counts only matches that begin a word). Both nil on a connection that has none, such as an app's own FTS5 table:
/// the function then asks FTS5 for document lengths.
final class RankingEnvironment {
    /// Reads the statistics record and boundary blob of the article stored under a row id.
    typealias RecordReader = (Int64) -> (record: StatisticsRecord, boundaries: [UInt8])?

    var figures: ArticleFigures?
    var records: RecordReader?
}

/// The constants of relevance ranking (see ``RelevanceModel``), each with where it comes from.
public enum Ranking {
    /// BM25F weight of a match in the title: a title names what the article is about, so one title match
    /// counts as five body matches before the term's saturation; with ``titleMatchBonus`` (measured by
    /// `swift run -c release evaluate`: 10 without the bonus ranked titled articles of the typical queries lower,
    /// 20 loses body known items).
    public static let titleWeight = 5.0
    /// Added to a term's saturated frequency when the title holds the term, so that a headline naming the term
    /// ranks above an article that only repeats it in the body: 0.5, the smallest of the values measured (0.1 to
    /// 1) that ranks the title-graded typical queries as well as the per-column model did (nDCG@10 1.000), at a
    /// cost in body known items (MRR@10 0.628 without it, 0.580 with it; BENCHMARKS.md, "Ranking quality").
    public static let titleMatchBonus = 0.5
    /// bm25 weight of a match in the body, the unit the other weights are measured in.
    public static let bodyWeight = 1.0
    /// bm25's term-frequency saturation, the value FTS5's bm25() and Lucene use: the second match of a term adds
    /// less than the first, the tenth almost nothing.
    public static let k1 = 1.2
    /// bm25's length normalization, the value FTS5's bm25() and Lucene use: a match in a short text counts more.
    public static let b = 0.75
    /// How much a term's score rises when all its matches begin and end on word boundaries (上海 as a word, not
    /// inside 上海市; 华为 in 华为手机, not in 中华为民族). At 0.3, an aligned match outranks one sub-word match
    /// in an article of the same length, but not two: two matches score 1.375 times one under bm25's saturation.
    public static let wordAlignmentBoost = 0.3
    /// How much an article's score rises when the terms of a multi-term query occur close together: 5%, about a
    /// tie-break between articles of equal counts. The evaluation measured every larger boost (0.1 to 1.0, windows
    /// 4 to 32) ranking both the wanted known items and the title-graded typical queries lower (BENCHMARKS.md,
    /// "Ranking quality").
    public static let proximityBoost = 0.05
    /// The most tokens (characters) between the end of one term's match and the start of the next for the terms
    /// of a multi-term query to count as close; about a short clause of Chinese.
    public static let proximityWindow = 8
}

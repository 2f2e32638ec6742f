/// The constants of relevance ranking (see ``RelevanceModel``), each with where it comes from.
public enum Ranking {
    /// BM25F weight of a match in the title: a title names what the article is about, so one title match
    /// counts as three body matches before the term's saturation. Chosen with ``k1`` and ``titleMatchBonus`` on
    /// the graded set (`Benchmarks/Graded`, judged blind) and the known items together (`EVALUATE_GRID=1 swift run
    /// -c release evaluate`): 5 ranked titles that hold a query's character inside a name (桥 in 桥下彻, 枫桥)
    /// above articles about the thing; 2 loses title known items.
    public static let titleWeight = 3.0
    /// Added to a term's saturated frequency when the title holds the term: 0, off. At 0.5 (the model until
    /// 2026-12-06) a title holding the characters anywhere, even across two words (北[京东]城区 for 京东), outranked
    /// articles whose body is about the term; without it (and with k1 2, title weight 3) the graded set's nDCG@10
    /// over all classes but traditional rose from 0.895 to 0.908 (1–2 characters 0.627 → 0.728) and body known
    /// items from MRR@10 0.580 to 0.662 (BENCHMARKS.md, "Ranking quality, graded").
    public static let titleMatchBonus = 0.0
    /// bm25 weight of a match in the body, the unit the other weights are measured in.
    public static let bodyWeight = 1.0
    /// bm25's term-frequency saturation: the second match of a term adds less than the first. 2.0, above the 1.2
    /// of FTS5's bm25() and Lucene, lets repeated matches count for more before they saturate, which tells an
    /// article about 桥 (a bridge) from one that names 桥 once: on the graded set 1–2 characters 0.663 → 0.728 at
    /// title weight 3 and no title bonus, the other classes within ±0.005.
    public static let k1 = 2.0
    /// bm25's length normalization, the value FTS5's bm25() and Lucene use: a match in a short text counts more.
    public static let b = 0.75
    /// How much a term's score rises with its matches' alignment share: the mean over its matches of 1 for a match
    /// on word boundaries (上海 as a word; 华为 in 华为手机), ½ for one inside a single word (上海 in 上海市, 京东 in
    /// 京东方), 0 for one across a word boundary (京东 in 北京|东城区, 华为 in 中华|为民族). At 0.6 articles that name
    /// 京东 as a word rank above a title holding 北京东城区, which 0.3 did not; on the graded set, nDCG@10 over all
    /// classes but traditional is 0.909 at 0.6, 0.907 at 0.3, 0.908 at 1.0 and 0.893 without (1–2 characters
    /// 0.750, 0.736, 0.738, 0.661); body known items are level. It is the second phase's raise, with
    /// ``proximityBoost``: the candidates must include every article it could lift onto the page, so a larger raise
    /// costs a little time (the typical median 3–6% above 0.3's).
    public static let wordAlignmentBoost = 0.6
    /// How much an article's score rises when the terms of a multi-term query occur close together: 5%, about a
    /// tie-break between articles of equal counts. The evaluation measured every larger boost (0.1 to 1.0, windows
    /// 4 to 32) ranking both the wanted known items and the title-graded typical queries lower (BENCHMARKS.md,
    /// "Ranking quality").
    public static let proximityBoost = 0.05
    /// The most tokens (characters) between the end of one term's match and the start of the next for the terms
    /// of a multi-term query to count as close; about a short clause of Chinese.
    public static let proximityWindow = 8
    /// How much a score rises with how full the article is of the query's characters, each counted wherever it
    /// stands (贫 in 扶贫 and in 贫困, 汽 in 新能源汽车 and in 汽车): a Chinese word's characters carry its sense, so an
    /// article about 扶贫 says 贫 again and again where one that names 扶贫 in passing does not. The share is the mean
    /// over the query's distinct ideographs of each one's saturated frequency (``characterK1``, ``characterB``, a
    /// title character counting ``titleWeight`` times), from 0 to nearly 1; the factor is 1 + 0.4 × the share above
    /// ``characterFloor`` × how the terms stand as words where they match (their alignment share, as for
    /// ``wordAlignmentBoost``): an article that holds 京东 only across two words (北京|东城区) says 北京 and 东城 again
    /// and again, and those characters are not the query's sense. Without that last factor 北京东城区 rose above
    /// articles about JD.com. Xapian's BM25 over every character and bigram gets this evidence by construction.
    ///
    /// With ``leadBoost`` it lifts the graded set's plain words from 0.976 to 0.988 and several words from 0.921 to
    /// 0.938 (Xapian 0.987 and 0.932); without it, 0.982 and 0.930 with the lead alone (BENCHMARKS.md, "The query's
    /// characters and the lead, standard"). The counts come from each article's stored `ArticleCharacters`, read
    /// with its word boundaries, so the second phase reads no text: the typical median of `compare` is within its
    /// noise of the model without the two signals (0.37–0.43 ms against 0.36–0.40), the warm one ×1.10, where
    /// reading and scanning each candidate's text made it ×1.4–1.5.
    public static let characterBoost = 0.4
    /// The character share above which ``characterBoost`` raises a score: ½, the share of an article of average
    /// length that holds each of the query's characters once. A candidate holds the characters of the terms it
    /// matches, so its share is seldom below; counting only what lies above keeps the order that 0.5 without a
    /// floor gave (the graded set's nDCG@10 the same in every class) while the second phase's largest raise, which
    /// sets how many candidates it must score, is ×1.2 instead of ×1.5.
    public static let characterFloor = 0.5
    /// The characters' term-frequency saturation: low, since the question is whether the article is full of them,
    /// not how many times over.
    public static let characterK1 = 1.0
    /// The characters' length normalization: half, as long articles hold more of every character.
    public static let characterB = 0.5
    /// How much a score rises when the terms first occur in the body's opening (``leadWindow``): the lead of a
    /// news article says what it is about. The share of the query's terms whose first body match begins there.
    /// It helps with ``characterBoost``, not without it (part of a word 0.926 → 0.917 alone).
    public static let leadBoost = 0.05
    /// The positions (characters) of the body's opening that ``leadBoost`` looks at: about the first two sentences.
    public static let leadWindow = 100
    /// What an article of a series (a title at least ``seriesSize`` articles share: 国内联播快讯, 国际联播快讯,
    /// 国家卫生健康委通报最新疫情) scores, as a share of what it would otherwise: a roundup gathers several short
    /// items under a title that says nothing of them, and one item matching a query seldom makes it the answer
    /// (judges grade such an item 1, "in passing"). On the graded set, with every variant's top 10 judged (1,896
    /// pairs), all classes but traditional 0.904 → 0.909 and traditional 0.939 → 0.945; ×⅔ and ×½ rank all but
    /// traditional the same within 0.001 (traditional 0.946, 0.953) but cost the body known items more (MRR@10 0.665
    /// without, 0.659 at 0.8, 0.649 at ⅔, 0.647 at ½: some known items are roundups). The one factor below 1, so the first phase
    /// applies it (from a mark in the article's figures) and the second's raises still only raise.
    public static let seriesFactor = 0.8
    /// The fewest articles that share a title for it to be a series' (``seriesFactor``): the shared corpus has three
    /// such titles (1,191, 1,045 and 189 articles); the next, 李克强主持召开国务院常务会议 (91), reports one meeting
    /// each, about what it decided, and lowering it and 联播快讯 (62) too (a bound of 50) ranked several words lower
    /// in an offline trial. A count, not a share of the archive: a real archive grows by new days, not by copies
    /// (the benchmarks' ×10 and ×50 copies make every title shared 10 or 50 times, and a title two articles share a
    /// series at ×50).
    public static let seriesSize = 100
}

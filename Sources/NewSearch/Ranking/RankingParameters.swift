/// The figures of ``RelevanceModel``: ``standard`` holds those newsearch ranks with (the constants of
/// ``Ranking``); others are for measuring what each signal is worth, as the ranking evaluation
/// (`Benchmarks`, `swift run -c release evaluate`) does by switching them one at a time.
public struct RankingParameters: Sendable, Hashable {
    /// bm25's term-frequency saturation (``Ranking/k1``).
    public var k1: Double
    /// bm25's length normalization (``Ranking/b``).
    public var b: Double
    /// The weight of a title match (``Ranking/titleWeight``).
    public var titleWeight: Double
    /// The weight of a body match (``Ranking/bodyWeight``).
    public var bodyWeight: Double
    /// The raise for matches on word boundaries (``Ranking/wordAlignmentBoost``); 0 turns it off.
    public var wordAlignmentBoost: Double
    /// The raise for terms close together (``Ranking/proximityBoost``); 0 turns it off.
    public var proximityBoost: Double
    /// The most tokens between two terms for them to be close (``Ranking/proximityWindow``).
    public var proximityWindow: Int
    /// BM25F (the standard model): one saturation over the weighted, length-normalized frequencies of all
    /// columns; false sums one bm25 per column, each times its weight (the model before 2026-12).
    public var combinesColumns = true
    /// Added to a term's saturated BM25F frequency (before idf) when the term occurs in the title: a title that
    /// names a term says the article is about it, however often the body repeats it elsewhere
    /// (``Ranking/titleMatchBonus``); 0 turns it off.
    public var titleMatchBonus = Ranking.titleMatchBonus
    /// The raise for an article full of the query's characters (``Ranking/characterBoost``); 0 turns it off.
    public var characterBoost = Ranking.characterBoost
    /// The share of the query's characters above which an article is raised (``Ranking/characterFloor``).
    public var characterFloor = Ranking.characterFloor
    /// The raise for terms that first occur in the body's opening (``Ranking/leadBoost``); 0 turns it off.
    public var leadBoost = Ranking.leadBoost
    /// The positions of the body's opening (``Ranking/leadWindow``).
    public var leadWindow = Ranking.leadWindow
    /// What an article of a series (a title many articles share, ``Ranking/seriesSize``) scores, as a share of its
    /// score otherwise (``Ranking/seriesFactor``); 1 turns it off. Kept between 0.01 and 1.
    public var seriesFactor = Ranking.seriesFactor

    /// The model newsearch ranks with.
    public static let standard = RankingParameters(
        k1: Ranking.k1, b: Ranking.b, titleWeight: Ranking.titleWeight, bodyWeight: Ranking.bodyWeight,
        wordAlignmentBoost: Ranking.wordAlignmentBoost, proximityBoost: Ranking.proximityBoost,
        proximityWindow: Ranking.proximityWindow)

    /// Parameters with the given values, each as its property describes.
    public init(k1: Double, b: Double, titleWeight: Double, bodyWeight: Double, wordAlignmentBoost: Double,
                proximityBoost: Double, proximityWindow: Int) {
        self.k1 = k1
        self.b = b
        self.titleWeight = titleWeight
        self.bodyWeight = bodyWeight
        self.wordAlignmentBoost = wordAlignmentBoost
        self.proximityBoost = proximityBoost
        self.proximityWindow = proximityWindow
    }
}

extension RankingParameters: CustomStringConvertible {
    /// The model in one line, as `--explain` prints it: `BM25F (k1 2, b 0.75, title ×3), word alignment up to ×1.6
    /// (a whole word 1, inside a word ½, across words 0), proximity ×1.05 within 8 characters`; with the query's
    /// characters, `the query's characters up to ×1.2 (above a share of 0.5)`, the lead, `terms in the first 100
    /// characters ×1.05`, and the series, `a series' article (a title 100 articles share) ×0.8`.
    public var description: String {
        func number(_ value: Double) -> String { value == value.rounded() ? "\(Int(value))" : "\(value)" }
        let columns = (combinesColumns ? "BM25F" : "bm25 per column") + " (k1 \(number(k1)), b \(number(b)), title ×\(number(titleWeight))"
            + (bodyWeight == 1 ? "" : ", body ×\(number(bodyWeight))")
            + (titleMatchBonus == 0 ? ")" : ", title match +\(number(titleMatchBonus)) × idf)")
        return columns + ", word alignment up to ×\(number(1 + wordAlignmentBoost)) (a whole word 1, inside a word ½, "
            + "across words 0), proximity ×\(number(1 + proximityBoost)) within \(proximityWindow) characters"
            + (characterBoost == 0 ? "" : ", the query's characters up to "
                + "×\(number(RelevanceModel(parameters: self).characterFactor(share: 1))) (above a share of \(number(characterFloor)))")
            + (leadBoost == 0 ? "" : ", terms in the first \(leadWindow) characters ×\(number(1 + leadBoost))")
            + (seriesFactor >= 1 ? "" : ", a series' article (a title \(Ranking.seriesSize) articles share) "
                + "×\(number(RelevanceModel(parameters: self).seriesFactor))")
    }
}

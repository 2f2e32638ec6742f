import Foundation

/// How well one article matches a query: BM25F per term over the title and body, raised for matches that align
/// with word boundaries and, slightly, for terms found close together. A pure function of counts, so it can be
/// explained.
///
/// tf(term) = Σ over columns: weight × matches / (1 − b + b × length / mean length)
/// score = (Σ over terms: idf × (tf (k1 + 1) / (tf + k1) + ``Ranking/titleMatchBonus`` when the title holds it)
///                      × (1 + ``Ranking/wordAlignmentBoost`` × alignment share))
///   alignment share: the mean over the term's matches of 1 for a whole word, ½ inside one word, 0 across words
///         × (1 + ``Ranking/proximityBoost`` when all terms occur within ``Ranking/proximityWindow`` tokens)
///         × (1 + ``Ranking/characterBoost`` × the character share above ``Ranking/characterFloor`` × the word share)
///         × (1 + ``Ranking/leadBoost`` × the share of terms whose first body match is within ``Ranking/leadWindow``)
///         × (``Ranking/seriesFactor`` for an article of a series, a title ``Ranking/seriesSize`` articles share)
///   character share: how full the article is of the query's characters, from 0 to nearly 1
///   word share: the mean over the matching terms of their alignment share (the characters of a match across
///         words belong to those words)
///
/// The first phase scores every match without the four raises after the alignment (the series' factor it applies);
/// the second adds them for the best candidates.
public struct RelevanceModel: Sendable {
    /// What the model needs to know of one query term in one article.
    struct TermCounts: Sendable, Equatable {
        /// The term's inverse document frequency, from the number of articles it matches.
        var idf: Double
        /// Its matches per column (title, body).
        var frequencies: [Int]
        /// How many of its matches begin and end on word boundaries.
        var aligned: Int

        /// The counts of one term in one article, each as its property describes.
        init(idf: Double, frequencies: [Int], aligned: Int) {
            self.idf = idf
            self.frequencies = frequencies
            self.aligned = aligned
        }
    }

    /// One term's share of a score.
    public struct TermScore: Sendable, Equatable, Codable {
        /// The term's inverse document frequency.
        public var idf: Double
        /// bm25 of the term in this article: idf × (the weighted, saturated frequencies + the title match bonus
        /// when the title holds the term).
        public var bm25: Double
        /// The part of ``bm25`` that the title match bonus (``Ranking/titleMatchBonus``) adds: idf × the bonus, or 0.
        public var titleBonus: Double
        /// 1 + ``Ranking/wordAlignmentBoost`` × the share of its matches on word boundaries.
        public var alignmentFactor: Double
        /// The term's share of the score: ``bm25`` × ``alignmentFactor``.
        public var score: Double { bm25 * alignmentFactor }
    }

    /// A score and its parts.
    public struct Score: Sendable, Equatable, Codable {
        /// The part of each query term, in the order of the query's terms.
        public var terms: [TermScore]
        /// 1, or 1 + ``Ranking/proximityBoost`` when the terms occur close together.
        public var proximityFactor: Double
        /// 1 + ``Ranking/characterBoost`` × how full the article is of the query's characters above
        /// ``Ranking/characterFloor`` × how its terms stand as words (1 when the share is below the floor).
        public var characterFactor: Double = 1
        /// 1 + ``Ranking/leadBoost`` × the share of the terms whose first body match is in the body's opening.
        public var leadFactor: Double = 1
        /// ``Ranking/seriesFactor`` for an article of a series (a title many articles share), else 1.
        public var seriesFactor: Double = 1
        /// The score: the sum of the terms' ``TermScore/score``, times ``proximityFactor``, ``leadFactor``,
        /// ``characterFactor`` and ``seriesFactor``.
        public var total: Double {
            terms.reduce(0) { $0 + $1.score } * proximityFactor * leadFactor * characterFactor * seriesFactor
        }

        private enum CodingKeys: String, CodingKey {
            case terms, proximityFactor, characterFactor, leadFactor, seriesFactor
        }

        /// The score of a one-term query computed with idf 1, with the term's real idf put in.
        func scaled(byIDF idf: Double) -> Score {
            var scaled = self
            for index in scaled.terms.indices {
                scaled.terms[index].idf = idf
                scaled.terms[index].bm25 *= idf
                scaled.terms[index].titleBonus *= idf
            }
            return scaled
        }
    }

    /// The bm25 weight of a match in `column` (0 title, 1 body; 1 for any further column of an app's table).
    @inline(__always)
    func weight(ofColumn column: Int) -> Double {
        column == 0 ? parameters.titleWeight : parameters.bodyWeight
    }

    /// The figures it scores with.
    let parameters: RankingParameters

    /// The model with `parameters` (by default the constants of ``Ranking``).
    init(parameters: RankingParameters = .standard) {
        self.parameters = parameters
    }

    /// The inverse document frequency of a term found in `matching` of `total` articles, as FTS5's bm25 computes
    /// it: log((N − n + 0.5) / (n + 0.5)), floored at a small positive number so that very common terms still count.
    static func idf(matching: Int, total: Int) -> Double {
        max(1e-6, log((Double(total - matching) + 0.5) / (Double(matching) + 0.5)))
    }

    /// The most the second phase's raises (word alignment, proximity, the query's characters, the lead) can
    /// multiply a score by: an article's full score is at most this times its score without them (the first phase
    /// of ranking, see ``CandidateScorer``).
    var maximumRaise: Double { maximumRaise(rewardsProximity: true) }

    /// The most the second phase's raises can multiply a score by, for a query whose terms are, or are not,
    /// rewarded for standing close together (one term never is: ``RankingPlan/rewardsProximity``).
    func maximumRaise(rewardsProximity: Bool) -> Double {
        (1 + max(0, parameters.wordAlignmentBoost)) * (rewardsProximity ? 1 + max(0, parameters.proximityBoost) : 1)
            * max(1, characterFactor(share: 1)) * (1 + max(0, parameters.leadBoost))
    }

    /// What an article of a series scores as a share of its score otherwise: ``RankingParameters/seriesFactor``,
    /// kept between 0.01 and 1.
    var seriesFactor: Double { min(1, max(0.01, parameters.seriesFactor)) }

    /// The factor of an article whose title is, or is not, a series' (``SeriesTitles``).
    @inline(__always)
    func seriesFactor(isSeries: Bool) -> Double {
        isSeries ? seriesFactor : 1
    }

    /// The share of the `terms` query terms that match the body within its first ``RankingParameters/leadWindow``
    /// positions, by their `matches` (terms from the 64th on are not counted); 0 when the lead has no weight.
    func leadShare(_ matches: ArraySlice<MatchOccurrence>, terms: Int) -> Double {
        guard parameters.leadBoost > 0, terms > 0 else { return 0 }
        var early: UInt64 = 0
        for match in matches where match.column == 1 && match.start < parameters.leadWindow && match.term < 64 {
            early |= 1 << UInt64(match.term)
        }
        return Double(early.nonzeroBitCount) / Double(terms)
    }

    /// What the query's characters multiply a score by, for a ``characterShare(title:body:lengths:averageLengths:)``
    /// of `share` in an article whose terms stand as words by `wordShare` (``wordShare(_:)``): 1 +
    /// ``Ranking/characterBoost`` × the share above ``Ranking/characterFloor`` × the word share. At most
    /// `characterFactor(share: 1)`.
    @inline(__always)
    func characterFactor(share: Double, wordShare: Double = 1) -> Double {
        1 + parameters.characterBoost * max(0, share - min(1, max(0, parameters.characterFloor)))
            * min(1, max(0, wordShare))
    }

    /// How the query's terms stand to the words where they match, from 0 to 1: the mean over the terms that match
    /// of their alignment share (a whole word 1, inside a word ½, across words 0). The query's characters count as
    /// far as its terms stand as words: the characters around a match across two words (京东 in 北京|东城区, whose
    /// article says 北京 and 东城 again and again) belong to those words, not to the query's sense.
    func wordShare(_ counts: MatchCounts) -> Double {
        var sum = 0.0, matched = 0
        for term in 0 ..< counts.terms {
            let matches = (0 ..< counts.columns).reduce(0) { $0 + counts.frequency(term: term, column: $1) }
            guard matches > 0 else { continue }
            sum += Self.alignedShare(aligned: Int(counts.aligned[term]), matches: matches)
            matched += 1
        }
        return matched == 0 ? 0 : sum / Double(matched)
    }

    /// A term's alignment share: its matches' alignment credits (2 a whole word, 1 inside a word) over twice their
    /// number.
    @inline(__always)
    private static func alignedShare(aligned: Int, matches: Int) -> Double {
        matches > 0 ? min(1, Double(aligned) / Double(2 * matches)) : 0
    }

    /// How full an article is of the query's characters, from 0 to nearly 1 (``Ranking/characterBoost``): the mean
    /// over the characters of each one's saturated frequency over the title (weighted) and body, length-normalized.
    /// - Parameters:
    ///   - title, body: each character's count in the title and in the body.
    ///   - lengths, averageLengths: the article's title and body lengths, and their means.
    func characterShare(title: [Int32], body: [Int32], lengths: (title: Int, body: Int),
                        averageLengths: [Double]) -> Double {
        guard !body.isEmpty, averageLengths.count >= 2 else { return 0 }
        let k1 = Ranking.characterK1, b = Ranking.characterB, weight = parameters.titleWeight
        let length = weight * Double(lengths.title) + Double(lengths.body)
        let average = max(1, weight * averageLengths[0] + averageLengths[1])
        let normalization = k1 * (1 - b + b * length / average)
        var sum = 0.0
        for index in body.indices {
            let frequency = weight * Double(index < title.count ? title[index] : 0) + Double(body[index])
            sum += frequency / (frequency + normalization)
        }
        return sum / Double(body.count)
    }

    /// Whether an article whose title holds a term can score above every article whose title holds none
    /// (``boundWithoutTitle(idf:)``): only with a title match bonus, or with columns scored apart. Under BM25F
    /// without the bonus one saturation covers both columns, so no title lifts a score past the bound, and ranking
    /// a page from the titled articles alone (the title tier) could never settle it.
    var titleCanOutrankEveryUntitledArticle: Bool {
        parameters.titleMatchBonus > 0 || !parameters.combinesColumns
    }

    /// The most an article can score whose title holds none of the query's terms, whatever its body: each term's
    /// saturated frequency stays below k1 + 1 (times the body's weight when columns are scored apart), with no title
    /// bonus, times ``maximumRaise``.
    func boundWithoutTitle(idf: [Double]) -> Double {
        let perTerm = (parameters.k1 + 1) * (parameters.combinesColumns ? 1 : max(0, parameters.bodyWeight))
        return idf.reduce(0) { $0 + $1 * perTerm } * maximumRaise
    }

    /// The score of an article whose columns hold `lengths` tokens, where columns average `averageLengths`.
    func score(terms: [TermCounts], lengths: [Int], averageLengths: [Double], near: Bool) -> Score {
        let counts = MatchCounts(terms: terms.count, columns: lengths.count, idf: terms.map(\.idf),
                                 averageLengths: averageLengths)
        defer { counts.deallocate() }
        for (term, termCounts) in terms.enumerated() {
            var aligned = termCounts.aligned
            for (column, frequency) in termCounts.frequencies.enumerated() where column < lengths.count {
                for _ in 0 ..< frequency {
                    counts.addMatch(term: term, column: column, alignment: aligned > 0 ? .wholeWords : .straddling)
                    aligned -= 1
                }
            }
        }
        for (column, length) in lengths.enumerated() { counts.setLength(length, column: column) }
        return score(counts, near: near)
    }

    /// The score of one article's counts, with its parts.
    /// - Parameters:
    ///   - lead: the share of the terms whose first body match is in the body's opening, 0 in the first phase.
    ///   - characters: the article's ``characterShare(title:body:lengths:averageLengths:)``, 0 in the first phase.
    ///   - series: whether the article's title is a series' (``SeriesTitles``), false in the first phase.
    func score(_ counts: MatchCounts, near: Bool, lead: Double = 0, characters: Double = 0,
               series: Bool = false) -> Score {
        Score(terms: (0 ..< counts.terms).map { termScore($0, counts) },
              proximityFactor: near ? 1 + parameters.proximityBoost : 1,
              characterFactor: characterFactor(share: characters, of: counts),
              leadFactor: 1 + parameters.leadBoost * lead, seriesFactor: seriesFactor(isSeries: series))
    }

    /// The first phase's score of one article's counts: the sum of its terms' scores, times the series' factor for
    /// an article of a series, without the second phase's raises (the ranking function's hot path).
    @inline(__always)
    func total(_ counts: MatchCounts, series: Bool) -> Double {
        var sum = 0.0
        for term in 0 ..< counts.terms {
            let part = termScore(term, counts)
            sum += part.bm25 * part.alignmentFactor
        }
        return sum * seriesFactor(isSeries: series)
    }

    /// The score of one article's counts but for the query's characters: ``score(_:near:lead:characters:series:)``'s
    /// total without its ``Score/characterFactor`` (``characterFactor(share:of:)``), without building its parts.
    func total(_ counts: MatchCounts, near: Bool, lead: Double, series: Bool) -> Double {
        total(counts, series: series) * (near ? 1 + parameters.proximityBoost : 1) * (1 + parameters.leadBoost * lead)
    }

    /// ``characterFactor(share:wordShare:)`` with the word share of `counts`, computed only where the share is
    /// above the floor (below it the factor is 1).
    @inline(__always)
    func characterFactor(share: Double, of counts: MatchCounts) -> Double {
        share > parameters.characterFloor ? characterFactor(share: share, wordShare: wordShare(counts)) : 1
    }

    /// bm25 of one term over the weighted columns, times its idf, and its alignment factor.
    @inline(__always)
    private func termScore(_ term: Int, _ counts: MatchCounts) -> TermScore {
        var bm25 = 0.0, matches = 0
        if parameters.combinesColumns { return combinedTermScore(term, counts) }
        for column in 0 ..< counts.columns {
            let frequency = counts.frequency(term: term, column: column)
            guard frequency > 0 else { continue }
            matches += frequency
            let length = Double(counts.lengths[column])
            let k1 = parameters.k1, b = parameters.b
            let saturation = Double(frequency) * (k1 + 1)
                / (Double(frequency) + k1 * (1 - b + b * length / counts.averageLengths[column]))
            bm25 += weight(ofColumn: column) * saturation
        }
        return termScore(term, counts, bm25: bm25, matches: matches)
    }

    /// BM25F of one term: the weighted frequencies of every column, each normalized by its column's length,
    /// saturated once.
    @inline(__always)
    private func combinedTermScore(_ term: Int, _ counts: MatchCounts) -> TermScore {
        var frequency = 0.0, matches = 0
        let k1 = parameters.k1, b = parameters.b
        for column in 0 ..< counts.columns {
            let count = counts.frequency(term: term, column: column)
            guard count > 0 else { continue }
            matches += count
            let length = Double(counts.lengths[column])
            frequency += weight(ofColumn: column) * Double(count) / (1 - b + b * length / counts.averageLengths[column])
        }
        return termScore(term, counts, bm25: frequency * (k1 + 1) / (frequency + k1), matches: matches)
    }

    /// A term's score from its bm25 over the columns (before idf) and its number of matches: the title match
    /// bonus added when the title holds the term, times idf, times the alignment factor.
    @inline(__always)
    private func termScore(_ term: Int, _ counts: MatchCounts, bm25: Double, matches: Int) -> TermScore {
        let alignedShare = Self.alignedShare(aligned: Int(counts.aligned[term]), matches: matches)
        let idf = counts.idf[term]
        let titled = counts.columns > 0 && counts.frequency(term: term, column: 0) > 0
        let bonus = titled ? parameters.titleMatchBonus * idf : 0
        return TermScore(idf: idf, bm25: bm25 * idf + bonus, titleBonus: bonus,
                         alignmentFactor: 1 + parameters.wordAlignmentBoost * alignedShare)
    }
}

extension RelevanceModel.Score {
    /// Decodes a score; a factor that an earlier newsearch did not write (the characters, the lead, the series)
    /// counts 1, as it did in that model.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(terms: try container.decode([RelevanceModel.TermScore].self, forKey: .terms),
                  proximityFactor: try container.decode(Double.self, forKey: .proximityFactor),
                  characterFactor: try container.decodeIfPresent(Double.self, forKey: .characterFactor) ?? 1,
                  leadFactor: try container.decodeIfPresent(Double.self, forKey: .leadFactor) ?? 1,
                  seriesFactor: try container.decodeIfPresent(Double.self, forKey: .seriesFactor) ?? 1)
    }
}

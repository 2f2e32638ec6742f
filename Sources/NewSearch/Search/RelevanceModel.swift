import Foundation

/// How well one article matches a query: bm25 per term over the title and body, raised for matches that align
/// with word boundaries and for terms found close together. A pure function of counts, so it can be explained.
///
/// score = (Σ over terms: bm25(term) × (1 + ``Ranking/wordAlignmentBoost`` × aligned share of its matches))
///         × (1 + ``Ranking/proximityBoost`` when all terms occur within ``Ranking/proximityWindow`` tokens)
public struct RelevanceModel: Sendable {
    /// What the model needs to know of one query term in one article.
    public struct TermCounts: Sendable, Equatable {
        /// The term's inverse document frequency, from the number of articles it matches.
        public var idf: Double
        /// Its matches per column (title, body).
        public var frequencies: [Int]
        /// How many of its matches begin and end on word boundaries.
        public var aligned: Int

        public init(idf: Double, frequencies: [Int], aligned: Int) {
            self.idf = idf
            self.frequencies = frequencies
            self.aligned = aligned
        }
    }

    /// One term's share of a score.
    public struct TermScore: Sendable, Equatable, Codable {
        /// The term's inverse document frequency.
        public var idf: Double
        /// bm25 of the term in this article: idf × the weighted, saturated frequencies.
        public var bm25: Double
        /// 1 + ``Ranking/wordAlignmentBoost`` × the share of its matches on word boundaries.
        public var alignmentFactor: Double
        public var score: Double { bm25 * alignmentFactor }
    }

    /// A score and its parts.
    public struct Score: Sendable, Equatable, Codable {
        public var terms: [TermScore]
        /// 1, or 1 + ``Ranking/proximityBoost`` when the terms occur close together.
        public var proximityFactor: Double
        public var total: Double { terms.reduce(0) { $0 + $1.score } * proximityFactor }
    }

    /// Column weights, in column order (title, body).
    public var weights = [Ranking.titleWeight, Ranking.bodyWeight]

    public init() {}

    /// The inverse document frequency of a term found in `matching` of `total` articles, as FTS5's bm25 computes
    /// it: log((N − n + 0.5) / (n + 0.5)), floored at a small positive number so that very common terms still count.
    public static func idf(matching: Int, total: Int) -> Double {
        max(1e-6, log((Double(total - matching) + 0.5) / (Double(matching) + 0.5)))
    }

    /// The score of an article whose columns hold `lengths` tokens, where columns average `averageLengths`.
    public func score(terms: [TermCounts], lengths: [Int], averageLengths: [Double], near: Bool) -> Score {
        let termScores = terms.map { term -> TermScore in
            var bm25 = 0.0
            for (column, frequency) in term.frequencies.enumerated() where frequency > 0 {
                let average = max(averageLengths[safe: column] ?? 1, 1)
                let length = Double(lengths[safe: column] ?? 0)
                let saturation = Double(frequency) * (Ranking.k1 + 1)
                    / (Double(frequency) + Ranking.k1 * (1 - Ranking.b + Ranking.b * length / average))
                bm25 += (weights[safe: column] ?? 1) * saturation
            }
            let matches = term.frequencies.reduce(0, +)
            let alignedShare = matches > 0 ? min(1, Double(term.aligned) / Double(matches)) : 0
            return TermScore(idf: term.idf, bm25: bm25 * term.idf,
                             alignmentFactor: 1 + Ranking.wordAlignmentBoost * alignedShare)
        }
        return Score(terms: termScores, proximityFactor: near ? 1 + Ranking.proximityBoost : 1)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

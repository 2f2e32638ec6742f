/// The second phase of ranking: the whole model, word alignment and proximity included, on one of the best
/// candidates of the first phase, from the matches it kept and the article's word boundaries.
///
/// The first phase scores every match with the same model without those two raises, so a candidate's full score
/// is at most its first-phase score times ``RelevanceModel/maximumRaise``: that bound tells the searcher when no
/// candidate further down can still enter the page.
final class CandidateScorer {
    private let model: RelevanceModel
    private let counts: MatchCounts
    private let rewardsProximity: Bool
    private var occurrences: [MatchOccurrence] = []

    /// - Parameters:
    ///   - idf, averageLengths: the figures the first phase scored with (each term's idf, each column's mean length).
    init(model: RelevanceModel, terms: Int, columns: Int, idf: [Double], averageLengths: [Double],
         rewardsProximity: Bool) {
        self.model = model
        counts = MatchCounts(terms: terms, columns: columns, idf: idf, averageLengths: averageLengths)
        self.rewardsProximity = rewardsProximity && model.parameters.proximityBoost > 0
    }

    deinit { counts.deallocate() }

    /// The full score of an article with `matches`, described by `record` and its boundary blob.
    func score(_ matches: ArraySlice<MatchOccurrence>, record: StatisticsRecord,
               boundaries: UnsafeRawBufferPointer) -> Double {
        model.total(counts, near: count(matches, record: record, boundaries: boundaries))
    }

    /// The full score with its parts, for explaining.
    func explained(_ matches: ArraySlice<MatchOccurrence>, record: StatisticsRecord,
                   boundaries: UnsafeRawBufferPointer) -> RelevanceModel.Score {
        model.score(counts, near: count(matches, record: record, boundaries: boundaries))
    }

    /// Fills the counts with the article's matches and lengths; whether its terms stand close together.
    private func count(_ matches: ArraySlice<MatchOccurrence>, record: StatisticsRecord,
                       boundaries: UnsafeRawBufferPointer) -> Bool {
        counts.reset()
        for match in matches where match.column < counts.columns {
            counts.addMatch(term: Int(match.term), column: match.column,
                            alignment: record.alignment(boundaries, column: match.column, start: match.start,
                                                        length: Int(match.length)))
        }
        for column in 0 ..< counts.columns {
            counts.setLength(column == 0 ? record.titleLength : column == 1 ? record.bodyLength : 0, column: column)
        }
        guard rewardsProximity else { return false }
        occurrences.removeAll(keepingCapacity: true)
        occurrences.append(contentsOf: matches)
        return ProximityWindow.holdsAllTerms(&occurrences, terms: counts.terms, window: model.parameters.proximityWindow)
    }
}

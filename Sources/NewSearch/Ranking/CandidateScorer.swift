/// The second phase of ranking: the whole model, word alignment, proximity, the query's characters and the lead
/// included, on one of the best candidates of the first phase, from the matches it kept, the article's word
/// boundaries and the counts of the query's characters in its text.
///
/// The first phase scores every match with the same model without those raises, so a candidate's full score is at
/// most its first-phase score times ``RelevanceModel/maximumRaise``: that bound tells the searcher when no
/// candidate further down can still enter the page.
final class CandidateScorer {
    private let model: RelevanceModel
    private let counts: MatchCounts
    private let rewardsProximity: Bool
    private var occurrences: [MatchOccurrence] = []
    private var firstBodyMatch: [Int] = []
    private let averageLengths: [Double]

    /// - Parameters:
    ///   - idf, averageLengths: the figures the first phase scored with (each term's idf, each column's mean length).
    init(model: RelevanceModel, terms: Int, columns: Int, idf: [Double], averageLengths: [Double],
         rewardsProximity: Bool) {
        self.model = model
        counts = MatchCounts(terms: terms, columns: columns, idf: idf, averageLengths: averageLengths)
        self.averageLengths = averageLengths
        self.rewardsProximity = rewardsProximity && model.parameters.proximityBoost > 0
    }

    deinit { counts.deallocate() }

    /// The full score of an article with `matches`, described by `record` and its boundary blob, but for the
    /// query's characters (``characterFactor(title:body:record:)``, which multiplies it).
    func score(_ matches: ArraySlice<MatchOccurrence>, record: StatisticsRecord,
               boundaries: UnsafeRawBufferPointer) -> Double {
        let near = count(matches, record: record, boundaries: boundaries)
        return model.total(counts, near: near, lead: leadShare(matches))
    }

    /// The same score with its parts, for explaining.
    func explained(_ matches: ArraySlice<MatchOccurrence>, record: StatisticsRecord,
                   boundaries: UnsafeRawBufferPointer) -> RelevanceModel.Score {
        let near = count(matches, record: record, boundaries: boundaries)
        return model.score(counts, near: near, lead: leadShare(matches))
    }

    /// What the query's characters multiply the score of the article described by `record` by, from their counts
    /// in its title and body (``RelevanceModel/characterShare(title:body:lengths:averageLengths:)``).
    func characterFactor(title: [Int32], body: [Int32], record: StatisticsRecord) -> Double {
        model.characterFactor(share: model.characterShare(
            title: title, body: body, lengths: (record.titleLength, record.bodyLength), averageLengths: averageLengths))
    }

    /// The share of the query's terms whose first body match begins within ``RankingParameters/leadWindow``.
    private func leadShare(_ matches: ArraySlice<MatchOccurrence>) -> Double {
        guard model.parameters.leadBoost > 0, counts.terms > 0 else { return 0 }
        firstBodyMatch.removeAll(keepingCapacity: true)
        firstBodyMatch.append(contentsOf: repeatElement(Int.max, count: counts.terms))
        for match in matches where match.column == 1 && Int(match.term) < counts.terms {
            firstBodyMatch[Int(match.term)] = min(firstBodyMatch[Int(match.term)], match.start)
        }
        let early = firstBodyMatch.reduce(0) { $0 + ($1 < model.parameters.leadWindow ? 1 : 0) }
        return Double(early) / Double(counts.terms)
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

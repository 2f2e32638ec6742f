/// The second phase of ranking: the whole model, word alignment, proximity, the query's characters, the lead and
/// the series' factor included, on one of the best candidates of the first phase, from the matches it kept, the
/// article's word boundaries and the counts of the query's characters it stores (``ArticleCharacters``).
///
/// The first phase scores every match with the same model without those raises (the series' factor included), so a
/// candidate's full score is at least its first-phase score and at most that times ``RelevanceModel/maximumRaise``:
/// that bound tells the searcher when no candidate further down can still enter the page.
final class CandidateScorer {
    private let model: RelevanceModel
    private let counts: MatchCounts
    private let rewardsProximity: Bool
    /// The query's characters: none where the model does not count them (``Ranking/characterBoost`` 0, whose factor
    /// is 1 whatever the counts), so that no article's counts are read for nothing.
    private let characters: QueryCharacters
    private var occurrences: [MatchOccurrence] = []
    private var titleCharacters: [Int32] = []
    private var bodyCharacters: [Int32] = []
    private let averageLengths: [Double]

    /// - Parameters:
    ///   - idf, averageLengths: the figures the first phase scored with (each term's idf, each column's mean length).
    ///   - characters: the query's characters (``Analyzer/queryCharacters(_:)``), none when the model's
    ///     ``Ranking/characterBoost`` is 0 (the page ranker does not fold them then).
    init(model: RelevanceModel, terms: Int, columns: Int, idf: [Double], averageLengths: [Double],
         rewardsProximity: Bool, characters: QueryCharacters) {
        self.model = model
        counts = MatchCounts(terms: terms, columns: columns, idf: idf, averageLengths: averageLengths)
        self.averageLengths = averageLengths
        self.rewardsProximity = rewardsProximity && model.parameters.proximityBoost > 0
        self.characters = characters
    }

    deinit { counts.deallocate() }

    /// The full score of an article with `matches`, described by `record`, its boundary blob and its
    /// ``ArticleCharacters`` bytes, of a series or not (its figures' mark); or, when the query's characters could not
    /// lift it to `floor` (the score a page asks for), its score without them, which is below `floor` too.
    func score(_ matches: ArraySlice<MatchOccurrence>, record: StatisticsRecord, boundaries: UnsafeRawBufferPointer,
               characters stored: UnsafeRawBufferPointer, isSeries: Bool, floor: Double = 0) -> Double {
        let near = count(matches, record: record, boundaries: boundaries)
        let without = model.total(counts, near: near, lead: model.leadShare(matches, terms: counts.terms),
                                  series: isSeries)
        guard !characters.isEmpty, without * model.characterFactor(share: 1) >= floor else { return without }
        return without * model.characterFactor(share: characterShare(stored, matches: matches, record: record),
                                               of: counts)
    }

    /// The same score with its parts, for explaining.
    func explained(_ matches: ArraySlice<MatchOccurrence>, record: StatisticsRecord,
                   boundaries: UnsafeRawBufferPointer, characters stored: UnsafeRawBufferPointer,
                   isSeries: Bool) -> RelevanceModel.Score {
        let near = count(matches, record: record, boundaries: boundaries)
        return model.score(counts, near: near, lead: model.leadShare(matches, terms: counts.terms),
                           characters: characterShare(stored, matches: matches, record: record),
                           series: isSeries)
    }

    /// How full the article is of the query's characters, from their counts in `stored`
    /// (``RelevanceModel/characterShare(title:body:lengths:averageLengths:)``); 0 when none are counted. A character
    /// the bytes leave out stands at most once in the body: once when a term that holds it matches the body.
    private func characterShare(_ stored: UnsafeRawBufferPointer, matches: ArraySlice<MatchOccurrence>,
                                record: StatisticsRecord) -> Double {
        guard !characters.isEmpty else { return 0 }
        ArticleCharacters.counts(of: characters, in: stored, title: &titleCharacters, body: &bodyCharacters)
        for match in matches where match.column == 1 && Int(match.term) < characters.charactersOfTerm.count {
            for index in characters.charactersOfTerm[Int(match.term)]
            where bodyCharacters[index] == 0 && titleCharacters[index] == 0 {
                bodyCharacters[index] = 1
            }
        }
        return model.characterShare(title: titleCharacters, body: bodyCharacters,
                                    lengths: (record.titleLength, record.bodyLength), averageLengths: averageLengths)
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

import CSQLite

/// The `newsearch_rank(fts [, query])` FTS5 auxiliary function, the first phase of ranking: gathers a row's
/// matches through the FTS5 extension API and scores them with ``RelevanceModel`` without its word-alignment and
/// proximity raises, which the second phase (``CandidateScorer``) adds for the best candidates; higher is better.
/// Returns NULL for a row that is no hit after all (a required `term*` matched only inside words).
///
/// `query` is a ``RankingQuery`` bound as a pointer by the searcher, which also receives every scored row (see
/// ``RankingQuery/collect(id:score:date:)``), so that a search is one aggregate statement and no row travels back
/// through SQL; without it, each phrase of the MATCH expression is a term of its own. Document lengths and dates
/// come from the connection's ``ArticleFigures`` when the store has set them (no SQL per row but a block's first
/// read), else from FTS5. Every C callback is here; none lets an error cross into SQLite.
enum FTS5RankFunction {
    static let name = "newsearch_rank"

    /// Registers the function on `database`, reading statistics from `environment`.
    static func register(on database: Database, environment: RankingEnvironment) throws {
        let api = try FTS5API.of(database)
        // Released by `releaseEnvironment`, which SQLite calls when the connection closes.
        let context = Unmanaged.passRetained(environment).toOpaque()
        let code = api.pointee.xCreateFunction(api, name, context, function, releaseEnvironment)
        guard code == SQLITE_OK else {
            Unmanaged<RankingEnvironment>.fromOpaque(context).release()
            throw database.error(code, sql: nil)
        }
    }

    private static let releaseEnvironment: @convention(c) (UnsafeMutableRawPointer?) -> Void = { context in
        guard let context else { return }
        Unmanaged<RankingEnvironment>.fromOpaque(context).release()
    }

    private static let function: @convention(c) (
        UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Void = { api, fts, context, argumentCount, arguments in
        guard let api, let fts, let context, let environment = api.pointee.xUserData(fts) else { return }
        let bound = argumentCount > 0 ? arguments.flatMap { csqlite_value_ranking_pointer($0[0]) } : nil
        guard let query = bound.map({ Unmanaged<RankingQuery>.fromOpaque($0) }) ?? plainQuery(api, fts) else {
            sqlite3_result_error(context, "newsearch_rank: cannot keep the query's figures", -1)
            return
        }
        // Called once per matching row: the query is kept alive by the searcher (bound) or by FTS5's auxiliary
        // data (plain) for the whole statement, so it is used without reference counting.
        query._withUnsafeGuaranteedRef { query in
            if query.row.pointee.counts == nil {
                firstRow(api, fts, query, Unmanaged<RankingEnvironment>.fromOpaque(environment).takeUnretainedValue())
            }
            if bound != nil, query.scoresAllRowsAtOnce {
                scoreAll(api, fts, context, query)
            } else if let score = scoreRow(api, fts, query, collects: bound != nil) {
                sqlite3_result_double(context, score)
            } else {
                sqlite3_result_null(context)
            }
        }
    }

    /// Scores every row of a one-phrase query on the statement's first row: `xQueryPhrase` visits the phrase's
    /// rows in row order, as the statement would, without a step of the statement and a call of this function
    /// per row (a third of what a row cost). The statement asks for one row only, and the rows are checked
    /// against the query's cancellation flag, since SQLite's progress check does not run meanwhile.
    private static func scoreAll(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                 _ context: OpaquePointer, _ query: RankingQuery) {
        let code = api.pointee.xQueryPhrase(fts, 0, Unmanaged.passUnretained(query).toOpaque(), scoreVisitedRow)
        if code == SQLITE_OK { sqlite3_result_null(context) } else { sqlite3_result_error_code(context, code) }
    }

    /// Rows visited between two looks at the query's cancellation flag.
    static let rowsBetweenCancellationChecks = 1024

    /// `xQueryPhrase`'s callback: scores and collects one visited row.
    private static let scoreVisitedRow: @convention(c) (
        UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?
    ) -> Int32 = { api, fts, pointer in
        guard let api, let fts, let pointer else { return SQLITE_OK }
        return Unmanaged<RankingQuery>.fromOpaque(pointer)._withUnsafeGuaranteedRef { query in
            let visited = query.row.pointee.visited
            query.row.pointee.visited = visited &+ 1
            if visited % rowsBetweenCancellationChecks == 0, query.cancellation?.isRaised == true {
                return SQLITE_INTERRUPT
            }
            _ = scoreRow(api, fts, query, collects: true)
            return SQLITE_OK
        }
    }

    /// The current row's score (nil: no hit), handed to the query when `collects`.
    @inline(__always)
    private static func scoreRow(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ query: RankingQuery,
                                 collects: Bool) -> Double? {
        let id = api.pointee.xRowid(fts)
        let entry = query.row.pointee.figures?.entry(id)
        guard let score = rowScore(api, fts, query, id: id, entry: entry) else { return nil }
        if collects { query.collect(id: id, score: score, date: entry?.date ?? .min) }
        return score
    }

    /// The query of a plain `newsearch_rank(fts)` call, made on its first row and kept by FTS5 as auxiliary data.
    private static func plainQuery(_ api: UnsafePointer<Fts5ExtensionApi>,
                                   _ fts: OpaquePointer) -> Unmanaged<RankingQuery>? {
        if let stored = api.pointee.xGetAuxdata(fts, 0) { return Unmanaged<RankingQuery>.fromOpaque(stored) }
        let query = Unmanaged.passRetained(RankingQuery(plan: .eachPhraseATerm(Int(api.pointee.xPhraseCount(fts)))))
        // Released by `releaseQuery`, which FTS5 calls when the statement ends.
        guard api.pointee.xSetAuxdata(fts, query.toOpaque(), releaseQuery) == SQLITE_OK else { return nil }
        return query
    }

    private static let releaseQuery: @convention(c) (UnsafeMutableRawPointer?) -> Void = { query in
        guard let query else { return }
        Unmanaged<RankingQuery>.fromOpaque(query).release()
    }

    /// Sets up the query's row state on its first row: the counts with the figures every row shares (each
    /// term's idf and each column's mean length) and the connection's article figures.
    private static func firstRow(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ query: RankingQuery,
                                 _ environment: RankingEnvironment) {
        let columns = Int(api.pointee.xColumnCount(fts)), figures = environment.figures
        query.row.pointee.counts = MatchCounts(
            terms: query.plan.terms.count, columns: columns, idf: inverseFrequencies(api, fts, query, figures),
            averageLengths: figures?.averageLengths ?? averageLengths(api, fts, columns: columns))
        query.row.pointee.figures = figures?.table
        if query.checksWordStarts { query.records = environment.records }
        for phrase in 0 ..< query.phraseSizes.count
        where query.phraseSizes[phrase] == 0 && phrase < Int(api.pointee.xPhraseCount(fts)) {
            query.phraseSizes[phrase] = api.pointee.xPhraseSize(fts, Int32(phrase))
        }
    }

    /// Each term's idf, from the number of rows its phrase matches: counted with one pass over the phrase's
    /// matches for each term whose count the searcher did not know (and kept in the query for it).
    private static func inverseFrequencies(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                           _ query: RankingQuery, _ figures: ArticleFigures?) -> [Double] {
        let plan = query.plan
        if query.defersIDF { return plan.terms.map { _ in 1 } }
        var rows: Int64 = 0
        if let figures { rows = Int64(figures.count) } else { _ = api.pointee.xRowCount(fts, &rows) }
        var phrasesOfTerm: [Int: [Int32]] = [:]
        for (phrase, role) in plan.phrases.enumerated() {
            guard let term = role.term, term < query.documentFrequencies.count,
                  query.documentFrequencies[term] == nil else { continue }
            phrasesOfTerm[term, default: []].append(Int32(phrase))
        }
        for (term, phrases) in phrasesOfTerm {
            query.documentFrequencies[term] = phrases.count == 1
                ? count(api, fts, phrase: phrases[0]) : countUnion(api, fts, phrases: phrases)
        }
        return query.documentFrequencies.map { RelevanceModel.idf(matching: $0 ?? 0, total: Int(rows)) }
    }

    /// The number of rows `phrase` matches, in one pass over its matches; nil when the pass was interrupted (an
    /// interrupted count is no count: the term's frequency stays unknown, and uncached).
    private static func count(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, phrase: Int32) -> Int? {
        var matching = 0
        guard api.pointee.xQueryPhrase(fts, phrase, &matching, countRow) == SQLITE_OK else { return nil }
        return matching
    }

    /// The number of rows any of `phrases` matches (a term with synonyms: its group's articles together).
    private static func countUnion(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, phrases: [Int32]) -> Int? {
        var rows = Set<Int64>()
        return withUnsafeMutablePointer(to: &rows) { rows in
            for phrase in phrases {
                guard api.pointee.xQueryPhrase(fts, phrase, rows, collectRow) == SQLITE_OK else { return nil }
            }
            return rows.pointee.count
        }
    }

    private static let collectRow: @convention(c) (
        UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?
    ) -> Int32 = { api, fts, rows in
        guard let api, let rows else { return SQLITE_OK }
        rows.assumingMemoryBound(to: Set<Int64>.self).pointee.insert(api.pointee.xRowid(fts))
        return SQLITE_OK
    }

    private static let countRow: @convention(c) (
        UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?
    ) -> Int32 = { _, _, counter in
        counter?.assumingMemoryBound(to: Int.self).pointee += 1
        return SQLITE_OK
    }

    /// The row's first-phase score, or nil when it is no hit. Each phrase's matches are walked with
    /// xPhraseFirst/xPhraseNext, which FTS5 documents as cheaper than xInst; counts go into flat buffers reused row
    /// after row, the counted matches into the query's ``RankingQuery/RowState/occurrences`` (for the second phase).
    @inline(__always)
    private static func rowScore(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ query: RankingQuery,
                                 id: Int64, entry: ArticleFigures.Entry?) -> Double? {
        guard let counts = query.row.pointee.counts else { return nil }
        let columns = counts.columns
        counts.reset()
        query.row.pointee.occurrences.removeAll(keepingCapacity: true)
        let wordStarts = query.checksWordStarts ? query.records?(id) : nil
        var iterator = Fts5PhraseIter()
        for phrase in 0 ..< query.phraseTerms.count where query.phraseTerms[phrase] >= 0 {
            let term = Int(query.phraseTerms[phrase]), flags = query.phraseFlags[phrase]
            let size = Int(query.phraseSizes[phrase])
            var column: Int32 = -1, offset: Int32 = 0, counted = 0
            guard api.pointee.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset) == SQLITE_OK else { continue }
            while column >= 0 {
                let start = Int(offset), index = Int(column)
                if index < columns, flags & 1 == 0 || startsWord(wordStarts, column: index, position: start) {
                    counts.addMatch(term: term, column: index, alignment: .straddling)
                    counted += 1
                    query.row.pointee.occurrences.append(MatchOccurrence(column: index, start: start, length: size, term: term))
                }
                api.pointee.xPhraseNext(fts, &iterator, &column, &offset)
            }
            if flags & 2 != 0 && counted == 0 { return nil }
        }
        for column in 0 ..< columns {
            if let entry, column < 2 {
                counts.setLength(Int(column == 0 ? entry.titleLength : entry.bodyLength), column: column)
            } else {
                var length: Int32 = 0
                _ = api.pointee.xColumnSize(fts, Int32(column), &length)
                counts.setLength(Int(length), column: column)
            }
        }
        return query.row.pointee.model.total(counts, series: entry?.isSeries ?? false)
    }

    /// Whether a word begins at `position` of `column`, by the article's statistics record (none: no).
    private static func startsWord(_ record: (record: StatisticsRecord, boundaries: [UInt8])?, column: Int,
                                   position: Int) -> Bool {
        guard let record, column < 2 else { return false }
        return record.boundaries.withUnsafeBytes {
            record.record.isBoundary($0, column: column, position: position)
        }
    }

    /// Mean column lengths from FTS5's own totals, for a table without article figures.
    private static func averageLengths(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                       columns: Int) -> [Double] {
        var rows: Int64 = 0
        _ = api.pointee.xRowCount(fts, &rows)
        let averages = (0 ..< columns).map { column -> Double in
            var total: Int64 = 0
            _ = api.pointee.xColumnTotalSize(fts, Int32(column), &total)
            return rows > 0 ? Double(total) / Double(rows) : 1
        }
        return averages
    }
}

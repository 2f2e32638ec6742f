import CSQLite
import Foundation

/// The `newsearch_rank(fts, roles [, 'explain'])` FTS5 auxiliary function: gathers a row's match counts through
/// the FTS5 extension API and scores them with ``RelevanceModel``. With `'explain'` it returns the score's parts
/// as JSON. Every C callback is here; none lets an error cross into SQLite.
enum FTS5RankFunction {
    static let name = "newsearch_rank"

    /// Registers the function on `database`.
    static func register(on database: Database) throws {
        guard let api = csqlite_fts5_api(database.handle) else {
            throw SQLiteError(code: SQLITE_ERROR, message: "this SQLite has no FTS5", sql: nil)
        }
        let code = api.pointee.xCreateFunction(api, name, nil, function, nil)
        guard code == SQLITE_OK else { throw database.error(code, sql: nil) }
    }

    /// Per-query figures, computed on the first row and kept by FTS5 as auxiliary data.
    private final class QueryFigures {
        var roles: [PhraseRole] = []
        var termCount = 0
        var idf: [Double] = []
        var averageLengths: [Double] = []
        /// Buffers reused row after row: the terms' counts and the columns' lengths.
        var terms: [RelevanceModel.TermCounts] = []
        var lengths: [Int] = []
    }

    private static let function: @convention(c) (
        UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Void = { api, fts, context, argumentCount, arguments in
        guard let api, let fts, let context else { return }
        let rolesText = argumentCount > 0 ? arguments.flatMap { text($0[0]) } ?? "" : ""
        let explain = argumentCount > 1 && arguments.flatMap { text($0[1]) } == "explain"
        guard let figures = queryFigures(api, fts, rolesText: rolesText) else {
            sqlite3_result_error(context, "newsearch_rank: cannot read the query's figures", -1)
            return
        }
        let score = rowScore(api, fts, figures)
        if explain {
            csqlite_result_text_transient(context, JSONText.encode(score), -1)
        } else {
            sqlite3_result_double(context, score.total)
        }
    }

    private static func text(_ value: OpaquePointer?) -> String? {
        guard let value, let pointer = sqlite3_value_text(value) else { return nil }
        return String(cString: pointer)
    }

    private static func queryFigures(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                     rolesText: String) -> QueryFigures? {
        if let stored = api.pointee.xGetAuxdata(fts, 0) {
            return Unmanaged<QueryFigures>.fromOpaque(stored).takeUnretainedValue()
        }
        let figures = QueryFigures()
        figures.roles = PhraseRole.decode(rolesText)
        var rows: Int64 = 0
        guard api.pointee.xRowCount(fts, &rows) == SQLITE_OK else { return nil }
        let columns = Int(api.pointee.xColumnCount(fts))
        figures.averageLengths = (0 ..< columns).map { column in
            var total: Int64 = 0
            _ = api.pointee.xColumnTotalSize(fts, Int32(column), &total)
            return rows > 0 ? Double(total) / Double(rows) : 1
        }
        figures.termCount = figures.roles.reduce(0) { count, role in
            if case .term(let k) = role { return max(count, k + 1) }
            return count
        }
        figures.idf = Array(repeating: 0, count: figures.termCount)
        for (phrase, role) in figures.roles.enumerated() {
            guard case .term(let k) = role else { continue }
            var matching = 0
            _ = api.pointee.xQueryPhrase(fts, Int32(phrase), &matching, countRow)
            figures.idf[k] = RelevanceModel.idf(matching: matching, total: Int(rows))
        }
        figures.terms = figures.idf.map {
            RelevanceModel.TermCounts(idf: $0, frequencies: Array(repeating: 0, count: columns), aligned: 0)
        }
        figures.lengths = Array(repeating: 0, count: columns)
        // Released by `releaseFigures`, which FTS5 calls when the query ends.
        let retained = Unmanaged.passRetained(figures).toOpaque()
        guard api.pointee.xSetAuxdata(fts, retained, releaseFigures) == SQLITE_OK else { return nil }
        return figures
    }

    private static let countRow: @convention(c) (
        UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?
    ) -> Int32 = { _, _, counter in
        counter?.assumingMemoryBound(to: Int.self).pointee += 1
        return SQLITE_OK
    }

    private static let releaseFigures: @convention(c) (UnsafeMutableRawPointer?) -> Void = { figures in
        guard let figures else { return }
        Unmanaged<QueryFigures>.fromOpaque(figures).release()
    }

    /// The row's score. Each phrase's matches are walked with xPhraseFirst/xPhraseNext, which FTS5 documents as
    /// cheaper than xInst (no merged, sorted list of all matches); a `near` phrase only needs its first match.
    private static func rowScore(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer,
                                 _ figures: QueryFigures) -> RelevanceModel.Score {
        let columns = figures.averageLengths.count
        for k in figures.terms.indices {
            for column in 0 ..< columns { figures.terms[k].frequencies[column] = 0 }
            figures.terms[k].aligned = 0
        }
        var near = false
        var iterator = Fts5PhraseIter()
        for (phrase, role) in figures.roles.enumerated() {
            var column: Int32 = -1, offset: Int32 = 0
            if case .excluded = role { continue }
            if case .near = role, near { continue }
            guard api.pointee.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset) == SQLITE_OK else { continue }
            while column >= 0 {
                switch role {
                case .term(let k) where Int(column) < columns: figures.terms[k].frequencies[Int(column)] += 1
                case .aligned(let k): figures.terms[k].aligned += 1
                case .near: near = true
                default: break
                }
                if near, case .near = role { break }
                api.pointee.xPhraseNext(fts, &iterator, &column, &offset)
            }
        }
        for column in 0 ..< columns {
            var length: Int32 = 0
            _ = api.pointee.xColumnSize(fts, Int32(column), &length)
            figures.lengths[column] = Int(length)
        }
        return RelevanceModel().score(terms: figures.terms, lengths: figures.lengths,
                                      averageLengths: figures.averageLengths, near: near)
    }
}

import Foundation

/// Runs queries against the index store: parse, compile, rank every match (counting them), then fetch the text
/// and highlights of the page's articles alone.
struct Searcher {
    let store: IndexStore
    let analyzer: Analyzer

    func paths(matching text: String) throws -> [String] {
        let plan = QueryCompiler.compile(QueryParser.parse(text), analyzer: analyzer, ranked: false)
        guard !plan.isEmpty else { return [] }
        let (from, values) = source(of: plan)
        let statement = try store.database.prepare("SELECT d.path \(from) ORDER BY d.id")
        try statement.bind(values)
        var paths: [String] = []
        while try statement.step() { paths.append(statement.text(0) ?? "") }
        return paths
    }

    func search(_ text: String, options: SearchOptions) throws -> SearchResults {
        let started = ContinuousClock.now
        let parsed = QueryParser.parse(text)
        var plan = QueryCompiler.compile(parsed, analyzer: analyzer)
        if let dates = options.dates { plan.filters.append(QueryCompiler.dateFilter(dates)) }
        var results = SearchResults(query: text, total: 0, hits: [], warnings: plan.warnings)
        if options.explain { results.explanation = explanation(parsed, plan) }
        if !plan.isEmpty {
            let (total, page) = try rankedPage(plan, options: options)
            results.total = total
            results.hits = try hits(page, plan: plan, options: options)
        }
        let elapsed = ContinuousClock.now - started
        results.tookMilliseconds = Double(elapsed.components.seconds) * 1000
            + Double(elapsed.components.attoseconds) / 1e15
        return results
    }

    /// `FROM … WHERE …` of the plan, with its bound values in order.
    private func source(of plan: QueryPlan) -> (sql: String, values: [SQLValue]) {
        var sql: String, values: [SQLValue] = []
        if let match = plan.match {
            sql = "FROM fts JOIN documents AS d ON d.id = fts.rowid WHERE fts MATCH ?"
            values.append(.text(match.text))
        } else {
            sql = "FROM documents AS d WHERE 1"
        }
        if let exclusion = plan.exclusion {
            sql += " AND d.id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
            values.append(.text(exclusion))
        }
        for filter in plan.filters {
            sql += " AND \(filter.sql)"
            values += filter.values
        }
        return (sql, values)
    }

    /// A hit of the first phase: its row, score and, when explaining, the score's parts as JSON.
    private struct RankedRow {
        var id: Int64
        var score: Double
        var parts: String?
    }

    /// First phase: every matching row, ranked; returns how many there are and the rows of the page asked for.
    /// Ranking needs all of them; the page's text and highlights are fetched afterwards, for those rows alone.
    private func rankedPage(_ plan: QueryPlan, options: SearchOptions) throws -> (total: Int, page: [RankedRow]) {
        var columns = "d.id", values: [SQLValue] = []
        if let match = plan.match {
            let roles = SQLValue.text(PhraseRole.encode(match.roles))
            columns += ", \(FTS5RankFunction.name)(fts, ?) AS score"
            columns += options.explain ? ", \(FTS5RankFunction.name)(fts, ?, 'explain')" : ", NULL"
            values += options.explain ? [roles, roles] : [roles]
        } else {
            columns += ", 0.0 AS score, NULL"
        }
        let (from, sourceValues) = source(of: plan)
        let order = options.sort == .relevance && plan.match != nil
            ? "score DESC, d.date DESC NULLS LAST, d.id" : "d.date DESC NULLS LAST, d.id"
        let statement = try store.database.prepare("SELECT \(columns) \(from) ORDER BY \(order)")
        try statement.bind(values + sourceValues)
        var total = 0, page: [RankedRow] = []
        let limit = options.limit ?? Int.max, offset = max(0, options.offset)
        while try statement.step() {
            if total >= offset, page.count < limit {
                page.append(RankedRow(id: statement.int64(0), score: statement.double(1), parts: statement.text(2)))
            }
            total += 1
        }
        return (total, page)
    }

    /// Second phase: the page's articles, with title and body highlighted where there is text to match.
    private func hits(_ page: [RankedRow], plan: QueryPlan, options: SearchOptions) throws -> [SearchHit] {
        let open = SQLValue.text(String(HighlightedText.openMarker))
        let close = SQLValue.text(String(HighlightedText.closeMarker))
        let statement: Statement
        var values: [SQLValue] = []
        if let match = plan.match {
            statement = try store.database.prepare("""
                SELECT d.path, d.author, d.categories, d.date, highlight(fts, 0, ?, ?), highlight(fts, 1, ?, ?)
                FROM fts JOIN documents AS d ON d.id = fts.rowid WHERE fts MATCH ? AND fts.rowid = ?
                """)
            values = [open, close, open, close, .text(match.text)]
        } else {
            statement = try store.database.prepare(
                "SELECT d.path, d.author, d.categories, d.date, d.title, d.body FROM documents AS d WHERE d.id = ?")
        }
        return try page.compactMap { row in
            guard try statement.bind(values + [.integer(row.id)]).step() else { return nil }
            return SearchHit(
                path: statement.text(0) ?? "",
                title: HighlightedText(marked: statement.text(4) ?? ""),
                author: statement.text(1),
                categories: JSONText.decode([String].self, from: statement.text(2)) ?? [],
                date: statement.text(3).flatMap(ArticleDate.parse),
                score: row.score,
                snippet: SnippetBuilder.snippet(of: HighlightedText(marked: statement.text(5) ?? ""),
                                                length: options.snippetLength),
                scoreParts: JSONText.decode(RelevanceModel.Score.self, from: row.parts))
        }
    }

    private func explanation(_ parsed: ParsedQuery, _ plan: QueryPlan) -> QueryExplanation {
        let shown = { (text: String) in text.replacingOccurrences(of: "\u{1}", with: "⁑") }
        var terms: [QueryExplanation.Term] = []
        func collect(_ node: QueryNode) {
            switch node {
            case .term(let text, _), .phrase(let text):
                terms.append(.init(text: text, tokens: analyzer.tokens(text, mode: .query).map(\.description)))
            case .field(let field, let inner): if field.isFullText { collect(inner) }
            case .not(let inner): collect(inner)
            case .and(let nodes), .or(let nodes): nodes.forEach(collect)
            case .date: break
            }
        }
        parsed.root.map(collect)
        return QueryExplanation(
            parsed: parsed.root?.description ?? "(nothing to search)",
            expression: plan.match.map { shown($0.text) }, exclusion: plan.exclusion.map(shown),
            filters: plan.filters.map { filter in
                filter.values.reduce(filter.sql) { sql, value in
                    guard let range = sql.range(of: "?") else { return sql }
                    return sql.replacingCharacters(in: range, with: value.literal)
                }
            },
            terms: terms)
    }
}

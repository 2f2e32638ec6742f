import Foundation

/// Runs queries against the index store: parse, compile, one SQL statement for the page and one for the total.
struct Searcher {
    let store: IndexStore
    let analyzer: Analyzer

    func paths(matching text: String) throws -> [String] {
        let plan = QueryCompiler.compile(QueryParser.parse(text), analyzer: analyzer)
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
            results.total = try count(plan)
            results.hits = try hits(plan, options: options)
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

    private func count(_ plan: QueryPlan) throws -> Int {
        let (from, values) = source(of: plan)
        let statement = try store.database.prepare("SELECT count(*) \(from)")
        return try statement.bind(values).step() ? Int(statement.int64(0)) : 0
    }

    private func hits(_ plan: QueryPlan, options: SearchOptions) throws -> [SearchHit] {
        let open = String(HighlightedText.openMarker), close = String(HighlightedText.closeMarker)
        var columns = "d.path, d.author, d.categories, d.date"
        var values: [SQLValue] = []
        if let match = plan.match {
            let roles = SQLValue.text(PhraseRole.encode(match.roles))
            columns += ", \(FTS5RankFunction.name)(fts, ?) AS score, highlight(fts, 0, ?, ?), highlight(fts, 1, ?, ?)"
            values += [roles, .text(open), .text(close), .text(open), .text(close)]
            columns += options.explain ? ", \(FTS5RankFunction.name)(fts, ?, 'explain')" : ", NULL"
            if options.explain { values.append(roles) }
        } else {
            columns += ", 0.0 AS score, d.title, d.body, NULL"
        }
        let (from, sourceValues) = source(of: plan)
        let order = options.sort == .relevance && plan.match != nil
            ? "score DESC, d.date DESC NULLS LAST, d.id" : "d.date DESC NULLS LAST, d.id"
        let statement = try store.database.prepare("SELECT \(columns) \(from) ORDER BY \(order) LIMIT ? OFFSET ?")
        try statement.bind(values + sourceValues + [.integer(Int64(options.limit ?? -1)),
                                                     .integer(Int64(max(0, options.offset)))])
        var hits: [SearchHit] = []
        while try statement.step() {
            let body = HighlightedText(marked: statement.text(6) ?? "")
            hits.append(SearchHit(
                path: statement.text(0) ?? "",
                title: HighlightedText(marked: statement.text(5) ?? ""),
                author: statement.text(1),
                categories: JSONText.decode([String].self, from: statement.text(2)) ?? [],
                date: statement.text(3).flatMap(ArticleDate.parse),
                score: statement.double(4),
                snippet: SnippetBuilder.snippet(of: body, length: options.snippetLength),
                scoreParts: JSONText.decode(RelevanceModel.Score.self, from: statement.text(7))))
        }
        return hits
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

import Foundation

/// Runs queries against the index store.
struct Searcher {
    let store: IndexStore
    let analyzer: Analyzer

    func paths(matching text: String) throws -> [String] {
        guard let expression = FTS5Expression.compile(QueryParser.parse(text), analyzer: analyzer) else { return [] }
        let statement = try store.database.prepare("""
            SELECT d.path FROM fts JOIN documents AS d ON d.id = fts.rowid WHERE fts MATCH ? ORDER BY d.id
            """)
        try statement.bind(.text(expression.text))
        var paths: [String] = []
        while try statement.step() { paths.append(statement.text(0) ?? "") }
        return paths
    }

    func search(_ text: String, limit: Int?, offset: Int) throws -> SearchResults {
        let query = QueryParser.parse(text)
        guard let expression = FTS5Expression.compile(query, analyzer: analyzer) else {
            return SearchResults(query: text, total: 0, hits: [])
        }
        let count = try store.database.prepare("SELECT count(*) FROM fts WHERE fts MATCH ?")
        let total = try count.bind(.text(expression.text)).step() ? Int(count.int64(0)) : 0
        let open = String(HighlightedText.openMarker), close = String(HighlightedText.closeMarker)
        let statement = try store.database.prepare("""
            SELECT d.path, d.author, d.categories, d.date, \(FTS5RankFunction.name)(fts, ?2) AS score,
                   highlight(fts, 0, ?3, ?4), snippet(fts, 1, ?3, ?4, '…', ?5)
            FROM fts JOIN documents AS d ON d.id = fts.rowid
            WHERE fts MATCH ?1
            ORDER BY score DESC, d.id
            LIMIT ?6 OFFSET ?7
            """)
        try statement.bind(.text(expression.text), .text(PhraseRole.encode(expression.roles)),
                           .text(open), .text(close), .integer(Int64(Ranking.snippetTokens)),
                           .integer(Int64(limit ?? -1)), .integer(Int64(max(0, offset))))
        var hits: [SearchHit] = []
        while try statement.step() {
            hits.append(SearchHit(
                path: statement.text(0) ?? "",
                title: HighlightedText(marked: statement.text(5) ?? ""),
                author: statement.text(1),
                categories: JSONText.decode([String].self, from: statement.text(2)) ?? [],
                date: statement.text(3).flatMap(ArticleDate.parse),
                score: statement.double(4),
                snippet: HighlightedText(marked: statement.text(6) ?? "")))
        }
        return SearchResults(query: text, total: total, hits: hits)
    }
}

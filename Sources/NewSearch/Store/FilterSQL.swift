import Foundation

/// A ``MetadataFilter`` written as an SQL condition on `newsearch_documents AS d`, with its values bound in order:
/// user text reaches SQL only as bound values.
struct FilterSQL {
    var sql: String
    var values: [SQLValue]

    init(_ filter: MetadataFilter) {
        switch filter {
        case .authorContains(let text):
            self.init(sql: "instr(lower(coalesce(d.author, '')), lower(?)) > 0", values: [.text(text)])
        case .categoryContains(let text):
            self.init(sql: "instr(lower(d.categories), lower(?)) > 0", values: [.text(text)])
        case .dated(let range):
            var parts = ["d.date IS NOT NULL"], values: [SQLValue] = []
            if let start = range.start { parts.append("d.date >= ?"); values.append(.text(ArticleDate.iso8601(start))) }
            if let end = range.end { parts.append("d.date < ?"); values.append(.text(ArticleDate.iso8601(end))) }
            self.init(sql: parts.joined(separator: " AND "), values: values)
        case .all(let filters), .any(let filters):
            let parts = filters.map(FilterSQL.init)
            let joiner = if case .all = filter { " AND " } else { " OR " }
            self.init(sql: "(" + parts.map(\.sql).joined(separator: joiner) + ")", values: parts.flatMap(\.values))
        case .not(let inner):
            let part = FilterSQL(inner)
            self.init(sql: "NOT (\(part.sql))", values: part.values)
        }
    }

    private init(sql: String, values: [SQLValue]) {
        self.sql = sql
        self.values = values
    }

    /// The condition with its values written in, for explanations (never executed).
    var explained: String {
        values.reduce(sql) { sql, value in
            guard let range = sql.range(of: "?") else { return sql }
            return sql.replacingCharacters(in: range, with: value.literal)
        }
    }
}

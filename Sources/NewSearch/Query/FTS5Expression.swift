/// An FTS5 MATCH expression as a tree. ``text`` writes it out and ``plan`` lists its phrases in the same
/// left-to-right walk, which is the order FTS5 numbers phrases in, so roles and phrases always line up.
///
/// Valid by construction: every user term is a string literal (see ``quoted(_:)``); the rest is FTS5's own syntax.
indirect enum FTS5Expression: Equatable, Sendable {
    /// A query term as one FTS5 string (the tokenizer turns it into a phrase of characters).
    case phrase(String, RankingPlan.Phrase)
    case and([FTS5Expression])
    case or([FTS5Expression])
    /// Matches of the first not matching the second.
    case not(FTS5Expression, FTS5Expression)
    /// The expression in one column (`title` or `body`).
    case column(String, FTS5Expression)

    /// The MATCH text.
    var text: String {
        switch self {
        case .phrase(let term, _): return Self.quoted(term)
        case .and(let parts): return "(" + parts.map(\.text).joined(separator: " AND ") + ")"
        case .or(let parts): return "(" + parts.map(\.text).joined(separator: " OR ") + ")"
        case .not(let kept, let removed): return "(\(kept.text) NOT \(removed.text))"
        case .column(let name, let inner): return "\(name) : (\(inner.text))"
        }
    }

    /// The columns its parts are confined to (`title` for `title:欠薪`).
    var columnNames: Set<String> {
        switch self {
        case .phrase: return []
        case .and(let parts), .or(let parts): return parts.reduce(into: []) { $0.formUnion($1.columnNames) }
        case .not(let kept, let removed): return kept.columnNames.union(removed.columnNames)
        case .column(let name, let inner): return inner.columnNames.union([name])
        }
    }

    /// Whether some part of it is confined to one column (`title:欠薪`).
    var confinesToColumn: Bool {
        switch self {
        case .phrase: return false
        case .and(let parts), .or(let parts): return parts.contains { $0.confinesToColumn }
        case .not(let kept, let removed): return kept.confinesToColumn || removed.confinesToColumn
        case .column: return true
        }
    }

    /// The phrases, in FTS5's order.
    var phrases: [RankingPlan.Phrase] {
        switch self {
        case .phrase(_, let phrase): return [phrase]
        case .and(let parts), .or(let parts): return parts.flatMap(\.phrases)
        case .not(let kept, let removed): return kept.phrases + removed.phrases
        case .column(_, let inner): return inner.phrases
        }
    }

    /// `text` as an FTS5 string literal: in double quotes, inner quotes doubled. Nothing in it is FTS5 syntax.
    /// Quotes are doubled scalar by scalar: a quote followed by a combining mark is one `Character` in Swift,
    /// which a character-level replacement would leave alone, but FTS5 still reads its quote.
    static func quoted(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            if scalar == "\"" { scalars.append("\"") }
        }
        scalars.append("\"")
        return String(scalars)
    }
}

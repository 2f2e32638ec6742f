/// A parsed query: what the user asked for, as a tree. Built by ``QueryParser``, compiled by `QueryCompiler`.
public indirect enum QueryNode: Equatable, Sendable, CustomStringConvertible {
    /// A term: matches where its characters and words occur together (a substring, for CJK). With `prefix`,
    /// `term*`: a Latin or number word beginning with it.
    case term(String, prefix: Bool)
    /// `"quoted words"`: its words adjacent, in order.
    case phrase(String)
    /// `title:…`, `body:…`, `author:…`, `category:…`: the node, matched in that field only.
    case field(QueryField, QueryNode)
    /// `date:2022-01..2022-03`: articles dated in the range.
    case date(DateRange)
    /// All of the nodes (terms side by side, or `AND`).
    case and([QueryNode])
    /// Any of the nodes (`OR`, `|`).
    case or([QueryNode])
    /// Not the node (`-term`, `NOT term`).
    case not(QueryNode)

    /// The tree written out, for explanations and tests: groups in parentheses with `AND` or `OR` between their
    /// nodes, `NOT`, `field:`, phrases in quotes, `*` after a prefix term (`(快递员 AND NOT "外卖")`).
    public var description: String {
        switch self {
        case .term(let text, let prefix): return prefix ? "\(text)*" : text
        case .phrase(let text): return "\"\(text)\""
        case .field(let field, let node): return "\(field.rawValue):\(node)"
        case .date(let range): return "date:\(range)"
        case .and(let nodes): return "(" + nodes.map(\.description).joined(separator: " AND ") + ")"
        case .or(let nodes): return "(" + nodes.map(\.description).joined(separator: " OR ") + ")"
        case .not(let node): return "NOT \(node)"
        }
    }
}

/// The fields a query can name.
public enum QueryField: String, Sendable, CaseIterable {
    /// `title:` and `body:` match the article's title or body only (full text); `author:` and `category:` match
    /// articles whose author or one of whose categories contains the text, ignoring case.
    case title, body, author, category

    /// Whether the field is indexed full text (matched by FTS5) rather than metadata (matched by SQL).
    public var isFullText: Bool { self == .title || self == .body }
}

/// A problem in the query text that was worked around: the query still runs, read as described.
public struct QueryWarning: Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is: a character offset into the query text, from 0.
    public var position: Int
    /// What was wrong and how it was read instead, for the user (`OR has nothing after it: ignored`).
    public var message: String

    /// A warning about the query text at character offset `position`.
    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    /// The warning as one line: `position 4: quote never closed: read to the end of the query`.
    public var description: String { "position \(position): \(message)" }
}

/// The query as parsed: its tree (nil when nothing searchable is left) and what was worked around.
public struct ParsedQuery: Sendable, Equatable {
    /// The query tree; nil when nothing searchable is left (an empty query, or only punctuation or operators).
    public var root: QueryNode?
    /// What was worked around while reading the query, in the order found.
    public var warnings: [QueryWarning]
    /// The text the positions of warnings count in: the query as typed, compatibility-folded.
    public var text: String = ""

    /// The position of the first occurrence of `fragment` in ``text``, for warnings about a node; 0 if absent.
    func position(of fragment: String) -> Int {
        guard !fragment.isEmpty, let range = text.range(of: fragment) else { return 0 }
        return text.distance(from: text.startIndex, to: range.lowerBound)
    }
}

import Foundation

/// Compiles a ``ParsedQuery`` into a ``QueryPlan``: FTS5 syntax that is valid by construction, since every user
/// term reaches FTS5 only inside a quoted string, and SQL whose user values are all bound parameters.
///
/// Each term or quoted phrase becomes one FTS5 string, tokenized by the `newsearch` tokenizer into a phrase of
/// characters and words (the query tokenizer ignores spaces between CJK words, so `"快递员 社会保险"` means the two
/// adjacent). Two alternatives add score without changing the hit set: a term whose edges are CJK is OR-ed with
/// its word-aligned form, and the terms of a query of several are OR-ed with a `NEAR` group of them.
/// Author, category and date conditions are SQL filters on the whole query: written beside the text terms, alone,
/// or in groups of their own (`-(author:新浪 OR date:2022)`); inside a group with text terms they are ignored,
/// with a warning.
struct QueryCompiler {
    private let analyzer: Analyzer
    /// Whether to add the alternatives that only raise scores (aligned forms, the proximity group): not when the
    /// hit set alone is wanted, since they cost time and change nothing in it.
    private let ranked: Bool
    private var roles: [PhraseRole] = []
    private var terms = 0
    private var plan = QueryPlan()
    private var query = ParsedQuery(root: nil, warnings: [])

    static func compile(_ query: ParsedQuery, analyzer: Analyzer, ranked: Bool = true) -> QueryPlan {
        var compiler = QueryCompiler(analyzer: analyzer, ranked: ranked)
        compiler.plan.warnings = query.warnings
        compiler.query = query
        if let root = query.root { compiler.compileTopLevel(root) }
        return compiler.plan
    }

    private init(analyzer: Analyzer, ranked: Bool) {
        self.analyzer = analyzer
        self.ranked = ranked
    }

    private mutating func compileTopLevel(_ root: QueryNode) {
        var items: [QueryNode] = []
        if case .and(let nodes) = root { items = nodes } else { items = [root] }
        var positives: [QueryNode] = [], negatives: [QueryNode] = []
        for item in items {
            switch item {
            case _ where Self.isMetadata(item): addFilter(item)
            case .not(let inner): negatives.append(inner)
            default: positives.append(item)
            }
        }
        let required = positives.compactMap { compile($0, positive: true) }
        guard !required.isEmpty else {
            var excluded = QueryCompiler(analyzer: analyzer, ranked: false)
            excluded.query = query
            let parts = negatives.compactMap { excluded.compile($0, positive: false) }
            plan.warnings += excluded.plan.warnings
            if !parts.isEmpty { plan.exclusion = parts.joined(separator: " OR ") }
            return
        }
        var text = required.joined(separator: " AND ")
        let simple = positives.compactMap(plainFragment)
        if ranked, simple.count == positives.count, simple.count > 1 {
            roles += simple.map { _ in .near }
            text = "(\(text)) OR NEAR(\(simple.joined(separator: " ")), \(Ranking.proximityWindow))"
        }
        let excluded = negatives.compactMap { compile($0, positive: false) }
        if !excluded.isEmpty { text = "(\(text)) NOT (\(excluded.joined(separator: " OR ")))" }
        plan.match = FTS5Expression(text: text, roles: roles)
    }

    /// The FTS5 text of `node`, or nil when nothing of it can match (no token, or only exclusions).
    private mutating func compile(_ node: QueryNode, positive: Bool) -> String? {
        switch node {
        case .term(let text, let prefix):
            return prefix ? compilePrefix(text, positive: positive) : compileTerm(text, positive: positive)
        case .phrase(let text):
            return compileTerm(text, positive: positive)
        case .field(let field, let inner) where field.isFullText:
            return compile(inner, positive: positive).map { "\(field.rawValue) : (\($0))" }
        case .field, .date:
            warn("\(node) cannot be combined with text terms inside a group: ignored (write it beside the group)",
                 at: Self.anchor(of: node))
            return nil
        case .and(let items):
            return compileGroup(items, positive: positive)
        case .or(let items):
            let parts = items.compactMap { item -> String? in
                if case .not = item {
                    warn("\(item) cannot be one side of OR: ignored", at: Self.anchor(of: item))
                    return nil
                }
                return compile(item, positive: positive)
            }
            return parts.isEmpty ? nil : "(" + parts.joined(separator: " OR ") + ")"
        case .not(let inner):
            warn("NOT \(inner) needs something to exclude it from: ignored", at: Self.anchor(of: inner))
            return nil
        }
    }

    private mutating func compileGroup(_ items: [QueryNode], positive: Bool) -> String? {
        let included = items.filter { if case .not = $0 { return false } else { return true } }
        let required = included.compactMap { compile($0, positive: positive) }
        guard !required.isEmpty else {
            if included.count < items.count {
                warn("a group of only excluded terms: ignored", at: items.first.map(Self.anchor) ?? "")
            }
            return nil
        }
        let excluded = items.compactMap { item -> String? in
            guard case .not(let inner) = item else { return nil }
            return compile(inner, positive: false)
        }
        let all = "(" + required.joined(separator: " AND ") + ")"
        return excluded.isEmpty ? all : "(\(all) NOT (\(excluded.joined(separator: " OR "))))"
    }

    private mutating func compileTerm(_ text: String, positive: Bool) -> String? {
        guard hasTokens(text) else { return nil }
        let plain = FTS5Expression.quoted(text)
        let aligned = ranked && positive && hasAlignedForm(text)
        if positive {
            roles.append(.term(terms))
            if aligned { roles.append(.aligned(terms)) }
            terms += 1
        } else {
            roles.append(.excluded)
        }
        guard aligned else { return plain }
        let marked = String(UnicodeScalar(FTS5Tokenizer.alignedQueryMarker)) + text
        return "(\(plain) OR \(FTS5Expression.quoted(marked)))"
    }

    private mutating func compilePrefix(_ text: String, positive: Bool) -> String? {
        guard isPrefixSearchable(text) else {
            if hasTokens(text) {
                warn("`\(text)*`: a prefix search is for Latin letters and digits; searched as \(text)", at: text + "*")
            }
            return compileTerm(text, positive: positive)
        }
        roles.append(positive ? .term(terms) : .excluded)
        if positive { terms += 1 }
        return FTS5Expression.quoted(text) + " *"
    }

    /// The plain FTS5 phrase of a top-level term or phrase, for the proximity group; nil for anything else.
    private func plainFragment(_ node: QueryNode) -> String? {
        switch node {
        case .term(let text, let prefix):
            guard hasTokens(text) else { return nil }
            return FTS5Expression.quoted(text) + (prefix && isPrefixSearchable(text) ? " *" : "")
        case .phrase(let text):
            return hasTokens(text) ? FTS5Expression.quoted(text) : nil
        default:
            return nil
        }
    }

    /// Whether the term has anything to match: punctuation alone has no token.
    private func hasTokens(_ term: String) -> Bool {
        !analyzer.tokenList(term, mode: .query).entries.isEmpty
    }

    /// Whether `term*` can be an FTS5 prefix query: one Latin or number word, no CJK (which matches as a
    /// substring already).
    private func isPrefixSearchable(_ term: String) -> Bool {
        analyzer.tokenList(term, mode: .query).entries.count == 1 && !hasAlignedForm(term)
    }

    /// Whether the term's aligned form differs from its plain one: it begins or ends with a CJK character.
    private func hasAlignedForm(_ term: String) -> Bool {
        analyzer.tokenList(term, mode: .alignedQuery).entries.contains { $0.kind != .text && $0.kind != .gap }
    }

    /// Whether `node` is made of author, category and date conditions only (with AND, OR and NOT): such a
    /// node, at the top level, becomes one SQL filter.
    private static func isMetadata(_ node: QueryNode) -> Bool {
        switch node {
        case .date, .field(.author, _), .field(.category, _): return true
        case .and(let nodes), .or(let nodes): return nodes.allSatisfy(isMetadata)
        case .not(let inner): return isMetadata(inner)
        default: return false
        }
    }

    private mutating func addFilter(_ node: QueryNode) {
        guard let filter = Self.filter(node) else { return }
        plan.filters.append(filter)
    }

    /// The SQL condition of a metadata node: a date range, or author/category text (substring, any case).
    private static func filter(_ node: QueryNode, column: String? = nil) -> QueryPlan.Filter? {
        switch node {
        case .date(let range):
            return dateFilter(range)
        case .field(let field, let inner):
            return filter(inner, column: field == .author ? "d.author" : "d.categories")
        case .term(let text, _), .phrase(let text):
            guard let column else { return nil }
            return QueryPlan.Filter(sql: "instr(lower(coalesce(\(column), '')), lower(?)) > 0", values: [.text(text)])
        case .and(let nodes), .or(let nodes):
            let parts = nodes.compactMap { filter($0, column: column) }
            guard !parts.isEmpty else { return nil }
            let joiner = if case .and = node { " AND " } else { " OR " }
            return QueryPlan.Filter(sql: "(" + parts.map(\.sql).joined(separator: joiner) + ")",
                                    values: parts.flatMap(\.values))
        case .not(let inner):
            return filter(inner, column: column).map { QueryPlan.Filter(sql: "NOT (\($0.sql))", values: $0.values) }
        }
    }

    /// The SQL condition of a date range: dated, and within it.
    static func dateFilter(_ range: DateRange) -> QueryPlan.Filter {
        var parts = ["d.date IS NOT NULL"], values: [SQLValue] = []
        if let start = range.start { parts.append("d.date >= ?"); values.append(.text(ArticleDate.iso8601(start))) }
        if let end = range.end { parts.append("d.date < ?"); values.append(.text(ArticleDate.iso8601(end))) }
        return QueryPlan.Filter(sql: parts.joined(separator: " AND "), values: values)
    }

    /// Records a warning at the first place the query text shows `fragment`.
    private mutating func warn(_ message: String, at fragment: String) {
        plan.warnings.append(QueryWarning(position: query.position(of: fragment), message: message))
    }

    /// Text of the query that a node begins with: its first term, field name or `date:`.
    private static func anchor(of node: QueryNode) -> String {
        switch node {
        case .term(let text, _), .phrase(let text): return text
        case .field(let field, _): return field.rawValue + ":"
        case .date: return "date:"
        case .and(let nodes), .or(let nodes): return nodes.first.map(anchor) ?? ""
        case .not(let inner): return anchor(of: inner)
        }
    }
}

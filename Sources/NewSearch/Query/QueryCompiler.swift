/// Compiles a ``ParsedQuery`` into a ``QueryPlan``: an FTS5 expression that is valid by construction, since every
/// user term reaches FTS5 only inside a quoted string, and metadata filters as plain data.
///
/// Each term or quoted phrase becomes one FTS5 string, which the `newsearch` tokenizer turns into a phrase of
/// characters (the query tokenizer ignores spaces next to CJK words, so `"快递员 社会保险"` means the two adjacent).
/// Word alignment and proximity are not in the expression: the ranking function reads them from each match's
/// position. Author, category and date conditions are filters on the whole query: written beside the text terms,
/// alone, or in groups of their own (`-(author:新浪 OR date:2022)`); inside a group with text terms they are
/// ignored, with a warning.
///
/// A term or phrase that is a member of a synonym group (``SynonymTable``) becomes an OR of the group's members,
/// all of them phrases of one ranking term: the term matches any member and ranks as one term.
struct QueryCompiler {
    private let analyzer: Analyzer
    private let synonyms: SynonymTable
    private var terms: [String] = []
    private var plan = QueryPlan()
    private var query = ParsedQuery(root: nil, warnings: [])

    /// - Parameters:
    ///   - ranked: whether the plan will be ranked; a plan for the hit set alone needs no proximity.
    ///   - synonyms: the index's synonym groups, which expand the terms that are members.
    static func compile(_ query: ParsedQuery, analyzer: Analyzer, ranked: Bool = true,
                        synonyms: SynonymTable = .empty) -> QueryPlan {
        var compiler = QueryCompiler(analyzer: analyzer, synonyms: synonyms)
        compiler.plan.warnings = query.warnings
        compiler.query = query
        if let root = query.root { compiler.compileTopLevel(root, ranked: ranked) }
        compiler.plan.ranking.terms = compiler.terms
        compiler.plan.ranking.phrases = compiler.plan.match?.phrases ?? []
        return compiler.plan
    }

    private init(analyzer: Analyzer, synonyms: SynonymTable) {
        self.analyzer = analyzer
        self.synonyms = synonyms
    }

    private mutating func compileTopLevel(_ root: QueryNode, ranked: Bool) {
        var items: [QueryNode] = []
        if case .and(let nodes) = root { items = nodes } else { items = [root] }
        var positives: [QueryNode] = [], negatives: [QueryNode] = []
        for item in items {
            switch item {
            case _ where Self.isMetadata(item): if let filter = Self.filter(item) { plan.filters.append(filter) }
            case .not(let inner): negatives.append(inner)
            default: positives.append(item)
            }
        }
        let required = positives.compactMap { compile($0, positive: true, required: true) }
        let excluded = negatives.compactMap { compile($0, positive: false, required: false) }
        guard !required.isEmpty else {
            if !excluded.isEmpty { plan.exclusion = excluded.count == 1 ? excluded[0] : .or(excluded) }
            return
        }
        var match = required.count == 1 ? required[0] : .and(required)
        if !excluded.isEmpty { match = .not(match, excluded.count == 1 ? excluded[0] : .or(excluded)) }
        plan.match = match
        plan.ranking.rewardsProximity = ranked && required.count > 1 && required.count == positives.count
            && positives.allSatisfy(Self.isSimple)
    }

    /// The expression of `node`, or nil when nothing of it can match (no token, or only exclusions).
    /// `required`: the node must match for the article to be a hit (a top-level term).
    private mutating func compile(_ node: QueryNode, positive: Bool, required: Bool) -> FTS5Expression? {
        switch node {
        case .term(let text, let prefix):
            return prefix ? compilePrefix(text, positive: positive, required: required)
                : compileTerm(text, positive: positive)
        case .phrase(let text):
            return compileTerm(text, positive: positive)
        case .field(let field, let inner) where field.isFullText:
            return compile(inner, positive: positive, required: required).map { .column(field.rawValue, $0) }
        case .field, .date:
            warn("\(node) cannot be combined with text terms inside a group: ignored (write it beside the group)",
                 at: Self.anchor(of: node))
            return nil
        case .and(let items):
            return compileGroup(items, positive: positive)
        case .or(let items):
            let parts = items.compactMap { item -> FTS5Expression? in
                if case .not = item {
                    warn("\(item) cannot be one side of OR: ignored", at: Self.anchor(of: item))
                    return nil
                }
                return compile(item, positive: positive, required: false)
            }
            return parts.isEmpty ? nil : parts.count == 1 ? parts[0] : .or(parts)
        case .not(let inner):
            warn("NOT \(inner) needs something to exclude it from: ignored", at: Self.anchor(of: inner))
            return nil
        }
    }

    private mutating func compileGroup(_ items: [QueryNode], positive: Bool) -> FTS5Expression? {
        let included = items.filter { if case .not = $0 { return false } else { return true } }
        let required = included.compactMap { compile($0, positive: positive, required: false) }
        guard !required.isEmpty else {
            if included.count < items.count {
                warn("a group of only excluded terms: ignored", at: items.first.map(Self.anchor) ?? "")
            }
            return nil
        }
        let excluded = items.compactMap { item -> FTS5Expression? in
            guard case .not(let inner) = item else { return nil }
            return compile(inner, positive: false, required: false)
        }
        let all = required.count == 1 ? required[0] : .and(required)
        return excluded.isEmpty ? all : .not(all, excluded.count == 1 ? excluded[0] : .or(excluded))
    }

    private mutating func compileTerm(_ text: String, positive: Bool) -> FTS5Expression? {
        let members = synonyms.group(of: text, fold: analyzer.folded)?
            .map { (text: $0, span: positions($0)) }.filter { $0.span > 0 }
        guard let members, members.count > 1 else {
            let span = positions(text)
            guard span > 0 else { return nil }
            return .phrase(text, RankingPlan.Phrase(term: positive ? newTerm(text) : nil, requiresWordStart: false,
                                                    isRequired: false, span: span))
        }
        // One ranking term for the whole group: its frequency is the union's, its matches any member's. (Its cache
        // key cannot be a term's text: NUL never reaches a query.)
        let texts = members.map(\.text)
        let term = positive ? newTerm(texts.joined(separator: "\u{0}"), marking: texts) : nil
        return .or(members.map { member in
            .phrase(member.text, RankingPlan.Phrase(term: term, requiresWordStart: false, isRequired: false,
                                                    span: member.span))
        })
    }

    private mutating func compilePrefix(_ text: String, positive: Bool, required: Bool) -> FTS5Expression? {
        guard isPrefixSearchable(text) else {
            if hasTokens(text) {
                warn("`\(text)*`: a prefix search is for Latin letters and digits; searched as \(text)", at: text + "*")
            }
            return compileTerm(text, positive: positive)
        }
        return .phrase(text, RankingPlan.Phrase(term: positive ? newTerm(text) : nil, requiresWordStart: true,
                                                isRequired: positive && required, span: positions(text)))
    }

    /// A new ranking term, `text`, whose occurrences are those of `marking` (by default, `text` itself).
    private mutating func newTerm(_ text: String, marking: [String]? = nil) -> Int {
        terms.append(text)
        plan.marked.append(marking ?? [text])
        return terms.count - 1
    }

    /// Whether the term has anything to match: punctuation alone has no token.
    private func hasTokens(_ term: String) -> Bool {
        positions(term) > 0
    }

    /// The positions the term's phrase spans: one per token of the query analysis (characters and gaps).
    private func positions(_ term: String) -> Int {
        analyzer.tokenList(term, mode: .query).count
    }

    /// Whether `term*` can ask for words beginning with `term`: Latin letters and digits only, no separation (CJK
    /// terms match as substrings anyway).
    private func isPrefixSearchable(_ term: String) -> Bool {
        let tokens = analyzer.tokens(term, mode: .query)
        return !tokens.isEmpty && tokens.allSatisfy { token in
            token.kind == .text && token.text.unicodeScalars.allSatisfy { $0.value < 0x2E80 }
        }
    }

    /// A term or quoted phrase: what the proximity boost measures the distance between.
    private static func isSimple(_ node: QueryNode) -> Bool {
        switch node {
        case .term, .phrase: return true
        default: return false
        }
    }

    /// Whether `node` is made of author, category and date conditions only (with AND, OR and NOT): such a
    /// node, at the top level, becomes one filter.
    private static func isMetadata(_ node: QueryNode) -> Bool {
        switch node {
        case .date, .field(.author, _), .field(.category, _): return true
        case .and(let nodes), .or(let nodes): return nodes.allSatisfy(isMetadata)
        case .not(let inner): return isMetadata(inner)
        default: return false
        }
    }

    /// The filter of a metadata node: a date range, or author/category text.
    private static func filter(_ node: QueryNode, field: QueryField? = nil) -> MetadataFilter? {
        switch node {
        case .date(let range):
            return .dated(range)
        case .field(let field, let inner):
            return filter(inner, field: field)
        case .term(let text, _), .phrase(let text):
            switch field {
            case .author: return .authorContains(text)
            case .category: return .categoryContains(text)
            default: return nil
            }
        case .and(let nodes), .or(let nodes):
            let parts = nodes.compactMap { filter($0, field: field) }
            guard !parts.isEmpty else { return nil }
            if case .and = node { return .all(parts) }
            return .any(parts)
        case .not(let inner):
            return filter(inner, field: field).map(MetadataFilter.not)
        }
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

import Foundation

/// Compiles a ``Query`` into an FTS5 MATCH expression that is valid by construction.
///
/// Each term becomes an FTS5 string (`"…"`, inner quotes doubled), which FTS5 hands to the `newsearch` tokenizer:
/// the term's characters and words then form a phrase, so any substring of the text is found. No user character is
/// ever read as FTS5 syntax. Terms without any token (punctuation such as `*` or `)`) are dropped.
///
/// Two alternatives add to the score without changing which articles match:
/// - a term whose edges are CJK is OR-ed with its word-aligned form (``Analyzer/Mode/alignedQuery``), which
///   matches only where the term begins and ends on word boundaries, and only where the plain term matches too;
/// - several terms are OR-ed with a `NEAR` group of them, which matches only where all of them match (close
///   together), so it adds the score of proximity and nothing to the hit set.
struct FTS5Expression: Equatable {
    /// The MATCH expression.
    var text: String
    /// What each of its phrases stands for, in FTS5's phrase order.
    var roles: [PhraseRole]

    /// The MATCH expression for `query`, or nil when no term has a token.
    static func compile(_ query: Query, analyzer: Analyzer) -> FTS5Expression? {
        let terms = query.terms.filter { !analyzer.tokenList($0, mode: .query).entries.isEmpty }
        guard !terms.isEmpty else { return nil }
        var roles: [PhraseRole] = []
        let required = terms.enumerated().map { k, term in
            roles.append(.term(k))
            guard hasAlignedForm(term, analyzer: analyzer) else { return quoted(term) }
            roles.append(.aligned(k))
            let aligned = String(UnicodeScalar(FTS5Tokenizer.alignedQueryMarker)) + term
            return "(\(quoted(term)) OR \(quoted(aligned)))"
        }
        let all = required.joined(separator: " AND ")
        guard terms.count > 1 else { return FTS5Expression(text: all, roles: roles) }
        roles += terms.map { _ in .near }
        let near = "NEAR(\(terms.map(quoted).joined(separator: " ")), \(Ranking.proximityWindow))"
        return FTS5Expression(text: "(\(all)) OR \(near)", roles: roles)
    }

    /// Whether the term's aligned form differs from its plain one: it begins or ends with a CJK character.
    private static func hasAlignedForm(_ term: String, analyzer: Analyzer) -> Bool {
        analyzer.tokenList(term, mode: .alignedQuery).entries.contains { $0.kind != .text && $0.kind != .gap }
    }

    /// `text` as an FTS5 string literal.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

/// Compiles a ``Query`` into an FTS5 MATCH expression that is valid by construction.
///
/// Each term becomes one FTS5 string (`"…"`, inner quotes doubled), which FTS5 hands to the `newsearch`
/// tokenizer: the term's tokens then form a phrase. No user character is ever read as FTS5 syntax. Terms
/// without any token (punctuation such as `*` or `)`) are dropped, since they can match nothing.
enum FTS5Expression {
    /// The MATCH expression for `query`, or nil when no term has a token.
    static func compile(_ query: Query, analyzer: Analyzer) -> String? {
        let phrases = query.terms
            .filter { !analyzer.tokenList($0).entries.isEmpty }
            .map(quoted)
        return phrases.isEmpty ? nil : phrases.joined(separator: " AND ")
    }

    /// `text` as an FTS5 string literal.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

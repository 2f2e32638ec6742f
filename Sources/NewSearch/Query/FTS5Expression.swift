import Foundation

/// An FTS5 MATCH expression with the role of each of its phrases, as ``QueryCompiler`` builds it.
struct FTS5Expression: Equatable {
    /// The MATCH expression.
    var text: String
    /// What each of its phrases stands for, in FTS5's phrase order (left to right).
    var roles: [PhraseRole]

    /// `text` as an FTS5 string literal: in double quotes, inner quotes doubled. Nothing in it is FTS5 syntax.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

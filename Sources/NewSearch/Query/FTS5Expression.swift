import Foundation

/// An FTS5 MATCH expression with the role of each of its phrases, as ``QueryCompiler`` builds it.
struct FTS5Expression: Equatable {
    /// The MATCH expression.
    var text: String
    /// What each of its phrases stands for, in FTS5's phrase order (left to right).
    var roles: [PhraseRole]

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

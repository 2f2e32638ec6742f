/// What each phrase of a compiled FTS5 expression stands for, in the order FTS5 numbers phrases (left to
/// right): the ranking function reads these to score terms rather than raw phrases.
enum PhraseRole: Equatable, Sendable {
    /// The plain phrase of query term `k`: its matches are the term's matches.
    case term(Int)
    /// The word-aligned form of term `k`: its matches are the term's aligned matches.
    case aligned(Int)
    /// A phrase of the proximity `NEAR` group: it matches only where all terms are close.
    case near
    /// A phrase of an excluded term: it never matches in a hit, and adds nothing.
    case excluded

    /// The roles as the text argument of the ranking function: `t0 a0 t1 n n`.
    static func encode(_ roles: [PhraseRole]) -> String {
        roles.map { role in
            switch role {
            case .term(let k): return "t\(k)"
            case .aligned(let k): return "a\(k)"
            case .near: return "n"
            case .excluded: return "x"
            }
        }.joined(separator: " ")
    }

    /// Reads ``encode(_:)``'s text; unknown words are read as `excluded` (they then add nothing).
    static func decode(_ text: String) -> [PhraseRole] {
        text.split(separator: " ").map { word in
            let number = Int(word.dropFirst()) ?? 0
            switch word.first {
            case "t": return .term(number)
            case "a": return .aligned(number)
            case "n": return .near
            default: return .excluded
            }
        }
    }
}

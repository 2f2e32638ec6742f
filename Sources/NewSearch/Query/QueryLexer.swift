/// Cuts query text into the pieces of the query language. It never fails: anything it cannot read as syntax is
/// a word.
struct QueryLexer {
    enum Kind: Equatable {
        case word(String, prefix: Bool)
        case quoted(String)
        case field(QueryField)
        case date(String)
        case open, close, or, and, not, minus
    }

    struct Piece: Equatable {
        var kind: Kind
        /// The piece's first character, counted from 0.
        var position: Int
    }

    private(set) var pieces: [Piece] = []
    private(set) var warnings: [QueryWarning] = []

    private static let quotes: [Character: Character] = ["\"": "\"", "“": "”", "「": "」", "『": "』"]
    private static let breaking: Set<Character> = ["(", ")", "|", "\"", "“", "”", "（", "）"]

    init(_ text: String) {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace || character == "”" {
                index += 1
            } else if character == "(" || character == "（" {
                pieces.append(Piece(kind: .open, position: index))
                index += 1
            } else if character == ")" || character == "）" {
                pieces.append(Piece(kind: .close, position: index))
                index += 1
            } else if character == "|" {
                pieces.append(Piece(kind: .or, position: index))
                index += 1
            } else if let closing = Self.quotes[character] {
                index = readQuoted(characters, from: index, closing: closing)
            } else if character == "-", index + 1 < characters.count, !characters[index + 1].isWhitespace,
                      characters[index + 1] != "-" {
                pieces.append(Piece(kind: .minus, position: index))
                index += 1
            } else {
                index = readWord(characters, from: index)
            }
        }
    }

    private mutating func readQuoted(_ characters: [Character], from start: Int, closing: Character) -> Int {
        var end = start + 1
        while end < characters.count, characters[end] != closing, !(closing == "\"" && characters[end] == "”") {
            end += 1
        }
        if end == characters.count {
            warnings.append(QueryWarning(position: start, message: "quote never closed: read to the end of the query"))
        }
        pieces.append(Piece(kind: .quoted(String(characters[start + 1 ..< end])), position: start))
        return min(end + 1, characters.count)
    }

    private mutating func readWord(_ characters: [Character], from start: Int) -> Int {
        let isWordCharacter = { (character: Character) in !character.isWhitespace && !Self.breaking.contains(character) }
        var end = start
        while end < characters.count, isWordCharacter(characters[end]), characters[end] != ":", characters[end] != "：" {
            end += 1
        }
        if end < characters.count, isWordCharacter(characters[end]) {
            // The first colon: a field's prefix ends here, and the field's value is read as a word of its own, so
            // that `title:title:…` costs one pass (scanning each field's value to the word's end made it quadratic).
            let name = String(characters[start ..< end]).lowercased(), colon = end
            let field = QueryField(rawValue: name) ?? (name == "categories" ? .category : nil)
            if let field, name != "date" {
                pieces.append(Piece(kind: .field(field), position: start))
                return colon + 1
            }
            end += 1
            while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
            if name == "date" {
                pieces.append(Piece(kind: .date(String(characters[colon + 1 ..< end])), position: start))
                return end
            }
        }
        let word = String(characters[start ..< end])
        switch word {
        case "AND": pieces.append(Piece(kind: .and, position: start))
        case "OR": pieces.append(Piece(kind: .or, position: start))
        case "NOT": pieces.append(Piece(kind: .not, position: start))
        default:
            let stem = String(word.reversed().drop(while: { $0 == "*" }).reversed())
            if stem.isEmpty {
                warnings.append(QueryWarning(position: start, message: "`\(word)` has nothing before `*`: ignored"))
            } else {
                pieces.append(Piece(kind: .word(stem, prefix: stem.count < word.count), position: start))
            }
        }
        return end
    }
}

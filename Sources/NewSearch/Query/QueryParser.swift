import Foundation

/// Reads user query text into a ``ParsedQuery``. It never fails: broken syntax degrades to literal words,
/// with a ``QueryWarning`` naming the position.
///
/// The language: terms side by side must all match (`AND` may be written); `OR` or `|` for either; `-term` or
/// `NOT term` to exclude; `"quoted words"` for words adjacent in order; parentheses to group; `title:` `body:`
/// `author:` `category:` to look in one field; `date:2022-01..2022-03` for a date range; `term*` for Latin or
/// number words beginning with `term`. Operators are upper case: `or`, `and`, `not` are words.
///
/// ```swift
/// QueryParser.parse("快递员 (社保 OR 医保) -广告 title:欠薪").root!.description
/// // "(快递员 AND (社保 OR 医保) AND NOT 广告 AND title:欠薪)"
/// ```
public struct QueryParser {
    /// The most terms a query keeps; more are ignored, with a warning.
    public static let maximumTerms = 32
    /// The most characters a term keeps; a longer one is cut, with a warning.
    public static let maximumTermLength = 200
    /// The deepest nesting of parentheses and negations read; deeper ones are read flat, with a warning, so that
    /// no input can exhaust the stack of the thread that parses it.
    public static let maximumDepth = 32

    private var pieces: [QueryLexer.Piece]
    private var index = 0
    private var warnings: [QueryWarning]
    private var terms = 0
    private var depth = 0
    private var warnedDepth = false
    private let length: Int
    private let text: String

    /// Parses `text`; see the type for the language.
    public static func parse(_ text: String) -> ParsedQuery {
        var parser = QueryParser(text)
        return parser.parseQuery()
    }

    private init(_ text: String) {
        // Compatibility folding first, so that full-width operators typed with a Chinese input method
        // (－ ｜ ＊ （ ） ＯＲ ：) are operators; terms are folded the same way by the analyzer anyway.
        let printable = String(String.UnicodeScalarView(Self.compatibilityFolded(text).unicodeScalars.map {
            $0.properties.generalCategory == .control && !$0.properties.isWhitespace ? " " : $0
        }))
        let lexer = QueryLexer(printable)
        pieces = lexer.pieces
        warnings = lexer.warnings
        length = printable.count
        self.text = printable
        if !pieces.isEmpty, pieces.allSatisfy({ [.and, .or, .not].contains($0.kind) }) {
            pieces = pieces.map { piece in
                let word = piece.kind == .and ? "AND" : piece.kind == .or ? "OR" : "NOT"
                return QueryLexer.Piece(kind: .word(word, prefix: false), position: piece.position)
            }
        }
    }

    /// `text` in compatibility form (NFKC). Printable ASCII and CJK unified ideographs are their own NFKC form and
    /// cannot combine with what follows them, so a query made of them only (most are) skips the normalizer.
    private static func compatibilityFolded(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { scalar in
            (0x20 ..< 0x7F).contains(scalar.value) || (0x4E00 ... 0x9FFF).contains(scalar.value)
        }
        return plain ? text : text.precomposedStringWithCompatibilityMapping
    }

    private mutating func parseQuery() -> ParsedQuery {
        var items: [QueryNode] = []
        while index < pieces.count {
            if let node = parseOr() { items.append(node) }
            if index < pieces.count, pieces[index].kind == .close {
                warn("`)` without `(`: ignored")
                index += 1
            }
        }
        return ParsedQuery(root: Self.joined(items, with: QueryNode.and), warnings: warnings, text: text)
    }

    private mutating func parseOr() -> QueryNode? {
        var alternatives: [QueryNode] = []
        if let first = parseAnd() { alternatives.append(first) }
        while index < pieces.count, pieces[index].kind == .or {
            let position = pieces[index].position
            index += 1
            guard let next = parseAnd() else {
                warnings.append(QueryWarning(position: position, message: "OR has nothing after it: ignored"))
                break
            }
            if alternatives.isEmpty {
                warnings.append(QueryWarning(position: position, message: "OR has nothing before it: ignored"))
            }
            alternatives.append(next)
        }
        return Self.joined(alternatives, with: QueryNode.or)
    }

    private mutating func parseAnd() -> QueryNode? {
        var items: [QueryNode] = []
        while index < pieces.count, pieces[index].kind != .or, pieces[index].kind != .close {
            if pieces[index].kind == .and {
                if items.isEmpty || index + 1 == pieces.count { warn("AND has nothing on one side: ignored") }
                index += 1
                continue
            }
            if let node = parseUnary() { items.append(node) }
        }
        return Self.joined(items, with: QueryNode.and)
    }

    private mutating func parseUnary() -> QueryNode? {
        guard depth < Self.maximumDepth else { return parseFlat() }
        depth += 1
        defer { depth -= 1 }
        guard pieces[index].kind == .not || pieces[index].kind == .minus else { return parsePrimary() }
        let position = pieces[index].position
        index += 1
        guard index < pieces.count, ![.or, .close, .and].contains(pieces[index].kind), let operand = parseUnary() else {
            warnings.append(QueryWarning(position: position, message: "nothing to exclude after NOT or -: ignored"))
            return nil
        }
        if case .not(let inner) = operand { return inner }
        return .not(operand)
    }

    private mutating func parsePrimary() -> QueryNode? {
        let piece = pieces[index]
        index += 1
        switch piece.kind {
        case .open:
            let node = parseOr()
            if index < pieces.count, pieces[index].kind == .close {
                index += 1
            } else {
                warnings.append(QueryWarning(position: piece.position, message: "`(` never closed: closed at the end"))
            }
            return node
        case .field(let field):
            guard index < pieces.count, ![.or, .close, .and].contains(pieces[index].kind),
                  let operand = parseUnary() else {
                warnings.append(QueryWarning(position: piece.position,
                                             message: "\(field.rawValue): has nothing after it: searched as a word"))
                return term(field.rawValue, prefix: false, at: piece.position)
            }
            if case .not(let inner) = operand { return .not(.field(field, inner)) }
            return .field(field, operand)
        case .date(let text):
            guard let range = DateRange(text) else {
                warnings.append(QueryWarning(position: piece.position, message:
                    "date:\(text) is not a date range such as date:2022, date:2022-03 or date:2022-01..2022-03: ignored"))
                return nil
            }
            // A date range counts against the limit of terms like any other condition.
            guard admitted("date:" + text, at: piece.position) != nil else { return nil }
            return .date(range)
        case .quoted(let text):
            return text.contains(where: { !$0.isWhitespace }) ? phrase(text, at: piece.position) : nil
        case .word(let text, let prefix):
            return term(text, prefix: prefix, at: piece.position)
        case .close, .or, .and, .not, .minus:
            return nil
        }
    }

    /// Past ``maximumDepth``: the next piece alone, operators and parentheses skipped.
    private mutating func parseFlat() -> QueryNode? {
        let piece = pieces[index]
        index += 1
        if !warnedDepth {
            warnedDepth = true
            warnings.append(QueryWarning(position: piece.position, message:
                "nested deeper than \(Self.maximumDepth) levels: parentheses and NOT from here on are ignored"))
        }
        switch piece.kind {
        case .word(let text, let prefix): return term(text, prefix: prefix, at: piece.position)
        case .quoted(let text): return phrase(text, at: piece.position)
        default: return nil
        }
    }

    private mutating func term(_ text: String, prefix: Bool, at position: Int) -> QueryNode? {
        guard let text = admitted(text, at: position) else { return nil }
        return .term(text, prefix: prefix)
    }

    private mutating func phrase(_ text: String, at position: Int) -> QueryNode? {
        guard let text = admitted(text, at: position) else { return nil }
        return .phrase(text)
    }

    /// Counts a term against the limits; nil when over the number of terms.
    private mutating func admitted(_ text: String, at position: Int) -> String? {
        terms += 1
        guard terms <= Self.maximumTerms else {
            if terms == Self.maximumTerms + 1 {
                warnings.append(QueryWarning(position: position,
                                             message: "more than \(Self.maximumTerms) terms: the rest are ignored"))
            }
            return nil
        }
        guard text.count > Self.maximumTermLength else { return text }
        warnings.append(QueryWarning(position: position,
                                     message: "term longer than \(Self.maximumTermLength) characters: cut"))
        return String(text.prefix(Self.maximumTermLength))
    }

    private mutating func warn(_ message: String) {
        warnings.append(QueryWarning(position: index < pieces.count ? pieces[index].position : length, message: message))
    }

    private static func joined(_ nodes: [QueryNode], with combine: ([QueryNode]) -> QueryNode) -> QueryNode? {
        nodes.count > 1 ? combine(nodes) : nodes.first
    }
}

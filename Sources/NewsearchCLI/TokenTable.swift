import NewSearch

/// The table `newsearch analyze` prints: one token a line, with its position, kind, byte range and original text.
struct TokenTable {
    let source: String
    let tokens: [Token]

    init(text: String, tokens: [Token]) {
        source = text
        self.tokens = tokens
    }

    var text: String {
        guard !tokens.isEmpty else { return "No tokens: the text has no words, numbers or CJK characters." }
        let bytes = Array(source.utf8)
        let rows = tokens.map { token -> [String] in
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            return ["\(token.position)", shown(token), label(token),
                    "\(token.byteRange.lowerBound)..<\(token.byteRange.upperBound)", original]
        }
        let header = ["position", "token", "kind", "bytes", "original"]
        return TextTable(rows: [header] + rows).text
    }

    /// The character, with `^` when a word begins with it and `$` when one ends with it; `|` for a gap; `+` before
    /// a pair.
    private func shown(_ token: Token) -> String {
        token.kind == .gap ? "|"
            : (token.kind == .pair ? "+" : "") + (token.startsWord ? "^" : "") + token.text + (token.endsWord ? "$" : "")
    }

    private func label(_ token: Token) -> String {
        switch (token.kind, token.startsWord, token.endsWord) {
        case (.gap, _, _): return "gap"
        case (.pair, _, _): return "pair"
        case (_, true, true): return "one-character word"
        case (_, true, false): return "word start"
        case (_, false, true): return "word end"
        default: return "character"
        }
    }
}

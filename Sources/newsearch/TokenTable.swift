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
        let widths = (0 ..< header.count).map { column in
            ([header] + rows).map { displayWidth($0[column]) }.max() ?? 0
        }
        return ([header] + rows).map { row in
            zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - displayWidth(cell)) }
                .joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n")
    }

    /// The character, with `^` when a word begins with it and `$` when one ends with it; `|` for a gap.
    private func shown(_ token: Token) -> String {
        token.kind == .gap ? "|" : (token.startsWord ? "^" : "") + token.text + (token.endsWord ? "$" : "")
    }

    private func label(_ token: Token) -> String {
        switch (token.kind, token.startsWord, token.endsWord) {
        case (.gap, _, _): return "gap"
        case (_, true, true): return "one-character word"
        case (_, true, false): return "word start"
        case (_, false, true): return "word end"
        default: return "character"
        }
    }

    /// Columns in a terminal: East Asian wide characters take two.
    private func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide = (0x1100 ... 0x115F).contains(value) || (0x2E80 ... 0xA4CF).contains(value)
                || (0xAC00 ... 0xD7A3).contains(value) || (0xF900 ... 0xFAFF).contains(value)
                || (0xFE30 ... 0xFE4F).contains(value) || (0xFF00 ... 0xFF60).contains(value)
                || (0xFFE0 ... 0xFFE6).contains(value) || (0x1F300 ... 0x1FAFF).contains(value)
                || (0x20000 ... 0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}

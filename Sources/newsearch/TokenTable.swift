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
            return ["\(token.position)", shown(token), label(token.kind),
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

    private func shown(_ token: Token) -> String {
        switch token.kind {
        case .text: return token.text
        case .wordStart: return "^" + token.text
        case .wordEnd: return token.text + "$"
        case .wholeWord: return "=" + token.text
        case .part: return "+" + token.text
        case .gap: return "|"
        }
    }

    private func label(_ kind: Token.Kind) -> String {
        switch kind {
        case .text: return "text"
        case .wordStart: return "word start"
        case .wordEnd: return "word end"
        case .wholeWord: return "one-character word"
        case .part: return "part"
        case .gap: return "gap"
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

extension Analyzer {
    /// Emits the tokens of the segmented text; see the chain described on ``Analyzer``.
    func emit(mode: Mode, into list: inout TokenList) {
        let bytes = normalized.bytes
        var previous: (end: Int, isCJK: Bool)?
        let firstCJK = segments.first?.isCJK == true ? segments.first?.start : nil
        let lastCJKEnd = segments.last?.isCJK == true ? segments.last?.end : nil
        for segment in segments {
            if let previous, segment.start > previous.end, previous.isCJK || segment.isCJK,
               mode == .document || !Self.isSpace(bytes[previous.end ..< segment.start]) {
                list.append([], kind: .gap, colocated: false, source: original(previous.end ..< segment.start))
            }
            if segment.isCJK {
                emitCharacters(of: segment.start ..< segment.end, mode: mode,
                               edges: (firstCJK, lastCJKEnd), into: &list)
            } else {
                let range = segment.start ..< segment.end
                list.append(bytes[range], kind: .text, colocated: false, source: original(range))
                if mode == .document { emitParts(of: range, into: &list) }
            }
            previous = (segment.end, segment.isCJK)
        }
    }

    /// Each character of a CJK word as a token; in documents, with markers of the word's first and last
    /// characters (or of a one-character word); in an aligned query, with the term's edges required to be so.
    private func emitCharacters(of word: Range<Int>, mode: Mode, edges: (first: Int?, lastEnd: Int?),
                                into list: inout TokenList) {
        let bytes = normalized.bytes
        var start = word.lowerBound
        while start < word.upperBound {
            let end = min(start + Self.width(of: bytes[start]), word.upperBound)
            let character = bytes[start ..< end]
            let source = original(start ..< end)
            let first = start == word.lowerBound, last = end == word.upperBound
            switch mode {
            case .document:
                list.append(character, kind: .text, colocated: false, source: source)
                if first && last {
                    list.append(character, kind: .wholeWord, colocated: true, source: source)
                } else if first {
                    list.append(character, kind: .wordStart, colocated: true, source: source)
                } else if last {
                    list.append(character, kind: .wordEnd, colocated: true, source: source)
                }
            case .query:
                list.append(character, kind: .text, colocated: false, source: source)
            case .alignedQuery:
                let termFirst = start == edges.first, termLast = end == edges.lastEnd
                if termFirst && termLast {
                    list.append(character, kind: .wholeWord, colocated: false, source: source)
                } else if termFirst || termLast {
                    list.append(character, kind: termFirst ? .wordStart : .wordEnd, colocated: false, source: source)
                    list.append(character, kind: .wholeWord, colocated: true, source: source)
                } else {
                    list.append(character, kind: .text, colocated: false, source: source)
                }
            }
            start = end
        }
    }

    /// The letter and digit parts of a word that mixes them, colocated with the word: `iphone16` → `iphone`, `16`.
    private func emitParts(of word: Range<Int>, into list: inout TokenList) {
        let bytes = normalized.bytes
        let isDigit = { (byte: UInt8) in byte &- 0x30 < 10 }
        guard bytes[word].contains(where: isDigit),
              bytes[word].contains(where: { $0 &- 0x61 < 26 }) else { return }
        var start = word.lowerBound
        while start < word.upperBound {
            let digits = isDigit(bytes[start])
            var end = start + 1
            while end < word.upperBound, isDigit(bytes[end]) == digits { end += 1 }
            list.append(bytes[start ..< end], kind: .part, colocated: true, source: original(start ..< end))
            start = end
        }
    }

    /// Whether folded text between two words is only white space: in a query, words separated by spaces are
    /// adjacent (`"快递员 社会保险"` finds 快递员社会保险); in documents any separation is a gap.
    private static func isSpace(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private func original(_ range: Range<Int>) -> Range<Int> {
        normalized.originalRange(of: range)
    }

    /// The length of the UTF-8 sequence that `lead` begins.
    static func width(of lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }
}

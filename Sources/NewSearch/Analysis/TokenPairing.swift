/// The last analysis stage: the tokens the index holds and a query's phrase is made of, pairs included (see
/// ``TokenContract``). It reads the character and gap tokens of a ``TokenList`` and hands on each final token as
/// bytes, with no allocation per token: FTS5's tokenizer passes them to SQLite as they come, and
/// ``Analyzer/indexedTokens(_:mode:)`` shows the same stream, so `newsearch analyze` prints exactly what is indexed.
///
/// - In a document, every character and gap in order, and after each character that begins a pair the pair,
///   *colocated* with it (at its position).
/// - In a query, each character that begins a pair is replaced by the pair, and with ``PhraseEnd/shortest`` the last
///   character is left out when the pair before it holds it: `2024` is the phrase 20 02 24, 经济 the one token 经济.
enum TokenPairing {
    /// How a query's phrase ends when the pair before its last character holds that character: both forms match
    /// exactly the same rows, at the same positions.
    enum PhraseEnd: Sendable {
        /// The character is left out: the shortest phrase (经济 is the one token 经济), for newsearch's own
        /// connections, which highlight from the stored text.
        case shortest
        /// The character is kept, so that the phrase holds a token at every position of the term (经济 is the
        /// phrase 经济 济): FTS5's own `highlight()` and `snippet()` mark matches by position and then mark the
        /// whole term. For an app's connection.
        case everyPosition
    }

    /// One final token: its bytes (valid during the call only), where it came from in the original text, the
    /// position of the character it stands at, whether it is a pair, and whether it shares that position with the
    /// token before it (a pair in a document).
    struct Output {
        var bytes: UnsafeBufferPointer<UInt8>
        var source: Range<Int32>
        var position: Int
        var isPair: Bool
        var isColocated: Bool
    }

    /// Calls `body` with each final token of `tokens`, in order, while it returns 0; returns the first other value
    /// it returned (SQLite's result codes pass through), else 0.
    static func forEach(_ tokens: TokenList, mode: Analyzer.Mode, phraseEnd: PhraseEnd = .shortest,
                        _ body: (Output) -> Int32) -> Int32 {
        tokens.bytes.withUnsafeBufferPointer { buffer in
            tokens.entries.withUnsafeBufferPointer { entries in
                guard let base = buffer.baseAddress else { return 0 }
                func text(_ entry: TokenList.Entry) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(start: base + Int(entry.textStart), count: Int(entry.textLength))
                }
                // A pair's bytes when its two characters are apart in the text (a query's space between CJK words):
                // at most four bytes each.
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { apart in
                    let query = mode == .query
                    var previousPaired = false
                    for position in entries.indices {
                        let entry = entries[position]
                        let next = position + 1 < entries.count ? entries[position + 1] : nil
                        let paired = next.map { TokenContract.pairs(text(entry), text($0)) } ?? false
                        if query && phraseEnd == .shortest && next == nil && previousPaired { break }
                        previousPaired = paired
                        if !query || !paired {
                            let code = body(Output(bytes: text(entry), source: entry.sourceStart ..< entry.sourceEnd,
                                                   position: position, isPair: false, isColocated: false))
                            if code != 0 { return code }
                        }
                        guard paired, let next else { continue }
                        let pair: UnsafeBufferPointer<UInt8>
                        if next.textStart == entry.textStart + entry.textLength {
                            pair = UnsafeBufferPointer(start: base + Int(entry.textStart),
                                                       count: Int(entry.textLength + next.textLength))
                        } else {
                            let first = text(entry), second = text(next)
                            for offset in first.indices { apart[offset] = first[offset] }
                            for offset in second.indices { apart[first.count + offset] = second[offset] }
                            pair = UnsafeBufferPointer(rebasing: apart[0 ..< first.count + second.count])
                        }
                        let code = body(Output(bytes: pair, source: entry.sourceStart ..< next.sourceEnd,
                                               position: position, isPair: true, isColocated: !query))
                        if code != 0 { return code }
                    }
                    return 0
                }
            }
        }
    }
}

/// What the `newsearch` tokenizer puts in the index, written down in one place.
///
/// - Every letter, digit and ideograph of a *run* is one token at a position of its own: its folded bytes (one
///   Unicode scalar). A run is a stretch of words (as ICU finds them) that touch, so any substring of it is a
///   phrase of consecutive tokens: 上海 finds 上海市, `hon` finds `iphone`, `20` finds `2000`.
/// - A **gap** token, the single byte ``gap``, stands between two runs (where punctuation, space or a symbol
///   separates them), so that no phrase matches across it. No folded character is that byte.
/// - Word boundaries are not tokens: they travel beside the tokens as ``WordBoundaries`` (one bit per position),
///   which the index keeps per article for ranking whole-word matches first.
/// - A document's length, for bm25, is its number of character tokens (gaps do not count).
/// - **Pairs**: in the index, two adjacent characters of a run are also indexed as one token, colocated with the
///   first (at its position), when they are two ASCII digits, a digit and the date unit after it (年, 月, 日), or
///   one of the ``CommonPairs`` (经济, 习近, 近平, …): `2024年` holds 2·20, 0·02, 2·24, 4·4年, 年 at five
///   positions. In a query, each character that begins a pair is replaced by the pair, and on newsearch's own
///   connections the phrase's last character is left out when the pair before it holds it
///   (``TokenPairing/PhraseEnd``): `2024` is the phrase 20 02 24, `2024年` is 20 02 24 4年, 经济 the single token
///   经济, 习近平 the phrase 习近 近平, whose lists are far shorter than those of the characters alone (年 is in
///   almost every article). A phrase so still begins where its first character is, and spans as many positions
///   as its characters (``RankingPlan/Phrase/span``): the index and the ranking see the same positions as without
///   pairs. The pairs are the last analysis stage, ``TokenPairing``, which FTS5's tokenizer emits as it comes and
///   ``Analyzer/indexedTokens(_:mode:)`` shows.
enum TokenContract {
    /// The gap token's only byte (ASCII unit separator, which folding turns into nothing and queries strip).
    static let gap: UInt8 = 0x1F

    /// Whether two adjacent character tokens of a run, whose bytes are `first` and `second`, are also indexed as
    /// one pair token: two ASCII digits, a digit and a date unit, or one of the ``CommonPairs``.
    @inline(__always)
    static func pairs(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        if first.count == 1 {
            guard UTF8Scalar.asciiClass(of: first[0]) == 1 else { return false }
            return second.count == 1 ? UTF8Scalar.asciiClass(of: second[0]) == 1 : isDateUnit(second)
        }
        return CommonPairs.contains(first, second)
    }

    /// Whether `text` is 年, 月 or 日 (U+5E74, U+6708, U+65E5 in UTF-8).
    @inline(__always)
    private static func isDateUnit(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count == 3 else { return false }
        return text[0] == 0xE5 && text[1] == 0xB9 && text[2] == 0xB4
            || text[0] == 0xE6 && (text[1] == 0x9C && text[2] == 0x88 || text[1] == 0x97 && text[2] == 0xA5)
    }
}

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
enum TokenContract {
    /// The gap token's only byte (ASCII unit separator, which folding turns into nothing and queries strip).
    static let gap: UInt8 = 0x1F
}

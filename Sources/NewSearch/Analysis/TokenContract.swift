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
/// - **Digit pairs**: in the index, an ASCII digit followed by another in the same run is also indexed as the two
///   of them, a token colocated with the first (at its position): `2024` holds 2·20, 0·02, 2·24, 4 at four
///   positions. In a query, each digit followed by a digit is replaced by that pair, and the run's last digit stays
///   alone, so the phrase keeps one token per character: `2024` is the phrase 20 02 24 4, `2024年` is
///   20 02 24 4 年, whose lists are far shorter than those of 2, 0, 2, 4, which every date holds. The index and the
///   ranking see the same positions as without pairs; only FTS5's tokenizer emits them
///   (``FTS5Tokenizer``).
enum TokenContract {
    /// The gap token's only byte (ASCII unit separator, which folding turns into nothing and queries strip).
    static let gap: UInt8 = 0x1F

    /// Whether a token whose bytes are `text` is a digit, which pairs with a digit next to it.
    @inline(__always)
    static func isPairedDigit(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.count == 1 && UTF8Scalar.asciiClass(of: text[0]) == 1
    }
}

/// One token produced by the ``Analyzer``: the indexed text, where it came from, and the word boundaries around it.
///
/// ```swift
/// try Analyzer().tokens("上海市GDP").map(\.description)
/// // ["^上@0[0..<3]", "海@1[3..<6]", "市$@2[6..<9]", "^g@3[9..<10]", "d@4[10..<11]", "p$@5[11..<12]"]
/// ```
public struct Token: Hashable, Sendable, CustomStringConvertible {
    /// What a token stands for.
    public enum Kind: UInt8, Sendable {
        /// One folded character (a letter, digit or ideograph, or a mark inside a word): what phrases match.
        case text = 0
        /// Two adjacent characters indexed as one token as well (two digits, a digit and 年/月/日, or a common pair
        /// such as 经济), at the position of the first: in a document beside that character, in a query phrase in
        /// its place (see ``Analyzer/indexedTokens(_:mode:)``).
        case pair = 1
        /// Stands where punctuation, space or a symbol separates two runs of characters, so that a phrase never
        /// matches across it.
        case gap = 5
    }

    /// The folded character (lower-cased, width-folded, simplified); empty for a gap.
    public var text: String
    /// Whether the token is a character of text or a gap between runs of text.
    public var kind: Kind
    /// The UTF-8 byte range of the token in the original text; highlights are drawn from it.
    public var byteRange: Range<Int>
    /// The token's position: phrases match tokens at consecutive positions.
    public var position: Int
    /// Whether a word (as ICU or the user dictionary cut the text) begins with this character.
    public var startsWord: Bool
    /// Whether a word ends with this character.
    public var endsWord: Bool

    /// A token made of the given parts, each as its property describes.
    init(text: String, kind: Kind = .text, byteRange: Range<Int>, position: Int,
         startsWord: Bool = false, endsWord: Bool = false) {
        self.text = text
        self.kind = kind
        self.byteRange = byteRange
        self.position = position
        self.startsWord = startsWord
        self.endsWord = endsWord
    }

    /// `^` before a character that begins a word, `$` after one that ends a word, `|` for a gap, `+` before a
    /// pair; then the position and the byte range.
    public var description: String {
        let shown = kind == .gap ? "|" : (kind == .pair ? "+" : "") + (startsWord ? "^" : "") + text + (endsWord ? "$" : "")
        return "\(shown)@\(position)[\(byteRange.lowerBound)..<\(byteRange.upperBound)]"
    }
}

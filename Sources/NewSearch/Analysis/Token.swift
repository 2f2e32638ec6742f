/// One token produced by the ``Analyzer``: the indexed text, where it came from and what it marks.
///
/// ```swift
/// try Analyzer().tokens("上海市")
/// // 上@0 ^上@0 海@1 市@2 市$@2: characters, plus markers of where the word 上海市 begins and ends
/// ```
public struct Token: Hashable, Sendable, CustomStringConvertible {
    /// What a token stands for. Markers share the position of the character they mark.
    public enum Kind: UInt8, Sendable {
        /// A CJK character, or a whole Latin or number word: what phrases match.
        case text = 0
        /// Marks a CJK character that begins a word of two or more characters.
        case wordStart = 1
        /// Marks a CJK character that ends a word of two or more characters.
        case wordEnd = 2
        /// Marks a CJK character that is a word of its own.
        case wholeWord = 3
        /// The letter or digit part of a mixed word (`iphone` and `16` of `iphone16`).
        case part = 4
        /// Stands between two tokens that punctuation or space separates, when one of them is CJK, so that a
        /// phrase never matches across it.
        case gap = 5
    }

    /// The folded text (lower-cased, width-folded, simplified), without marker bytes.
    public var text: String
    public var kind: Kind
    /// Whether the token shares the position of the token before it: markers and parts do in documents; in a
    /// query, colocated tokens are alternatives for one position.
    public var colocated: Bool
    /// The UTF-8 byte range of the token in the original text; highlights are drawn from it.
    public var byteRange: Range<Int>
    /// The token's position: phrases match tokens at consecutive positions.
    public var position: Int

    public init(text: String, kind: Kind = .text, colocated: Bool = false, byteRange: Range<Int>, position: Int) {
        self.text = text
        self.kind = kind
        self.colocated = colocated
        self.byteRange = byteRange
        self.position = position
    }

    public var description: String {
        let shown: String
        switch kind {
        case .text, .part: shown = text
        case .wordStart: shown = "^" + text
        case .wordEnd: shown = text + "$"
        case .wholeWord: shown = "=" + text
        case .gap: shown = "|"
        }
        return "\(shown)@\(position)[\(byteRange.lowerBound)..<\(byteRange.upperBound)]"
    }
}

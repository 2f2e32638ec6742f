/// One token produced by the ``Analyzer``: the indexed text and where it came from.
///
/// ```swift
/// try Analyzer().tokens("iPhone16发布")
/// // [Token(text: "iphone16", byteRange: 0..<8, position: 0), Token(text: "发布", byteRange: 8..<14, position: 1)]
/// ```
public struct Token: Hashable, Sendable, CustomStringConvertible {
    /// The normalized text that is indexed and matched (lower-cased Latin, for example).
    public var text: String
    /// The UTF-8 byte range of the token in the original text; highlights are drawn from it.
    public var byteRange: Range<Int>
    /// The token's position: phrases match tokens at consecutive positions.
    public var position: Int

    public init(text: String, byteRange: Range<Int>, position: Int) {
        self.text = text
        self.byteRange = byteRange
        self.position = position
    }

    public var description: String { "\(text)@\(position)[\(byteRange.lowerBound)..<\(byteRange.upperBound)]" }
}

/// Reads user query text. It never fails: any string is a query.
///
/// ```swift
/// QueryParser.parse("快递员  社会保险").terms   // ["快递员", "社会保险"]
/// ```
public enum QueryParser {
    /// Splits `text` into terms at white space (ideographic space included); control characters are dropped.
    public static func parse(_ text: String) -> Query {
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.properties.generalCategory != .control || $0.properties.isWhitespace
        }))
        return Query(terms: printable.split(whereSeparator: \.isWhitespace).map(String.init))
    }
}

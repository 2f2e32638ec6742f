/// Reads user query text. It never fails: any string is a query.
///
/// ```swift
/// QueryParser.parse("快递员  社会保险").terms   // ["快递员", "社会保险"]
/// ```
public enum QueryParser {
    /// Splits `text` into terms at white space (ideographic space included).
    public static func parse(_ text: String) -> Query {
        Query(terms: text.split(whereSeparator: \.isWhitespace).map(String.init))
    }
}

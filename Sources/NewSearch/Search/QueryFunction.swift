import CSQLite

/// The `newsearch_query(text)` SQL function: a query in newsearch's language (``QueryParser``) compiled to the text
/// of an FTS5 `MATCH` (``SQLiteExtension/match(_:dictionary:)``), valid whatever the user typed; NULL when the query
/// has nothing to match. For programs that reach newsearch through SQL alone (the loadable extension):
///
/// ```sql
/// SELECT title FROM story WHERE story MATCH newsearch_query('快递员 -广告') ORDER BY newsearch_rank(story) DESC;
/// ```
/// Registered by ``SQLiteExtension/register(on:dictionary:)``, compiling with its dictionary. Every C callback is
/// here.
enum QueryFunction {
    static let name = "newsearch_query"

    /// What the function compiles with.
    private final class Context {
        let dictionary: UserDictionary
        init(dictionary: UserDictionary) { self.dictionary = dictionary }
    }

    static func register(on database: Database, dictionary: UserDictionary) throws {
        try database.createFunction(name, arguments: 1, context: Context(dictionary: dictionary), function)
    }

    private static let function: @convention(c) (
        OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Void = { context, _, arguments in
        guard let context, let argument = arguments?[0], let data = sqlite3_user_data(context) else { return }
        guard sqlite3_value_type(argument) != SQLITE_NULL, let text = sqlite3_value_text(argument) else {
            return sqlite3_result_null(context)
        }
        let query = String(cString: text)
        let dictionary = Unmanaged<Context>.fromOpaque(data).takeUnretainedValue().dictionary
        guard let match = try? SQLiteExtension.match(query, dictionary: dictionary) else {
            return sqlite3_result_error(context, "\(name): ICU cannot be loaded", -1)
        }
        guard let expression = match.expression else { return sqlite3_result_null(context) }
        var bytes = expression
        bytes.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { csqlite_result_text_transient(context, $0.baseAddress, Int32($0.count)) }
        }
    }
}

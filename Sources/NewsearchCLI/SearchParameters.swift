import NewSearch

/// The checks `query`'s options and the HTTP API's parameters share: each value read, or a sentence naming the
/// option or parameter (`name`) and what it takes.
enum SearchParameters {
    struct Invalid: Error, CustomStringConvertible {
        /// The option or parameter at fault, as the user wrote it (`--facets`, `facets`).
        var name: String
        var description: String
    }

    /// `category`, `year` or `category,year`.
    static func facets(_ text: String?, name: String) throws(Invalid) -> Set<Facet> {
        guard let text else { return [] }
        var facets: Set<Facet> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let facet = Facet(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                throw Invalid(name: name, description: "\(name) takes category, year or both (category,year), not \"\(part)\".")
            }
            facets.insert(facet)
        }
        return facets
    }

    /// The date range of `since` and `until` (each 2022, 2022-03 or 2022-03-15, either may be nil); nil for none.
    static func dates(since: String?, until: String?, names: (since: String, until: String)) throws(Invalid) -> DateRange? {
        guard since != nil || until != nil else { return nil }
        if let range = DateRange(since: since, until: until) { return range }
        for (name, value) in [(names.since, since), (names.until, until)] {
            if let value, DateRange(value) == nil {
                throw Invalid(name: name, description: "\(name) \(value) is not a date: write it as 2022, 2022-03 or 2022-03-15.")
            }
        }
        throw Invalid(name: names.since, description: "\(names.since) \(since ?? "") is after \(names.until) \(until ?? ""): "
                      + "no article can be dated in both; swap them, or leave one out.")
    }

    /// `query` with the condition `category:"…"` written beside it, so that it narrows the whole query (in
    /// parentheses when beside it would fall into a group, as after a top-level OR), and how far that moved the
    /// query's positions (0 or 1); refused with a sentence when the category cannot be written as a condition or
    /// the query cannot take one unchanged.
    static func query(_ query: String, inCategory category: String, name: String) throws(Invalid) -> (text: String, shift: Int) {
        func failure(_ message: String) -> Invalid { Invalid(name: name, description: message) }
        guard !category.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw failure("\"\(name)\" must not be empty")
        }
        guard !category.contains(where: { $0 == "\"" || $0 == "”" || $0.isNewline }) else {
            throw failure("\"\(name)\" cannot contain a double quote or a line break")
        }
        let condition = "category:\"\(category)\""
        guard let filter = QueryParser.parse(condition).root, case .field(.category, _) = filter else {
            throw failure("\"\(name)\" \(category) cannot be read as a category")
        }
        guard let own = QueryParser.parse(query).root else { return (condition, 0) }
        let parts: [QueryNode] = if case .and(let nodes) = own { nodes } else { [own] }
        let beside = query + " " + condition
        if QueryParser.parse(beside).root == .and(parts + [filter]) { return (beside, 0) }
        let grouped = "(" + query + ") " + condition
        if QueryParser.parse(grouped).root == .and([own, filter]) { return (grouped, 1) }
        throw failure("\"\(name)\" cannot be added to this query; write category:\"…\" in the query instead")
    }
}

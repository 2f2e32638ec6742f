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
}

/// A property of articles that search results can be counted by (``SearchOptions/facets``).
public enum Facet: String, Sendable, CaseIterable, Codable {
    /// The article's categories: an article with two counts once for each.
    case category
    /// The year of the article's date (UTC); articles without a date are not counted.
    case year
}

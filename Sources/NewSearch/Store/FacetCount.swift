/// How many articles of a query's whole hit set have one value of a ``Facet``.
public struct FacetCount: Sendable, Equatable, Codable {
    /// The most values a facet reports: the most frequent ones.
    public static let maximumValues = 100

    /// The category, or the year written out (`"2022"`).
    public var value: String
    /// The number of hits with that value, all pages together.
    public var count: Int

    /// A count of `count` hits with `value`.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

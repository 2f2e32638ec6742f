/// A parsed user query: terms that must all match, each as a phrase of its tokens.
public struct Query: Sendable, Equatable {
    /// The query's terms as the user typed them, in order.
    public var terms: [String]

    public init(terms: [String]) {
        self.terms = terms
    }
}

/// An index's ``Synonyms`` as the query compiler looks them up: each member by its folded text (as the index folds
/// it), so that a query's 醫保 finds the group of 医保.
struct SynonymTable: Sendable {
    /// The groups, as stored.
    let synonyms: Synonyms
    /// The group of each member's folded text.
    private let groups: [String: Int]

    static let empty = SynonymTable(.empty, fold: { $0 })

    /// - Parameter fold: folds text as the index does (``Analyzer/folded(_:)``).
    init(_ synonyms: Synonyms, fold: (String) -> String) {
        self.synonyms = synonyms
        var groups: [String: Int] = [:]
        for (index, group) in synonyms.groups.enumerated() {
            for member in group.map(fold) where groups[member] == nil { groups[member] = index }
        }
        self.groups = groups
    }

    /// The members of the group `term` (folded with `fold`) belongs to, `term` itself first as typed and then
    /// the others; nil when it belongs to none.
    func group(of term: String, fold: (String) -> String) -> [String]? {
        guard !groups.isEmpty else { return nil }
        let folded = fold(term)
        guard let index = groups[folded] else { return nil }
        return [term] + synonyms.groups[index].filter { fold($0) != folded }
    }
}

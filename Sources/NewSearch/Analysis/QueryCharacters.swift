/// The distinct ideographs of a query's terms, folded: the characters whose counts in an article
/// (``ArticleCharacters``) are the evidence of ``Ranking/characterBoost`` (an article about 扶贫 says 贫 again and
/// again, in 贫困 and 脱贫 too).
struct QueryCharacters: Sendable {
    /// The most characters a query counts: the rest of a longer query adds little evidence.
    static let limit = 32

    /// The characters, as folded scalars, in the order the terms first hold them.
    private(set) var scalars: [UInt32] = []
    /// The characters in increasing order, each with its index in ``scalars``: the order articles store theirs in.
    private(set) var ascending: [(scalar: UInt32, index: Int)] = []
    /// For each term, the indices in ``scalars`` of the characters every text it matches holds: all of its
    /// characters, or for a group of synonyms (its members joined by NUL, as ``QueryCompiler`` writes them) those
    /// every member holds.
    private(set) var charactersOfTerm: [[Int]] = []

    /// The ideographs of the folded `terms`, each once, at most ``limit``.
    init(foldedTerms terms: [String]) {
        for term in terms {
            for scalar in term.unicodeScalars where Self.isIdeograph(scalar.value) && !scalars.contains(scalar.value) {
                guard scalars.count < Self.limit else { break }
                scalars.append(scalar.value)
            }
            let members = term.split(separator: "\u{0}").map { Set($0.unicodeScalars.map(\.value)) }
            charactersOfTerm.append(scalars.indices.filter { index in
                members.allSatisfy { $0.contains(scalars[index]) }
            })
        }
        ascending = scalars.enumerated().map { ($0.element, $0.offset) }.sorted { $0.scalar < $1.scalar }
    }

    /// Whether there is nothing to count (a query of Latin letters and digits).
    var isEmpty: Bool { scalars.isEmpty }

    /// The number of characters.
    var count: Int { scalars.count }

    /// Whether `scalar` is a CJK ideograph (the unified blocks, their extensions and the compatibility block).
    @inline(__always)
    static func isIdeograph(_ scalar: UInt32) -> Bool {
        (0x3400 ... 0x4DBF).contains(scalar) || (0x4E00 ... 0x9FFF).contains(scalar)
            || (0xF900 ... 0xFAFF).contains(scalar) || (0x2_0000 ... 0x3_FFFF).contains(scalar)
    }
}

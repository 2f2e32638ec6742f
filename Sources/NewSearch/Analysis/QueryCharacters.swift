/// The distinct ideographs of a query's terms, folded, and how often a text holds each, folded: the evidence of
/// ``Ranking/characterBoost`` (an article about 扶贫 says 贫 again and again, in 贫困 and 脱贫 too).
struct QueryCharacters: Sendable, Equatable {
    /// The most characters a query counts: the rest of a longer query adds little evidence and costs a scan each.
    static let limit = 32

    /// The characters, as folded scalars, in the order the terms first hold them.
    private(set) var scalars: [UInt32] = []

    /// The ideographs of the folded `terms`, each once, at most ``limit``.
    init(foldedTerms terms: [String]) {
        for term in terms {
            for scalar in term.unicodeScalars where Self.isIdeograph(scalar.value) && !scalars.contains(scalar.value) {
                guard scalars.count < Self.limit else { return }
                scalars.append(scalar.value)
            }
        }
    }

    /// Whether there is nothing to count (a query of Latin letters and digits).
    var isEmpty: Bool { scalars.isEmpty }

    /// Sets `counts[i]` to the number of times `text` holds the `i`th character, each ideograph of `text` read as
    /// `folder` folds it (險 as 险). Reads the bytes once, decoding only 3- and 4-byte sequences; a character that
    /// folds to itself (nearly all of them) costs a look at the folder's table.
    func count(in text: UnsafeBufferPointer<UInt8>, into counts: inout [Int32], folder: CharacterFolder) {
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: scalars.count))
        guard !scalars.isEmpty, let base = text.baseAddress else { return }
        var folded: [UInt8] = []
        withExtendedLifetime(folder) { scalars.withUnsafeBufferPointer { wanted in
            counts.withUnsafeMutableBufferPointer { counts in
                var index = 0
                let end = text.count
                while index < end {
                    let lead = base[index]
                    // Ideographs are 3 bytes (U+3400-U+9FFF, U+F900-U+FAFF) or 4 (U+20000-U+3FFFF).
                    guard lead >= 0xE3 else {
                        index &+= lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : 3
                        continue
                    }
                    var scalar: UInt32
                    if lead < 0xF0, index &+ 2 < end {
                        scalar = UInt32(lead & 0x0F) << 12 | UInt32(base[index &+ 1] & 0x3F) << 6
                            | UInt32(base[index &+ 2] & 0x3F)
                        index &+= 3
                    } else {
                        let decoded = UTF8Scalar.decode(text, at: index)
                        scalar = decoded.scalar
                        index &+= decoded.width
                    }
                    if Self.isIdeograph(scalar), folder.changes(scalar) {
                        folded.removeAll(keepingCapacity: true)
                        folder.appendFolding(of: scalar, to: &folded)
                        scalar = folded.count == 3 || folded.count == 4
                            ? folded.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: 0).scalar } : 0
                    }
                    for found in 0 ..< wanted.count where wanted[found] == scalar {
                        counts[found] &+= 1
                        break
                    }
                }
            }
        } }
    }

    /// Whether `scalar` is a CJK ideograph (the unified blocks, their extensions and the compatibility block).
    static func isIdeograph(_ scalar: UInt32) -> Bool {
        (0x3400 ... 0x4DBF).contains(scalar) || (0x4E00 ... 0x9FFF).contains(scalar)
            || (0xF900 ... 0xFAFF).contains(scalar) || (0x2_0000 ... 0x3_FFFF).contains(scalar)
    }
}

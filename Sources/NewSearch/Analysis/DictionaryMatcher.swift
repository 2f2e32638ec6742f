/// Finds user-dictionary words in folded text, longest first; built by the analyzer with its own folding.
struct DictionaryMatcher {
    /// Folded words grouped by their first character, longest first.
    private var candidates: [UInt32: [[UInt8]]] = [:]

    var isEmpty: Bool { candidates.isEmpty }

    /// - Parameter words: the dictionary words, already folded, as UTF-8.
    init(foldedWords: [[UInt8]]) {
        for word in foldedWords where !word.isEmpty {
            candidates[Self.key(word[...]), default: []].append(word)
        }
        for key in candidates.keys {
            candidates[key]!.sort { $0.count > $1.count }
        }
    }

    /// The byte length of the longest word that starts at `index` of `text` and ends by `limit`, or 0.
    func longestMatch(in text: [UInt8], at index: Int, limit: Int) -> Int {
        guard let words = candidates[Self.key(text[index ..< min(index + 4, limit)])] else { return 0 }
        for word in words where index + word.count <= limit {
            if text[index ..< index + word.count].elementsEqual(word) { return word.count }
        }
        return 0
    }

    /// The lead scalar's bytes, packed: words are grouped by their first character.
    private static func key(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        guard let lead = bytes.first else { return 0 }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var key: UInt32 = 0
        for byte in bytes.prefix(width) { key = key << 8 | UInt32(byte) }
        return key
    }
}

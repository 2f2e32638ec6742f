/// The user-dictionary stage: re-cuts segmented text so that user-dictionary words, longest first from the left,
/// are whole words. Built by the analyzer with its own folding, so dictionary words match folded text.
struct DictionaryMatcher: Sendable {
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

    /// `segments` of `text` with each run of touching CJK segments re-cut: ICU boundaries inside a dictionary
    /// word go, its edges become boundaries.
    func recut(_ segments: [WordSegment], in text: [UInt8]) -> [WordSegment] {
        guard !isEmpty else { return segments }
        var result: [WordSegment] = []
        result.reserveCapacity(segments.count)
        var index = 0
        while index < segments.count {
            guard segments[index].isCJK else {
                result.append(segments[index])
                index += 1
                continue
            }
            var runEnd = index + 1
            while runEnd < segments.count, segments[runEnd].isCJK, segments[runEnd].start == segments[runEnd - 1].end {
                runEnd += 1
            }
            result += recut(run: segments[index ..< runEnd], in: text)
            index = runEnd
        }
        return result
    }

    private func recut(run: ArraySlice<WordSegment>, in text: [UInt8]) -> [WordSegment] {
        let limit = run.last!.end
        var boundaries = Set(run.map(\.start))
        boundaries.insert(limit)
        var position = run.first!.start
        while position < limit {
            let length = longestMatch(in: text, at: position, limit: limit)
            guard length > 0 else {
                position += UTF8Scalar.width(of: text[position])
                continue
            }
            boundaries = boundaries.filter { $0 <= position || $0 >= position + length }
            boundaries.insert(position)
            boundaries.insert(position + length)
            position += length
        }
        let sorted = boundaries.sorted()
        return zip(sorted, sorted.dropFirst()).map { WordSegment(start: $0, end: $1, isCJK: true) }
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
        var key: UInt32 = 0
        for byte in bytes.prefix(UTF8Scalar.width(of: lead)) { key = key << 8 | UInt32(byte) }
        return key
    }
}

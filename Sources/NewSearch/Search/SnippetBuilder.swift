/// Picks the passage of an article's body to show with a hit: the window of a given number of characters that
/// holds the most different matched words, then the most matches, then comes first.
///
/// The window starts a quarter of its length before its first match, or at the start of that match's sentence
/// when it is nearer, and never cuts a character. Paragraph breaks inside it read as spaces; `…` marks a cut.
enum SnippetBuilder {
    /// The sentence ends a window may start after.
    private static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "\n", "!", "?", ";"]

    static func snippet(of body: HighlightedText, length: Int) -> HighlightedText {
        let characters = Array(body.text)
        let length = max(1, length)
        let matches = body.characterOffsets
        guard let start = bestStart(matches: matches, parts: body.highlightedParts, characters: characters,
                                    length: length) else {
            return cut(characters, from: 0, length: length, matches: [])
        }
        return cut(characters, from: start, length: length, matches: matches)
    }

    /// The start of the best window: each match is tried as the window's first, and the window is judged by the
    /// matches that lie wholly inside it once it is placed.
    private static func bestStart(matches: [Range<Int>], parts: [String], characters: [Character], length: Int) -> Int? {
        var best: (distinct: Int, total: Int, start: Int)?
        for first in matches {
            let start = start(of: first, in: characters, length: length)
            let inside = matches.indices.filter { matches[$0].lowerBound >= start && matches[$0].upperBound <= start + length }
            let distinct = Set(inside.map { parts[$0] }).count
            if best == nil || distinct > best!.distinct || distinct == best!.distinct && inside.count > best!.total {
                best = (distinct, inside.count, start)
            }
        }
        return best?.start
    }

    private static func start(of first: Range<Int>, in characters: [Character], length: Int) -> Int {
        let lead = max(0, first.lowerBound - length / 4)
        let sentenceStart = characters[lead ..< first.lowerBound].lastIndex(where: sentenceEnds.contains).map { $0 + 1 }
        let start = sentenceStart ?? lead
        return max(0, min(start, characters.count - length))
    }

    private static func cut(_ characters: [Character], from start: Int, length: Int, matches: [Range<Int>]) -> HighlightedText {
        let end = min(characters.count, start + length)
        let prefix = start > 0 ? "…" : ""
        let window = characters[start ..< end].map { $0 == "\n" ? " " : $0 }
        let text = prefix + String(window) + (end < characters.count ? "…" : "")
        let shift = prefix.count - start
        // Only matches wholly inside the window are highlighted: half a word highlighted would mislead.
        let offsets = matches.compactMap { match -> Range<Int>? in
            match.lowerBound >= start && match.upperBound <= end ? match.lowerBound + shift ..< match.upperBound + shift : nil
        }
        return HighlightedText(text: text, characterOffsets: offsets)
    }
}

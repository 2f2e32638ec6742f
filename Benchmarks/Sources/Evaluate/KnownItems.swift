import Foundation
import NewSearch

/// Known-item query sets drawn from a corpus with a fixed seed: a query made from one article, whose answer is
/// that article.
struct KnownItems {
    /// One query and the article it was made from.
    struct Item {
        var query: String
        var path: String
    }

    /// A corpus article: its stored path, title and body.
    struct Document {
        var path: String
        var title: String
        var body: String
    }

    /// Titles with punctuation and symbols turned into spaces, of articles whose title no other article has (a
    /// repeated title has no one known item).
    static func titles(_ documents: [Document], count: Int, seed: UInt64) -> [Item] {
        var titleCounts: [String: Int] = [:]
        for document in documents { titleCounts[document.title, default: 0] += 1 }
        let unique = documents.filter { titleCounts[$0.title] == 1 }
        var random = SplitMix64(seed: seed)
        return random.sample(unique, count: count).map { document in
            let query = String(document.title.unicodeScalars.map { scalar -> Character in
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? Character(scalar) : " "
            })
            return Item(query: query.split(separator: " ").joined(separator: " "), path: document.path)
        }
    }

    /// Every body's words and each word's document frequency, analysed once for all the body sets drawn.
    struct BodyWords {
        /// The words of each document's body, in document order (see ``KnownItems/words(of:analyzer:)``).
        let words: [[String]]
        /// The number of bodies each word occurs in.
        let frequency: [String: Int]

        init(_ documents: [Document], analyzer: Analyzer) {
            words = documents.map { KnownItems.words(of: $0.body, analyzer: analyzer) }
            var frequency: [String: Int] = [:]
            for articleWords in words { for word in Set(articleWords) { frequency[word, default: 0] += 1 } }
            self.frequency = frequency
        }
    }

    /// For each sampled article, the two words of its body with the highest tf·idf that its title does not
    /// contain: "words" as ICU cuts the text (runs of tokens from a word start to a word end), of 2 characters
    /// or more, ideographs only; idf = log(N / df) over every body of the corpus. With `rareShare`, only words
    /// found in at most that share of the bodies are candidates (a diagnostic set of discriminating words).
    static func bodies(_ documents: [Document], words: BodyWords, count: Int, seed: UInt64,
                       rareShare: Double? = nil) -> [Item] {
        let frequency = words.frequency
        let total = Double(documents.count)
        let cap = rareShare.map { Int($0 * total) } ?? Int.max
        var random = SplitMix64(seed: seed)
        var items: [Item] = []
        for index in random.sample(Array(documents.indices), count: count * 2) where items.count < count {
            let document = documents[index]
            var counts: [String: Int] = [:]
            for word in words.words[index] where !document.title.contains(word) && frequency[word] ?? 0 <= cap {
                counts[word, default: 0] += 1
            }
            let ranked = counts.map { word, tf in (word, Double(tf) * log(total / Double(frequency[word] ?? 1))) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            guard ranked.count >= 2 else { continue }
            items.append(Item(query: ranked[0].0 + " " + ranked[1].0, path: document.path))
        }
        return items
    }

    /// The ICU words of `text` (see ``bodies(_:words:count:seed:rareShare:)``).
    static func words(of text: String, analyzer: Analyzer) -> [String] {
        var words: [String] = [], current = ""
        for token in analyzer.tokens(text) {
            if token.kind != .text { current = ""; continue }
            if token.startsWord { current = "" }
            current += token.text
            if token.endsWord {
                if current.count >= 2, current.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) {
                    words.append(current)
                }
                current = ""
            }
        }
        return words
    }
}

/// A small, fixed pseudo-random generator (SplitMix64), so that every run draws the same sets.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` distinct elements of `elements`, in the order drawn.
    mutating func sample<T>(_ elements: [T], count: Int) -> [T] {
        var pool = elements
        var drawn: [T] = []
        while drawn.count < count, !pool.isEmpty {
            drawn.append(pool.swapAt(Int.random(in: 0 ..< pool.count, using: &self)))
        }
        return drawn
    }
}

private extension Array {
    /// Removes the element at `index` by moving the last one there: O(1).
    mutating func swapAt(_ index: Int) -> Element {
        swapAt(index, count - 1)
        return removeLast()
    }
}

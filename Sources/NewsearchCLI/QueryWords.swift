/// The arguments of `query` that are not its options, as swift-argument-parser hands them over (in order, with the
/// `--` that ends the options): `-上海` is query text (an excluded word), as is everything after `--`.
struct QueryWords {
    /// The arguments before `--` (all of them when there is none).
    var beforeTerminator: [String]
    /// The arguments after the first `--`: operands, as in every Unix tool, whatever they look like.
    var afterTerminator: [String]

    init(_ words: [String]) {
        if let terminator = words.firstIndex(of: "--") {
            beforeTerminator = Array(words[..<terminator])
            afterTerminator = Array(words[(terminator + 1)...])
        } else {
            beforeTerminator = words
            afterTerminator = []
        }
    }

    /// The query text: every word, joined by spaces; nil for none.
    var text: String? {
        let all = beforeTerminator + afterTerminator
        return all.isEmpty ? nil : all.joined(separator: " ")
    }

    /// The first argument before `--` that can only be a mistyped option: `--` and an ASCII letter (`--limt`,
    /// `--no-such-option=3`). A `-` before anything else (`-上海`, `-(上海 OR 北京)`, `-iphone`) is query text.
    var unknownOption: String? {
        beforeTerminator.first { word in
            word.hasPrefix("--") && word.unicodeScalars.dropFirst(2).first.map {
                $0.isASCII && $0.properties.isAlphabetic
            } == true
        }
    }

    /// The arguments after `--` that name one of `options` (alone or as `--limit=3`): they are searched as
    /// text, which the user may not have meant.
    func optionsAfterTerminator(_ options: [String]) -> [String] {
        afterTerminator.filter { word in
            options.contains(String(word.split(separator: "=", maxSplits: 1).first ?? ""))
        }
    }

    /// swift-argument-parser's message for an unknown option, with the closest of `options` as a suggestion.
    static func unknownOptionMessage(_ word: String, options: [String]) -> String {
        let name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
        let suggestion = options.map { ($0, editDistance($0, name)) }.filter { $0.1 < 4 }.min { $0.1 < $1.1 }
        return "Unknown option '\(name)'" + (suggestion.map { ". Did you mean '\($0.0)'?" } ?? "")
    }

    /// The Levenshtein distance between two strings, in characters.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0 ... b.count)
        for i in 1 ... max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

import Foundation

/// Words that segmentation must keep whole, such as 快递员, 网约车, 外卖骑手, 社保: a plain text file, one word a
/// line (blank lines and lines starting with `#` are ignored).
///
/// At index and query time a dictionary word takes precedence over ICU's segmentation, longest match first. It
/// changes where words begin and end, and so which matches count as whole-word matches in ranking.
public struct UserDictionary: Sendable, Equatable {
    /// The words, trimmed, without duplicates, in file order.
    public let words: [String]

    /// No words.
    public static let empty = UserDictionary(words: [])

    /// A dictionary of `words`: each is trimmed of spaces and tabs, and empty words, `#` comment lines and repeats are
    /// dropped (the first occurrence keeps its place).
    public init(words: [String]) {
        var seen = Set<String>()
        self.words = words.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && seen.insert($0).inserted }
    }

    /// Reads a dictionary file.
    /// - Throws: ``AnalysisError/dictionary(_:_:)`` when the file cannot be read or is not UTF-8.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalysisError.dictionary(path, "cannot read the file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw AnalysisError.dictionary(path, "not UTF-8 text")
        }
        self.init(words: text.split(whereSeparator: \.isNewline).map(String.init))
    }

    /// A digest of the words that identifies the dictionary in an index's analysis stamp.
    public var checksum: String {
        words.isEmpty ? "none" : ContentHash.of(Array(words.sorted().joined(separator: "\n").utf8))
    }
}

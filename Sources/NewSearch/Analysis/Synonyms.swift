import Foundation

/// Groups of equivalent terms, such as 医保 and 医疗保险: a query term that is a member of a group matches any of
/// its members, and ranks as one term whose articles are those of all members together.
///
/// Stored with an index (``SearchIndex/setSynonyms(_:)-157k6``, `newsearch index --synonyms FILE`) and applied when a
/// query runs, so changing them needs no re-indexing. A file holds one group a line, its words separated by spaces
/// (blank lines and lines starting with `#` are ignored):
///
/// ```text
/// # health insurance
/// 医保 医疗保险
/// 发改委 发展改革委 国家发展和改革委员会
/// ```
///
/// Members are compared as the index compares text: folded (traditional to simplified, full-width to ASCII, case),
/// so 醫保 in a query finds the group of 医保.
public struct Synonyms: Sendable, Equatable {
    /// The groups, each of at least two different words, in the order given.
    public let groups: [[String]]

    /// No groups.
    public static let empty = Synonyms(validated: [])

    /// Groups of the words given; repeated words within a group are dropped.
    /// - Throws: ``AnalysisError/synonyms(_:_:)`` naming the group (1-based) that has fewer than two different words,
    ///   holds a word with a space, or shares a word with an earlier group.
    public init(groups: [[String]]) throws {
        try self.init(groups.enumerated().map { (place: "group \($0.offset + 1)", words: $0.element) }, source: "synonyms")
    }

    /// Reads a synonyms file: one group a line, words separated by spaces or tabs.
    /// - Throws: ``AnalysisError/synonyms(_:_:)`` naming the file and line at fault, or saying why the file cannot
    ///   be read.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalysisError.synonyms(path, "cannot read the file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw AnalysisError.synonyms(path, "not UTF-8 text")
        }
        try self.init(text: text, source: path)
    }

    /// Groups as ``text`` writes them (one a line); `source` names the text in errors.
    init(text: String, source: String) throws {
        var lines: [(place: String, words: [String])] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            lines.append(("line \(number + 1)", trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init)))
        }
        try self.init(lines, source: source)
    }

    private init(_ groups: [(place: String, words: [String])], source: String) throws {
        var seen: [String: String] = [:], valid: [[String]] = []
        for (place, words) in groups {
            var group: [String] = []
            for word in words.map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty && !group.contains(word) {
                guard !word.contains(where: \.isWhitespace) else {
                    throw AnalysisError.synonyms(source, "\(place): \"\(word)\" holds a space; a member is one term")
                }
                if let earlier = seen[word] {
                    throw AnalysisError.synonyms(source, "\(place): \(word) is already in the group of \(earlier); a term belongs to one group")
                }
                group.append(word)
            }
            guard group.count >= 2 else {
                throw AnalysisError.synonyms(source, "\(place): a group needs two words or more, separated by spaces")
            }
            for word in group { seen[word] = place }
            valid.append(group)
        }
        self.init(validated: valid)
    }

    private init(validated groups: [[String]]) {
        self.groups = groups
    }

    /// One group a line, words separated by a space: what a synonyms file holds, and how an index stores them.
    public var text: String {
        groups.map { $0.joined(separator: " ") }.joined(separator: "\n")
    }
}

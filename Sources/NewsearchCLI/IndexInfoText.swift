import Foundation
import NewSearch

/// What `newsearch stats` prints of an ``IndexInfo``: aligned lines for people, or one JSON object.
enum IndexInfoText {
    /// The JSON object's shape; dates are ISO 8601 or `null`.
    private struct Document: Encodable {
        struct Analysis: Encodable {
            var analyzerVersion: Int
            var segmenter: String
            var icuVersion: String
            var normalization: String
            var dictionaryChecksum: String

            enum CodingKeys: String, CodingKey {
                case analyzerVersion = "analyzer_version", segmenter, icuVersion = "icu_version", normalization
                case dictionaryChecksum = "dictionary_checksum"
            }
        }

        var path: String
        var articles: Int
        var bytesOnDisk: Int
        var firstDate: String?
        var lastDate: String?
        var analysis: Analysis
        var dictionaryWords: Int
        var synonymGroups: Int
        var rankedHeads: Int?
        var lastUpdated: String?

        enum CodingKeys: String, CodingKey {
            case path, articles, analysis
            case bytesOnDisk = "bytes_on_disk", firstDate = "first_date", lastDate = "last_date"
            case dictionaryWords = "dictionary_words", synonymGroups = "synonym_groups", rankedHeads = "ranked_heads"
            case lastUpdated = "last_updated"
        }

        /// Encodes every key, a missing date as `null`.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(articles, forKey: .articles)
            try container.encode(bytesOnDisk, forKey: .bytesOnDisk)
            try container.encode(firstDate, forKey: .firstDate)
            try container.encode(lastDate, forKey: .lastDate)
            try container.encode(analysis, forKey: .analysis)
            try container.encode(dictionaryWords, forKey: .dictionaryWords)
            try container.encode(synonymGroups, forKey: .synonymGroups)
            try container.encode(rankedHeads, forKey: .rankedHeads)
            try container.encode(lastUpdated, forKey: .lastUpdated)
        }
    }

    static func json(_ info: IndexInfo) throws -> String {
        let stamp = info.stamp
        let document = Document(
            path: info.path, articles: info.articles, bytesOnDisk: info.bytesOnDisk,
            firstDate: info.firstDate.map(iso), lastDate: info.lastDate.map(iso),
            analysis: .init(analyzerVersion: stamp.analyzerVersion, segmenter: stamp.segmenter, icuVersion: stamp.icuVersion,
                            normalization: stamp.normalization, dictionaryChecksum: stamp.dictionaryChecksum),
            dictionaryWords: info.dictionaryWords, synonymGroups: info.synonymGroups, rankedHeads: info.rankedHeads,
            lastUpdated: info.lastUpdated.map(iso))
        return try JSONLine.encode(document)
    }

    static func text(_ info: IndexInfo) -> String {
        let dates: String
        if let first = info.firstDate, let last = info.lastDate {
            dates = day(first) + " to " + day(last)
        } else {
            dates = "no dated article"
        }
        let rows = [
            ["Index:", FileName.quoted(info.path)],
            ["Articles:", "\(info.articles)"],
            ["Size:", size(info.bytesOnDisk)],
            ["Dates:", dates],
            ["Analysis:", info.stamp.description],
            ["Dictionary:", info.dictionaryWords == 1 ? "1 word" : "\(info.dictionaryWords) words"],
            ["Synonyms:", info.synonymGroups == 1 ? "1 group" : "\(info.synonymGroups) groups"],
            ["Frequent:", info.rankedHeads.map { $0 == 0 ? "no term in 8,192 articles" : "\($0) terms, their first page ranked ahead" }
                ?? "not ranked since the last change (the next index run ranks them)"],
            ["Last update:", info.lastUpdated.map(iso) ?? "never"],
        ]
        return TextTable(rows: rows, gap: 1).text
    }

    /// `4070.9 MB (4070932480 bytes)`: the bytes as an integer of their own, so files past 2 GiB print whole.
    static func size(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000) + " (\(bytes) bytes)"
    }

    private static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    private static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }
}

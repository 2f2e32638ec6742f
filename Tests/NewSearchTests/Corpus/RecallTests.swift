import Foundation
import Testing
@testable import NewSearch

/// On the whole shared corpus: newsearch finds exactly the articles a substring search of the folded text finds,
/// for runs of ideographs and for runs that hold Latin letters or digits (`2020年`, `g20`, `hon`, `20`).
@Suite(.enabled(if: SharedCorpus.directory != nil, Comment(rawValue: SharedCorpus.absence)))
struct RecallTests {
    static let samples = 500
    /// Queries that hold at least one Latin letter or digit, drawn after the ideograph ones.
    static let mixedSamples = 300
    static let seed: UInt64 = 20_261_129

    private struct Document {
        var path: String
        var title: [UInt8]
        var body: [UInt8]
    }

    @Test func everySubstringQueryFindsExactlyTheArticlesThatContainIt() throws {
        let corpus = try #require(SharedCorpus.directory)
        let folder = try TemporaryFolder()
        let index = try SearchIndex(path: folder.path + "/recall.db")
        let report = try index.index([corpus])
        #expect(report.failed.isEmpty)
        let analyzer = try Analyzer()
        let documents = try storedDocuments(folder.path + "/recall.db", analyzer: analyzer)
        #expect(documents.count == report.added)

        var generator = SeededGenerator(seed: Self.seed)
        var missed = 0, extra = 0, expectedHits = 0
        for sample in 0 ..< Self.samples + Self.mixedSamples {
            let query = drawSubstring(from: documents, mixed: sample >= Self.samples, using: &generator)
            let expected = Set(documents.filter { contains($0.title, query) || contains($0.body, query) }.map(\.path))
            let text = String(decoding: query.dropLast(), as: UTF8.self)
            let found = Set(try index.paths(matching: text))
            missed += expected.subtracting(found).count
            extra += found.subtracting(expected).count
            expectedHits += expected.count
            #expect(found == expected, "query \(text)")
        }
        let recall = Double(expectedHits - missed) / Double(expectedHits)
        let precision = Double(expectedHits - missed) / Double(expectedHits - missed + extra)
        print("recall check: \(Self.samples) + \(Self.mixedSamples) queries, \(expectedHits) expected hits, recall \(recall), precision \(precision)")
        #expect(missed == 0 && extra == 0)
    }

    /// Each common pair (``CommonPairs``), alone and as the words and word parts made of them, finds exactly the
    /// articles that hold it: the terms FTS5 matches through pair tokens alone.
    @Test func everyCommonPairFindsExactlyTheArticlesThatContainIt() throws {
        let corpus = try #require(SharedCorpus.directory)
        let folder = try TemporaryFolder()
        let index = try SearchIndex(path: folder.path + "/pairs.db")
        _ = try index.index([corpus])
        let analyzer = try Analyzer()
        let documents = try storedDocuments(folder.path + "/pairs.db", analyzer: analyzer)
        let words = ["习近平", "国务院", "中国人民", "国家发展", "经济社会发展", "进一步", "近平主", "国务院常务会议", "2024年",
                     "显著", "显着"]
        // The 100 most frequent pairs and every 25th of the others: each query scans the whole corpus.
        let pairs = CommonPairs.list.enumerated().filter { $0.offset < 100 || $0.offset % 25 == 0 }.map(\.element)
        for query in pairs + words {
            let pattern = Array(analyzer.folded(query).utf8) + [0]
            let expected = Set(documents.filter { contains($0.title, pattern) || contains($0.body, pattern) }.map(\.path))
            #expect(try Set(index.paths(matching: query)) == expected, "query \(query)")
        }
    }

    /// Every stored article's title and body, folded as the index folds them.
    private func storedDocuments(_ path: String, analyzer: Analyzer) throws -> [Document] {
        let database = try Database(path: path, readOnly: true)
        try StoredTextFunction.register(on: database, decompressor: IndexStore.makeDecompressor())
        let statement = try database.prepare("SELECT path, title, body FROM \(IndexSchema.articles) ORDER BY id")
        var documents: [Document] = []
        while try statement.step() {
            documents.append(Document(path: statement.text(0) ?? "",
                                      title: Array(analyzer.folded(statement.text(1) ?? "").utf8) + [0],
                                      body: Array(analyzer.folded(statement.text(2) ?? "").utf8) + [0]))
        }
        return documents
    }

    /// 1 to 6 consecutive CJK ideographs at a random place of a random article's folded title or body; when
    /// `mixed`, 1 to 6 consecutive ideographs, ASCII letters and digits of which at least one is a letter or digit.
    private func drawSubstring(from documents: [Document], mixed: Bool,
                               using generator: inout SeededGenerator) -> [UInt8] {
        while true {
            let document = documents.randomElement(using: &generator)!
            let text = Bool.random(using: &generator) ? document.title : document.body
            let characters = String(decoding: text.dropLast(), as: UTF8.self).unicodeScalars.map { $0 }
            guard !characters.isEmpty else { continue }
            let start = Int.random(in: 0 ..< characters.count, using: &generator)
            let length = Int.random(in: 1 ... 6, using: &generator)
            let run = characters[start...].prefix(length).prefix(while: mixed ? Self.isWordCharacter : Self.isIdeograph)
            guard run.count == length, !mixed || run.contains(where: Self.isASCIIAlphanumeric) else { continue }
            return Array(String(String.UnicodeScalarView(run)).utf8) + [0]
        }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a" ... "z").contains(scalar) || ("0" ... "9").contains(scalar)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isIdeograph(scalar) || isASCIIAlphanumeric(scalar)
    }

    private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00 ... 0x9FFF).contains(scalar.value) || (0x3400 ... 0x4DBF).contains(scalar.value)
    }

    /// Whether `text` holds `pattern`; both end in NUL (folded text holds no other), for glibc's fast strstr.
    private func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                haystack.withMemoryRebound(to: CChar.self) { haystack in
                    needle.withMemoryRebound(to: CChar.self) { strstr(haystack.baseAddress!, $0.baseAddress!) != nil }
                }
            }
        }
    }
}

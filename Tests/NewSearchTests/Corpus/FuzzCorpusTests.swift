import Foundation
import Testing
@testable import NewSearch

/// The inputs kept in `Fuzz/Corpus` (seeds, and every input a fuzz target once failed on) run through the same
/// checks as the fuzz targets, so that a bug a fuzzer found stays fixed.
@Suite struct FuzzCorpusTests {
    private static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus")

    private static func inputs(_ target: String) throws -> [Data] {
        let folder = corpus.appendingPathComponent(target)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    @Test func articleInputsParseOrFailWithAReason() throws {
        let inputs = try Self.inputs("FuzzArticle")
        #expect(!inputs.isEmpty)
        for input in inputs {
            do { _ = try ArticleParser.parse(input, fileName: "fuzz.md") } catch { #expect(!"\(error)".isEmpty) }
        }
    }

    @Test func queryInputsAnswerOnARealIndex() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "快递员的社会保险", author: "新华社", categories: ["社会"], body: "外卖骑手 iPhone16。"),
                      path: "app://1")
        let inputs = try Self.inputs("FuzzQuery")
        #expect(!inputs.isEmpty)
        for input in inputs {
            let text = String(decoding: input, as: UTF8.self)
            #expect(throws: Never.self, "\(text.debugDescription)") {
                _ = try index.search(text, options: SearchOptions(limit: 5, explain: true))
                _ = try index.paths(matching: text)
            }
        }
    }

    @Test func analyzerInputsGiveOrderedTokensInsideTheText() throws {
        let analyzer = try Analyzer()
        let inputs = try Self.inputs("FuzzAnalyzer")
        #expect(!inputs.isEmpty)
        for input in inputs {
            let text = String(decoding: input, as: UTF8.self)
            for mode in [Analyzer.Mode.document, .query] {
                let tokens = analyzer.tokens(text, mode: mode)
                #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.position < $1.position })
                #expect(tokens.allSatisfy { $0.byteRange.upperBound <= text.utf8.count })
            }
        }
    }
}

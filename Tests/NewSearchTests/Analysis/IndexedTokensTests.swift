import Foundation
import Testing
@testable import NewSearch

/// The last analysis stage, the pairs (issue 24, item 4): `Analyzer.indexedTokens` is exactly what FTS5 holds, so
/// `newsearch analyze` shows the index's tokens.
@Suite struct IndexedTokensTests {
    @Test(arguments: ["2024年经济增长5.2%", "习近平主席在上海市考察", "iPhone16 发布，GDP 增长", "社會保險，快递员"])
    func theIndexHoldsExactlyTheIndexedTokens(text: String) throws {
        let app = try AppConnection(":memory:")
        try SQLiteExtension.register(on: app.handle)
        try app.rows("CREATE VIRTUAL TABLE story USING fts5(body, tokenize = 'newsearch')")
        try app.rows("CREATE VIRTUAL TABLE vocabulary USING fts5vocab(story, instance)")
        try app.rows("INSERT INTO story (body) VALUES (?)", text)
        let held = try app.rows("SELECT term, offset FROM vocabulary").map { "\($0[0] ?? "")@\($0[1] ?? "")" }
        let shown = try Analyzer().indexedTokens(text).map { token in
            "\(token.kind == .gap ? String(decoding: [TokenContract.gap], as: UTF8.self) : token.text)@\(token.position)"
        }
        #expect(Set(held) == Set(shown))
        #expect(held.count == shown.count)
    }

    @Test func aQueryPhraseUsesPairsInPlaceOfTheirFirstCharacter() throws {
        let analyzer = try Analyzer()
        #expect(analyzer.indexedTokens("2024年", mode: .query).map(\.text) == ["20", "02", "24", "4年"])
        #expect(analyzer.indexedTokens("经济", mode: .query).map(\.text) == ["经济"])
        #expect(analyzer.indexedTokens("习近平", mode: .query).map(\.text) == ["习近", "近平"])
        let document = analyzer.indexedTokens("经济")
        #expect(document.map(\.description) == ["^经@0[0..<3]", "+^经济$@0[0..<6]", "济$@1[3..<6]"])
    }
}

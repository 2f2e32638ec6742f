import Testing
@testable import NewSearch

@Suite struct AnalyzerTests {
    private let analyzer: Analyzer

    init() throws {
        analyzer = try Analyzer()
    }

    /// Token text and the original text its byte range covers.
    private func table(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return analyzer.tokens(text).map { token in
            "\(token.text)=\(String(decoding: bytes[token.byteRange], as: UTF8.self))@\(token.byteRange.lowerBound)"
        }
    }

    @Test func chineseWordsFromTheDictionary() {
        #expect(analyzer.tokens("上海市邮政管理局").map(\.text) == ["上海市", "邮政", "管理局"])
    }

    @Test func mixedChineseASCIIDigitsEmojiAndFullWidth() {
        #expect(table("iPhone16发布，GDP增长5.2%😀ＡＢＣ１２３ 2024年") == [
            "iphone16=iPhone16@0", "发布=发布@8", "gdp=GDP@17", "增长=增长@20", "5.2=5.2@26",
            "ａｂｃ１２３=ＡＢＣ１２３@34", "2024=2024@53", "年=年@57",
        ])
    }

    @Test func byteRangesPointIntoTheOriginal() {
        let text = "Ｈｅｌｌｏ，世界！COVID-19 疫情；G20峰会 3.5% 😀👍🏽 e-mail"
        let bytes = Array(text.utf8)
        var previousEnd = 0
        for (index, token) in analyzer.tokens(text).enumerated() {
            #expect(token.position == index)
            #expect(token.byteRange.lowerBound >= previousEnd)
            #expect(token.byteRange.upperBound <= bytes.count)
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            #expect(original.lowercased() == token.text)
            previousEnd = token.byteRange.upperBound
        }
    }

    @Test func punctuationSpacesAndEmojiAreNotTokens() {
        #expect(analyzer.tokens("，。！？“”（）《》 \n\t😀 --- ...").isEmpty)
        #expect(analyzer.tokens("").isEmpty)
    }

    @Test func latinIsLowerCasedInEveryScript() {
        #expect(analyzer.tokens("ÄRGER Ελλάδα").map(\.text) == ["ärger", "ελλάδα"])
    }
}

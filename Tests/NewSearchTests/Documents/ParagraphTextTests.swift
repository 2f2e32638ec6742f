import Testing
@testable import NewSearch

@Suite struct ParagraphTextTests {
    private func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { ParagraphText.fold(UnsafeRawBufferPointer($0)) }
    }

    @Test func foldsSpacesTrimsLinesAndDropsEmptyOnes() {
        #expect(fold("  a   b \t c  \n\n\u{3000}\u{3000}正文\u{3000}\n \u{A0}\n") == "a b c\n正文")
    }

    @Test func unicodeLineBreaksSplitParagraphs() {
        #expect(fold("一\u{2028}二\u{2029}三") == "一\n二\n三")
    }

    @Test func keepsEverythingElseByteForByte() {
        let text = "iPhone16 发布😀，ＡＢＣ１２３！"
        #expect(fold(text) == text)
    }
}

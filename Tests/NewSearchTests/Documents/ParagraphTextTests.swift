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

    /// The fold copies runs of text in bulk; on random mixes of every class of character (and of truncated UTF-8
    /// sequences, as a broken file gives them) it yields what a character-by-character fold yields.
    @Test func bulkCopyingFoldsAsCharacterByCharacter() {
        let pieces: [[UInt8]] = ["a", "Z", " ", "\t", "\n", "\r", "\u{1}", "\u{7F}", "\u{85}", "\u{A0}", "\u{9F}", "é", "正",
                                 "\u{3000}", "\u{2003}", "\u{202F}", "\u{2028}", "\u{2029}", "\u{205F}", "\u{1680}", "😀", "，"]
            .map { Array($0.utf8) } + [[0xE4], [0xE4, 0xB8], [0xC2], [0xF0, 0x9F]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 2000 {
            let bytes = (0 ..< Int.random(in: 0 ... 24, using: &generator))
                .flatMap { _ in pieces.randomElement(using: &generator)! }
            let folded = bytes.withUnsafeBytes { ParagraphText.fold($0) }
            #expect(folded == bytes.withUnsafeBytes(Self.foldCharacterByCharacter), "\(bytes)")
        }
    }

    /// The fold as first written: each character classified and appended on its own.
    private static func foldCharacterByCharacter(_ bytes: UnsafeRawBufferPointer) -> String {
        var output: [UInt8] = [], pendingSpace = false, lineHasText = false, index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            let end = min(index + width, bytes.count)
            let character = Array(bytes[index ..< end])
            let isBreak = [[0x0A], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]].contains(character)
            let spaces: [[UInt8]] = [[0x20], [0x09], [0xC2, 0xA0], [0xE3, 0x80, 0x80], [0xE2, 0x80, 0xAF],
                                     [0xE2, 0x81, 0x9F], [0xE1, 0x9A, 0x80]] + (0x80 ... 0x8A).map { [0xE2, 0x80, $0] }
            let isControl = character.count == 1 && (lead < 0x20 || lead == 0x7F)
                || character.count == 2 && lead == 0xC2 && (0x80 ... 0x9F).contains(character[1]) && character[1] != 0x85
            if isBreak {
                lineHasText = false
                pendingSpace = false
            } else if spaces.contains(character) {
                pendingSpace = lineHasText
            } else if !isControl {
                if !lineHasText, !output.isEmpty { output.append(0x0A) } else if pendingSpace { output.append(0x20) }
                pendingSpace = false
                lineHasText = true
                output += character
            }
            index += width
        }
        return String(decoding: output, as: UTF8.self)
    }
}

import Testing
@testable import NewSearch

@Suite struct AnalyzerTests {
    private let analyzer: Analyzer

    init() throws {
        analyzer = try Analyzer()
    }

    /// Tokens as `text=original@byte`, markers shown as `^c` (word start), `c$` (word end), `=c` (one-character
    /// word), gaps as `|`, parts as `+part`.
    private func table(_ text: String, mode: Analyzer.Mode = .document) -> [String] {
        let bytes = Array(text.utf8)
        return analyzer.tokens(text, mode: mode).map { token in
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            switch token.kind {
            case .text: return "\(token.text)=\(original)@\(token.byteRange.lowerBound)"
            case .wordStart: return "^\(token.text)"
            case .wordEnd: return "\(token.text)$"
            case .wholeWord: return "=\(token.text)"
            case .part: return "+\(token.text)=\(original)"
            case .gap: return "|"
            }
        }
    }

    /// The words that the boundary markers delimit.
    private func words(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for token in analyzer.tokens(text) {
            switch token.kind {
            case .text: current += token.text
            case .wholeWord, .wordEnd: words.append(current); current = ""
            case .wordStart, .part, .gap: continue
            }
        }
        return words
    }

    @Test func everyCJKCharacterIsATokenAndWordsAreMarked() {
        #expect(table("上海市邮政") == ["上=上@0", "^上", "海=海@3", "市=市@6", "市$", "邮=邮@9", "^邮", "政=政@12", "政$"])
        #expect(words("上海市邮政管理局") == ["上海市", "邮政", "管理局"])
        #expect(table("的") == ["的=的@0", "=的"])
    }

    @Test func mixedChineseASCIIDigitsEmojiAndFullWidth() {
        #expect(table("iPhone16发布，GDP增长5.2%😀ＡＢＣ１２３ 2024年") == [
            "iphone16=iPhone16@0", "+iphone=iPhone", "+16=16",
            "发=发@8", "^发", "布=布@11", "布$", "|",
            "gdp=GDP@17",
            "增=增@20", "^增", "长=长@23", "长$",
            "5.2=5.2@26",
            "abc123=ＡＢＣ１２３@34", "+abc=ＡＢＣ", "+123=１２３",
            "2024=2024@53", "年=年@57", "=年",
        ])
    }

    @Test func queryModeHasNoMarkersAndAlignedModeMarksTheEdges() {
        #expect(table("上海市", mode: .query) == ["上=上@0", "海=海@3", "市=市@6"])
        #expect(table("上海市", mode: .alignedQuery) == ["^上", "=上", "海=海@3", "市$", "=市"])
        #expect(table("员", mode: .alignedQuery) == ["=员"])
        #expect(table("iPhone16", mode: .query) == ["iphone16=iPhone16@0"])
    }

    @Test func traditionalAndFullWidthFoldBeforeSegmentation() {
        #expect(words("社會保險") == words("社会保险"))
        #expect(analyzer.tokens("社會保險", mode: .query).map(\.text) == ["社", "会", "保", "险"])
        #expect(table("ＧＤＰ") == ["gdp=ＧＤＰ@0"])
    }

    @Test func gapsStandBetweenCJKAndWhateverPunctuationOrSpaceSeparates() {
        #expect(table("保，险", mode: .query) == ["保=保@0", "|", "险=险@6"])
        #expect(table("保 险") == ["保=保@0", "=保", "|", "险=险@4", "=险"])
        #expect(table("保 险", mode: .query) == ["保=保@0", "险=险@4"], "spaces in a query join words")
        #expect(table("COVID-19 e-mail", mode: .query) == ["covid=COVID@0", "19=19@6", "e=e@9", "mail=mail@11"])
    }

    @Test func byteRangesPointIntoTheOriginal() {
        let text = "Ｈｅｌｌｏ，世界！COVID-19 疫情；G20峰会 3.5% 😀👍🏽 e-mail 臺灣ﬁ"
        let bytes = Array(text.utf8)
        var position = -1
        for token in analyzer.tokens(text) {
            position += token.colocated ? 0 : 1
            #expect(token.position == position)
            #expect(token.byteRange.upperBound <= bytes.count)
            #expect(String(validating: bytes[token.byteRange], as: UTF8.self) != nil)
            guard token.kind == .text || token.kind == .part else { continue }
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            #expect(analyzer.tokens(original, mode: .query).map(\.text) == [token.text], "\(original)")
        }
    }

    @Test func punctuationSpacesAndEmojiAreNotTokens() {
        #expect(analyzer.tokens("，。！？“”（）《》 \n\t😀 --- ...").isEmpty)
        #expect(analyzer.tokens("").isEmpty)
    }

    @Test func latinIsCaseFoldedInEveryScript() {
        #expect(analyzer.tokens("ÄRGER Ελλάδα Straße").map(\.text) == ["ärger", "ελλάδα", "strasse"])
    }

    @Test func userDictionaryWordsOverrideICU() throws {
        let plain = words("外卖骑手的社保")
        let withDictionary = try Analyzer(dictionary: UserDictionary(words: ["外卖骑手", "社保", "# comment", ""]))
        #expect(plain != ["外卖骑手", "的", "社保"])
        var words: [String] = [], current = ""
        for token in withDictionary.tokens("外卖骑手的社保") {
            switch token.kind {
            case .text: current += token.text
            case .wholeWord, .wordEnd: words.append(current); current = ""
            default: continue
            }
        }
        #expect(words == ["外卖骑手", "的", "社保"])
        #expect(withDictionary.dictionary.words == ["外卖骑手", "社保"])
    }

    @Test func dictionaryWordsAreFoldedLikeText() throws {
        let analyzer = try Analyzer(dictionary: UserDictionary(words: ["網約車"]))
        let markers = analyzer.tokens("发展网约车").filter { $0.kind == .wordStart || $0.kind == .wordEnd }
        #expect(markers.map(\.text).suffix(2) == ["网", "车"])
    }
}

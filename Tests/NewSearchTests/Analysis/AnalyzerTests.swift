import Testing
@testable import NewSearch

@Suite struct AnalyzerTests {
    private let analyzer: Analyzer

    init() throws {
        analyzer = try Analyzer()
    }

    /// Tokens as `text=original@byte`, with `^` before a character that begins a word and `$` after one that ends
    /// a word; gaps as `|`.
    private func table(_ text: String, mode: Analyzer.Mode = .document) -> [String] {
        let bytes = Array(text.utf8)
        return analyzer.tokens(text, mode: mode).map { token in
            guard token.kind == .text else { return "|" }
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            let marked = (token.startsWord ? "^" : "") + token.text + (token.endsWord ? "$" : "")
            return "\(marked)=\(original)@\(token.byteRange.lowerBound)"
        }
    }

    /// The words that the boundaries delimit.
    private func words(_ text: String, analyzer: Analyzer? = nil) -> [String] {
        var words: [String] = [], current = ""
        for token in (analyzer ?? self.analyzer).tokens(text) where token.kind == .text {
            current += token.text
            if token.endsWord { words.append(current); current = "" }
        }
        return words
    }

    /// ICU breaks a UTF-16 copy of the text, mapped back to UTF-8 offsets: 4-byte characters (emoji, CJK extension
    /// B) and 2-byte ones keep their byte ranges, and after a text large enough that its buffer is freed, the
    /// breaker still segments as a fresh one does.
    @Test func wordOffsetsSurviveEveryCharacterWidthAndALargeText() throws {
        let text = "𠀀𠀁上海市é😀iphone16，𪚥龘"
        let bytes = Array(text.utf8)
        let characters = analyzer.tokens(text).filter { $0.kind == .text }
        #expect(characters.map(\.text).joined() == "𠀀𠀁上海市éiphone16𪚥龘")
        for token in characters {
            #expect(String(decoding: bytes[token.byteRange], as: UTF8.self) == token.text, "\(token)")
        }
        let large = String(repeating: "快递员社会保险，", count: 200_000)
        #expect(analyzer.wordCount(large) >= 400_000)
        #expect(analyzer.tokens(text) == (try Analyzer()).tokens(text))
    }

    @Test func everyCharacterIsATokenAndWordsAreMarked() {
        #expect(table("上海市邮政") == ["^上=上@0", "海=海@3", "市$=市@6", "^邮=邮@9", "政$=政@12"])
        #expect(words("上海市邮政管理局") == ["上海市", "邮政", "管理局"])
        #expect(table("的") == ["^的$=的@0"])
    }

    @Test func mixedChineseASCIIDigitsEmojiAndFullWidth() {
        #expect(table("iPhone16发布，GDP增长5.2%😀ＡＢＣ１２３ 2024年") == [
            "^i=i@0", "p=P@1", "h=h@2", "o=o@3", "n=n@4", "e$=e@5", "^1=1@6", "6$=6@7",
            "^发=发@8", "布$=布@11", "|",
            "^g=G@17", "d=D@18", "p$=P@19",
            "^增=增@20", "长$=长@23",
            "^5$=5@26", "^.$=.@27", "^2$=2@28", "|",
            "^a=Ａ@34", "b=Ｂ@37", "c$=Ｃ@40", "^1=１@43", "2=２@46", "3$=３@49", "|",
            "^2=2@53", "0=0@54", "2=2@55", "4$=4@56", "^年$=年@57",
        ])
    }

    @Test func queryModeJoinsCJKWordsAcrossSpacesButNotLatinWords() {
        #expect(table("上海市", mode: .query) == ["上=上@0", "海=海@3", "市=市@6"], "no word marks in a query")
        #expect(analyzer.tokens("快递员 社会保险", mode: .query).map(\.text) == ["快", "递", "员", "社", "会", "保", "险"])
        #expect(analyzer.tokens("new york", mode: .query).map(\.text) == ["n", "e", "w", "", "y", "o", "r", "k"])
        #expect(analyzer.tokens("iPhone16", mode: .query).map(\.text) == ["i", "p", "h", "o", "n", "e", "1", "6"])
    }

    @Test func traditionalAndFullWidthFoldBeforeSegmentation() {
        #expect(words("社會保險") == words("社会保险"))
        #expect(analyzer.tokens("社會保險", mode: .query).map(\.text) == ["社", "会", "保", "险"])
        #expect(table("ＧＤＰ") == ["^g=Ｇ@0", "d=Ｄ@3", "p$=Ｐ@6"])
    }

    @Test func gapsStandWherePunctuationOrSpaceSeparatesWords() {
        #expect(table("保，险", mode: .query) == ["保=保@0", "|", "险=险@6"])
        #expect(table("保 险") == ["^保$=保@0", "|", "^险$=险@4"])
        #expect(table("保 险", mode: .query) == ["保=保@0", "险=险@4"], "spaces in a query join CJK words")
        #expect(analyzer.tokens("COVID-19", mode: .query).map(\.text) == ["c", "o", "v", "i", "d", "", "1", "9"])
    }

    @Test func byteRangesPointIntoTheOriginal() {
        let text = "Ｈｅｌｌｏ，世界！COVID-19 疫情；G20峰会 3.5% 😀👍🏽 e-mail 臺灣ﬁ"
        let bytes = Array(text.utf8)
        for (position, token) in analyzer.tokens(text).enumerated() {
            #expect(token.position == position)
            #expect(token.byteRange.upperBound <= bytes.count)
            #expect(String(validating: bytes[token.byteRange], as: UTF8.self) != nil)
            guard token.kind == .text else { continue }
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            #expect(analyzer.folded(original).contains(token.text), "\(original)")
        }
    }

    @Test func foldedRangesMapBackAcrossCharactersThatChangeWidth() {
        // Ｇ (3 bytes) folds to g (1), ﬁ (3) to fi (2 characters), 會 to 会 (same width), Ａ to a, ­ (soft hyphen) to
        // nothing: every folded occurrence maps back to exactly the characters it came from.
        let text = "ＧＤＰ社會ﬁx Ａ\u{AD}b 2024年ＧＤＰ"
        let folded = analyzer.normalizedText(text)
        let bytes = Array(text.utf8)
        func original(of needle: String) -> [String] {
            let needle = Array(needle.utf8), haystack = folded.bytes
            return (0 ... haystack.count - needle.count).filter { Array(haystack[$0 ..< $0 + needle.count]) == needle }
                .map { String(decoding: bytes[folded.originalRange(of: $0 ..< $0 + needle.count)], as: UTF8.self) }
        }
        #expect(String(decoding: folded.bytes, as: UTF8.self) == "gdp社会fix ab 2024年gdp")
        #expect(original(of: "gdp") == ["ＧＤＰ", "ＧＤＰ"])
        #expect(original(of: "社会") == ["社會"])
        #expect(original(of: "i") == ["ﬁ"], "half of a ligature takes all of it")
        #expect(original(of: "ab") == ["Ａ\u{AD}b"])
        #expect(original(of: "2024年") == ["2024年"])
        #expect(folded.originalRange(of: folded.bytes.count ..< folded.bytes.count) == bytes.count ..< bytes.count)
    }

    @Test func aCursorMapsRangesInOrderAsTheSearchDoes() {
        let text = String(repeating: "ＧＤＰ，增长５．２％；社會ﬁx\u{AD}。A股 ", count: 40)
        let folded = analyzer.normalizedText(text)
        let bytes = folded.bytes
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        var cursor = 0
        for (start, end) in zip(starts, starts.dropFirst()) {
            #expect(folded.originalRange(of: start ..< end, cursor: &cursor) == folded.originalRange(of: start ..< end))
            #expect(folded.originalRange(of: start ..< start, cursor: &cursor) == folded.originalRange(of: start ..< start))
        }
        var late = 0
        _ = folded.originalRange(of: bytes.count - 1 ..< bytes.count, cursor: &late)
        #expect(folded.originalRange(of: 0 ..< 3, cursor: &late) == folded.originalRange(of: 0 ..< 3),
                "a range before the cursor is searched")
    }

    @Test func punctuationSpacesAndEmojiAreNotTokens() {
        #expect(analyzer.tokens("，。！？“”（）《》 \n\t😀 --- ...").isEmpty)
        #expect(analyzer.tokens("").isEmpty)
    }

    @Test func latinIsCaseFoldedInEveryScript() {
        #expect(words("ÄRGER Ελλάδα Straße") == ["ärger", "ελλάδα", "strasse"])
    }

    @Test func userDictionaryWordsOverrideICU() throws {
        let plain = words("外卖骑手的社保")
        let withDictionary = try Analyzer(dictionary: UserDictionary(words: ["外卖骑手", "社保", "# comment", ""]))
        #expect(plain != ["外卖骑手", "的", "社保"])
        #expect(words("外卖骑手的社保", analyzer: withDictionary) == ["外卖骑手", "的", "社保"])
        #expect(withDictionary.dictionary.words == ["外卖骑手", "社保"])
    }

    @Test func dictionaryWordsAreFoldedLikeText() throws {
        let analyzer = try Analyzer(dictionary: UserDictionary(words: ["網約車"]))
        #expect(words("发展网约车", analyzer: analyzer).last == "网约车")
    }
}

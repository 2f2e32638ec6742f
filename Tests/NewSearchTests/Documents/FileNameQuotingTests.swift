import Testing
import NewSearch

/// File names as text (issue 22, defect 7): git's C-style quoting, so that one name is one line and no control
/// sequence reaches a terminal, while ordinary names (Chinese, spaces, emoji) print as they are.
@Suite struct FileNameQuotingTests {
    @Test func ordinaryNamesAreUnchanged() {
        for name in ["news/000_seed.md", "新闻/上海市 GDP 增长.md", "😀 家庭/👨‍👩‍👧.markdown", "a'b (1) [2] $x.md", "", "/",
                     "Ünïcödé ١٢٣.md", "\u{FFFD}.md"] {
            #expect(FileName.quoted(name) == name, "\(name)")
            #expect(FileName.quoted(bytes: Array(name.utf8)) == name, "\(name)")
        }
    }

    @Test func controlCharactersAreCEscapesInQuotes() {
        #expect(FileName.quoted("a\nb.md") == #""a\nb.md""#)
        #expect(FileName.quoted("\u{07}\u{08}\t\n\u{0B}\u{0C}\r") == #""\a\b\t\n\v\f\r""#)
        #expect(FileName.quoted("e\u{1B}[31mvil.md") == #""e\033[31mvil.md""#)
        #expect(FileName.quoted("nul\u{0}") == #""nul\000""#)
        #expect(FileName.quoted("\u{1F}") == #""\037""#)
    }

    @Test func delAndC1ControlsAreOctalBytes() {
        #expect(FileName.quoted("del\u{7F}.md") == #""del\177.md""#)
        // U+009B, the one-character CSI that some terminals obey: its two UTF-8 bytes.
        #expect(FileName.quoted("csi\u{9B}31m") == #""csi\302\23331m""#)
        #expect(FileName.quoted("\u{85}") == #""\302\205""#)
        #expect(FileName.quoted("\u{A0}nbsp") == "\u{A0}nbsp")
    }

    @Test func quotesAndBackslashesAreQuotedAsGitDoes() {
        #expect(FileName.quoted(#"say "hi".md"#) == #""say \"hi\".md""#)
        #expect(FileName.quoted(#"a\b.md"#) == #""a\\b.md""#)
        // A name that looks quoted already is quoted again: what is printed always reads back to one name.
        #expect(FileName.quoted(#""a\nb.md""#) == #""\"a\\nb.md\"""#)
    }

    @Test func bytesThatAreNotUTF8AreOctalEscapes() {
        #expect(FileName.quoted(bytes: Array("bad".utf8) + [0xFF] + Array(".md".utf8)) == #""bad\377.md""#)
        // The first two bytes of 中 (E4 B8 AD), then a valid 中, a lone continuation byte and ESC.
        #expect(FileName.quoted(bytes: [0xE4, 0xB8, 0xE4, 0xB8, 0xAD, 0x80, 0x1B]) == #""\344\270中\200\033""#)
        #expect(FileName.quoted(bytes: [0xC0, 0xAF, 0x22]) == #""\300\257\"""#)
        #expect(FileName.quoted(bytes: Array("a\nb".utf8)) == FileName.quoted("a\nb"))
    }

    @Test func textHasOnlyItsControlCharactersEscaped() {
        let text = "front matter, line 3: \u{1B}[31mred\n \"q\" C:\\x 上海\u{7F}"
        #expect(FileName.escapingControlCharacters(in: text)
                == #"front matter, line 3: \033[31mred\n "q" C:\x 上海\177"#)
        #expect(FileName.escapingControlCharacters(in: "新闻 \"a\" \\ 😀") == "新闻 \"a\" \\ 😀")
    }
}

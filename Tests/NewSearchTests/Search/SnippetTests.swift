import Foundation
import Testing
@testable import NewSearch

@Suite struct SnippetTests {
    private func hit(_ body: String, _ query: String, length: Int = 40, title: String = "标题") throws -> SearchHit {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: title, body: body), path: "a")
        return try #require(try index.search(query, options: SearchOptions(snippetLength: length)).hits.first)
    }

    @Test func highlightsCoverExactlyTheOriginalTextOfTheMatch() throws {
        let body = "臺灣的社會保險制度完善，ＧＤＰ增長，Ｉｐｈｏｎｅ１６上市。"
        #expect(try hit(body, "社会保险").snippet.highlightedParts == ["社會保險"])
        #expect(try hit(body, "gdp").snippet.highlightedParts == ["ＧＤＰ"])
        #expect(try hit(body, "台湾").snippet.highlightedParts == ["臺灣"])
        #expect(try hit(body, "iphone").snippet.highlightedParts == ["Ｉｐｈｏｎｅ"], "the part of the word matched")
        #expect(try hit(body, "社會 ＧＤＰ").snippet.highlightedParts == ["社會", "ＧＤＰ"])
        #expect(try hit(body, "gdp", title: "社會保險").title.highlightedParts == [])
        #expect(try hit(body, "社会", title: "社會保險").title.highlightedParts == ["社會"])
    }

    @Test func theWindowWithTheMostDifferentMatchesWins() throws {
        let filler = String(repeating: "其他内容", count: 30)
        let body = "快递员一词先出现。\(filler)。后来快递员和社会保险一起出现。\(filler)"
        let snippet = try hit(body, "快递员 社会保险", length: 30).snippet
        #expect(snippet.highlightedParts == ["快递员", "社会保险"])
        #expect(snippet.text.hasPrefix("…后来快递员"))
        #expect(snippet.text.hasSuffix("…"))
    }

    @Test func everyHighlightIsAWholeMatch() throws {
        let body = String(repeating: "关于中国经济的报道，", count: 30)
        for length in 5 ... 40 {
            let snippet = try hit(body, "中国", length: length).snippet
            #expect(snippet.highlightedParts.allSatisfy { $0 == "中国" }, "length \(length): \(snippet)")
        }
    }

    @Test func shortBodiesAreWholeAndParagraphsReadAsSpaces() throws {
        let snippet = try hit("第一段有欠薪。\n第二段。", "欠薪").snippet
        #expect(snippet.text == "第一段有欠薪。 第二段。")
        #expect(snippet.highlightedParts == ["欠薪"])
    }

    /// A merged highlight stands for every term in it: a window holding 快递员社会保险 holds both terms.
    @Test func aMergedMatchCountsEveryTermInIt() throws {
        let filler = String(repeating: "其他内容", count: 30)
        let body = "快递员一词先出现，快递员又出现，快递员再出现。\(filler)。提高快递员社会保险水平。\(filler)"
        let snippet = try hit(body, "快递员 社会保险", length: 30).snippet
        #expect(snippet.highlightedParts == ["快递员社会保险"], "\(snippet)")
    }

    /// The case: the seed article's snippet for 快递员 社会保险 shows both terms (it showed only 快递员).
    @Test func theSeedsSnippetShowsBothTerms() throws {
        let seed = try Fixtures.article("000_seed.md")
        let snippet = try hit(seed.body, "快递员 社会保险", length: 80, title: seed.title).snippet
        #expect(snippet.highlightedParts.contains { $0.contains("社会保险") }, "\(snippet.text)")
        #expect(snippet.highlightedParts.contains { $0.contains("快递员") }, "\(snippet.text)")
    }

    @Test func adjacentMatchesMergeIntoOneHighlight() throws {
        #expect(try hit("研究快递员社会保险问题", "快递员 社会保险").snippet.highlightedParts == ["快递员社会保险"])
    }

    @Test func snippetsNeverSplitACharacter() throws {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["欠薪", "👍🏽", "é", "e\u{301}", "🇨🇳", "，", "社保", "\n", "ＡＢＣ", "a", "臺灣", "😀"]
        let index = try SearchIndex(path: ":memory:")
        var bodies: [String: String] = [:]
        for number in 0 ..< 40 {
            let body = (0 ..< Int.random(in: 1 ... 80, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            bodies["\(number)"] = body
            try index.add(Article(title: "t", body: body), path: "\(number)")
        }
        for query in ["欠薪", "社保", "台湾", "abc", "a", "e"] {
            for length in [1, 5, 17, 80] {
                for hit in try index.search(query, options: SearchOptions(limit: nil, snippetLength: length)).hits {
                    let snippet = hit.snippet
                    let inner = snippet.text.replacingOccurrences(of: "…", with: "")
                    let body = bodies[hit.path]!.replacingOccurrences(of: "\n", with: " ")
                    #expect(body.contains(inner), "snippet \(snippet.text) of \(body)")
                    #expect(inner.count <= length)
                    for range in snippet.highlights {
                        #expect(String.Index(range.lowerBound, within: snippet.text) != nil)
                        #expect(String.Index(range.upperBound, within: snippet.text) != nil)
                    }
                }
            }
        }
    }

    @Test func matchesAcrossChunksOfALongBodyAreFound() throws {
        let chunk = MatchHighlighter.chunkBytes
        for shift in [-7, -6, -5, -3, -1, 0, 1, 3] {
            // Filler of ASCII, so that the term starts exactly `shift` bytes from the first chunk's end.
            let body = String(repeating: "x", count: chunk + shift) + "社会保险。" + String(repeating: "y", count: 100)
            #expect(try hit(body, "社会保险").snippet.highlightedParts == ["社会保险"], "shift \(shift)")
        }
        let far = "快递员先出现。" + String(repeating: "其他内容，", count: 3000) + "快递员和社会保险一起出现。"
        let snippet = try hit(far, "快递员 社会保险", length: 30).snippet
        #expect(snippet.highlightedParts == ["快递员", "社会保险"], "a term only in a later chunk is found")
    }

    /// The highlighter's search against a naive one, on text of few distinct characters (so that near misses,
    /// repeats and overlaps are common): the same occurrences, non-overlapping, left to right.
    @Test func theHighlighterFindsWhatANaiveScanFinds() throws {
        var generator = SeededGenerator(seed: 11)
        let analyzer = try Analyzer()
        let alphabet = ["党", "员", "党员", "a", "b", "乙", "甲"]
        for _ in 0 ..< 300 {
            let text = (0 ..< Int.random(in: 0 ... 40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            let term = (0 ..< Int.random(in: 1 ... 3, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            let found = Array(text.utf8).withUnsafeBufferPointer {
                MatchHighlighter(terms: [[term]], analyzer: analyzer).matches(in: $0).map(\.range)
            }
            #expect(found == Self.naiveMatches(of: Array(term.utf8), in: Array(text.utf8)), "\(term) in \(text)")
        }
    }

    /// Non-overlapping occurrences left to right, adjacent ones merged, as the highlighter reports them.
    private static func naiveMatches(of needle: [UInt8], in text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = [], index = 0
        while index + needle.count <= text.count {
            guard Array(text[index ..< index + needle.count]) == needle else { index += 1; continue }
            if let last = ranges.last, last.upperBound == index {
                ranges[ranges.count - 1] = last.lowerBound ..< index + needle.count
            } else {
                ranges.append(index ..< index + needle.count)
            }
            index += needle.count
        }
        return ranges
    }
}

import Foundation
import Testing
@testable import NewSearch

/// Highlights as numbers are offsets in Unicode scalars, the JSON's unit, whatever clusters the text holds.
@Suite struct ScalarOffsetTests {
    @Test func offsetsCountScalarsNotCharacters() throws {
        let text = "e\u{301}👍🏽 欠薪"  // é as two scalars, a thumb with a skin tone (two scalars), a space
        let range = try #require(text.range(of: "欠薪"))
        let highlighted = HighlightedText(text: text, highlights: [range])
        #expect(highlighted.scalarOffsets == [5 ..< 7])
        #expect(HighlightedText(text: text, scalarOffsets: [5 ..< 7]) == highlighted)
        #expect(HighlightedText(text: text, scalarOffsets: [5 ..< 8, 3 ..< 3]).highlights.isEmpty)
    }

    /// A search's highlights, as offsets, point at the terms.
    @Test func aHitsOffsetsPointAtItsTerms() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "e\u{301}👍🏽 欠薪", body: "工人欠薪"), path: "a")
        let hit = try #require(try index.search("欠薪").hits.first)
        let scalars = Array(hit.title.text.unicodeScalars)
        for range in hit.title.scalarOffsets {
            #expect(String(String.UnicodeScalarView(scalars[range])) == "欠薪")
        }
        #expect(!hit.title.scalarOffsets.isEmpty)
    }
}

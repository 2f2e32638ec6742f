import Foundation
import Testing
@testable import NewSearch

/// A highlight rendered for a web page shows the article's text as text, whatever markup it holds.
@Suite struct HighlightedHTMLTests {
    @Test func markupInTheTextIsEscapedAndTheMatchesMarked() {
        let text = "<script>alert(\"欠薪\")</script> & '欠薪'"
        let first = text.range(of: "欠薪")!
        let last = text.range(of: "欠薪", options: .backwards)!
        let highlighted = HighlightedText(text: text, highlights: [first, last])
        #expect(highlighted.html
            == "&lt;script&gt;alert(&quot;<mark>欠薪</mark>&quot;)&lt;/script&gt; &amp; &#39;<mark>欠薪</mark>&#39;")
        #expect(highlighted.rendered(open: "[", close: "]") == "<script>alert(\"[欠薪]\")</script> & '[欠薪]'")
    }

    /// A stored title with a script element comes back from a search as text whose HTML rendering is inert.
    @Test func aScriptTitleFromASearchRendersAsText() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(Article(title: "<script>alert(1)</script>欠薪", body: "欠薪的<b>工人</b>"), path: "a")
        let hit = try #require(try index.search("欠薪").hits.first)
        #expect(hit.title.html == "&lt;script&gt;alert(1)&lt;/script&gt;<mark>欠薪</mark>")
        #expect(!hit.snippet.html.contains("<b>") && !hit.title.html.contains("<script"))
    }
}

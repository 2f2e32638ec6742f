import Foundation
import Testing
@testable import NewSearch

/// Articles built to make the parser work without bound: each is refused or read in bounded work.
@Suite struct HostileArticleTests {
    /// Nine levels of nine aliases, the last used as a mapping key: minutes of work before the budget.
    private static let aliasBomb: String = {
        var lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1 ... 9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        lines += ["? *a9 : x", "title: 炸弹", "---", "<p>正文</p>"]
        return lines.joined(separator: "\n")
    }()

    @Test func anAliasBombFailsWithAReasonAndTheRunGoesOn() throws {
        #expect(throws: DocumentError.self) { try ArticleParser.parse(Array(Self.aliasBomb.utf8), fileName: "bomb.md") }
        let folder = try TemporaryFolder()
        _ = try folder.write("news/bomb.md", Self.aliasBomb)
        _ = try folder.write("news/good.md", "---\ntitle: 好文章\n---\n<p>欠薪问题</p>")
        let report = try SearchIndex(path: folder.path + "/index.db").index([folder.path + "/news"])
        #expect(report.added == 1)
        #expect(report.failed.map(\.path) == [folder.path + "/news/bomb.md"])
        #expect(report.failed.first?.reason.contains("aliases") == true)
    }

    @Test func aFewAliasesAreStillRead() throws {
        let text = "---\nbase: &name 新浪财经\nauthor: *name\ntitle: 标题\n---\n<p>正文</p>"
        let article = try ArticleParser.parse(Array(text.utf8), fileName: "a.md")
        #expect(article.author == "新浪财经")
        #expect(article.title == "标题")
    }

    @Test func starsInTitlesAreNotAliases() throws {
        let stars = Array(repeating: "a *b* c * d", count: 30).joined(separator: " ")
        let article = try ArticleParser.parse(Array("---\ntitle: '\(stars)'\n---\n<p>正文</p>".utf8), fileName: "a.md")
        #expect(article.title == stars)
    }

    @Test(arguments: [300, 1000, 3000, 20000])
    func deeplyNestedHTMLKeepsItsText(depth: Int) throws {
        let html = String(repeating: "<div>", count: depth) + "<p>深处的欠薪问题</p>" + String(repeating: "</div>", count: depth)
        let article = try ArticleParser.parse(Array("---\ntitle: 深层\n---\n\(html)".utf8), fileName: "deep.md")
        #expect(article.body == "深处的欠薪问题", "depth \(depth)")
    }
}

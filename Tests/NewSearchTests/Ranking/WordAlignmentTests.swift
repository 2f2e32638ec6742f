import Foundation
import Testing
@testable import NewSearch

/// How a match stands to the words around it: a whole word ranks above one inside a word, which ranks above one
/// across a word boundary, which a reader grades 0 (issue 24: 京东 inside 北[京东]城区).
@Suite struct WordAlignmentTests {
    /// An article about JD.com (京东 as a word, three times in its body) against a title and body that hold 京东 only
    /// across 北京|东城区: the real case of the shared corpus, where the second ranked first until 2026-12-06.
    @Test func aWordInTheBodyRanksAboveCharactersAcrossTwoWordsOfATitle() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: [
            ("straddling", Article(title: "北京东城区：一把手督办 还胡同风貌",
                                   body: "北京东城区针对胡同街巷里无照经营扰民等突出问题，开展整治。")),
            ("company", Article(title: "双十一网购数据再次刷新纪录",
                                body: "京东公布从11月1日开始到11月11日累计下单金额1598亿元，京东物流当天送达，京东超市销量增长。")),
        ])
        #expect(try index.search("京东").hits.map(\.path) == ["company", "straddling"])
    }

    @Test func aMatchIsAWholeWordInsideAWordOrAcrossWords() throws {
        let analyzer = try Analyzer()
        func alignment(_ text: String, _ term: String) throws -> MatchCounts.Alignment {
            let tokens = analyzer.tokens(text, mode: .document)
            let record = StatisticsRecord(id: 1, title: analyzer.tokenList("", mode: .document),
                                          body: analyzer.tokenList(text, mode: .document), date: nil,
                                          titleKey: 0)
            let boundaries = StatisticsRecord.boundaries(title: analyzer.tokenList("", mode: .document),
                                                         body: analyzer.tokenList(text, mode: .document))
            let start = try #require(Array(text).firstIndex(of: term.first!), "\(tokens)")
            return boundaries.withUnsafeBytes {
                record.alignment($0, column: 1, start: start, length: term.count)
            }
        }
        #expect(try alignment("京东公布下单金额", "京东") == .wholeWords)
        #expect(try alignment("上海市人民政府", "上海") == .insideAWord)
        #expect(try alignment("北京东城区", "京东") == .straddling)
    }
}

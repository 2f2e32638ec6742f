import Foundation
import Testing
@testable import NewSearch

/// Facet counts over the whole hit set (issue 13, item 1).
@Suite struct FacetTests {
    private static func date(_ year: Int) -> Date { Date(timeIntervalSince1970: Double(year - 1970) * 365.25 * 86_400 + 86_400 * 40) }

    private static func index() throws -> SearchIndex {
        let index = try SearchIndex(path: ":memory:")
        let articles: [(String, [String], Int?)] = [
            ("快递员欠薪一", ["社会", "劳动"], 2022), ("快递员欠薪二", ["社会"], 2022), ("快递员欠薪三", ["金融"], 2021),
            ("快递员欠薪四", [], nil), ("天气预报", ["社会"], 2020),
        ]
        for (number, (title, categories, year)) in articles.enumerated() {
            try index.add(Article(title: title, categories: categories, date: year.map(Self.date), body: "正文。"),
                          path: "app://\(number)")
        }
        return index
    }

    @Test func countsCoverEveryHitNotOnlyThePage() throws {
        let index = try Self.index()
        let results = try index.search("欠薪", options: SearchOptions(limit: 1, facets: [.category, .year]))
        #expect(results.total == 4 && results.hits.count == 1)
        #expect(results.facets[.category] == [FacetCount(value: "社会", count: 2), FacetCount(value: "劳动", count: 1),
                                             FacetCount(value: "金融", count: 1)])
        #expect(results.facets[.year] == [FacetCount(value: "2022", count: 2), FacetCount(value: "2021", count: 1)])
    }

    /// Years come in year order, newest first, whatever their counts, and all of them.
    @Test func yearsAreInYearOrderAllOfThem() throws {
        let index = try SearchIndex(path: ":memory:")
        var articles: [(path: String, article: Article)] = []
        for year in 1990 ... 2021 {
            for copy in 0 ..< (year == 1995 ? 5 : 1) {
                articles.append(("\(year)-\(copy)", Article(title: "新闻", date: Self.date(year), body: "欠薪。")))
            }
        }
        try index.add(contentsOf: articles)
        let years = try #require(try index.search("欠薪", options: SearchOptions(limit: 1, facets: [.year])).facets[.year])
        #expect(years.map(\.value) == (1990 ... 2021).reversed().map(String.init))
        #expect(years.first { $0.value == "1995" }?.count == 5)
    }

    @Test func countsFollowFiltersExclusionsAndChanges() throws {
        let index = try Self.index()
        let filtered = try index.search("欠薪 category:社会", options: SearchOptions(facets: [.year]))
        #expect(filtered.facets[.year] == [FacetCount(value: "2022", count: 2)])
        let excluded = try index.search("-欠薪", options: SearchOptions(facets: [.category]))
        #expect(excluded.facets[.category] == [FacetCount(value: "社会", count: 1)])
        try index.add(Article(title: "快递员欠薪五", categories: ["金融"], body: "正文。"), path: "app://9")
        let changed = try index.search("欠薪", options: SearchOptions(facets: [.category]))
        #expect(changed.facets[.category]?.first { $0.value == "金融" }?.count == 2)
    }

    @Test func aSearchWithoutFacetsCountsNone() throws {
        #expect(try Self.index().search("欠薪").facets.isEmpty)
        #expect(try Self.index().search("不存在的词", options: SearchOptions(facets: [.category])).facets[.category] == [])
    }
}

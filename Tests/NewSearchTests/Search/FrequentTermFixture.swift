@testable import NewSearch

/// An index where one term is frequent: 30 articles with 经济 in the title and body, 40 with it once in a longer
/// body only, 10 without it.
enum FrequentTermFixture {
    static var articles: [(String, Article)] {
        var articles: [(String, Article)] = []
        for number in 0 ..< 30 {
            articles.append(("t\(number)", Article(title: "经济新闻\(number)", body: "今天的经济形势。" + String(repeating: "其他内容。", count: number))))
        }
        for number in 0 ..< 40 {
            articles.append(("b\(number)", Article(title: "新闻\(number)", body: "谈到经济。" + String(repeating: "别的内容。", count: 20 + number))))
        }
        for number in 0 ..< 10 { articles.append(("n\(number)", Article(title: "天气\(number)", body: "晴天。"))) }
        return articles
    }

    /// The articles in an index at `path`.
    static func index(_ path: String = ":memory:") throws -> SearchIndex {
        let index = try SearchIndex(path: path)
        try index.add(contentsOf: articles)
        return index
    }
}

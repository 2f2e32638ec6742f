import Testing
@testable import NewSearch

/// What a substring search finds, newsearch finds: a behaviour table over a real in-memory FTS5 index.
@Suite struct ChineseMatchingTests {
    @Test(arguments: [
        ("上海市人民政府", "上海"),
        ("国家市场监督管理总局", "管理"),
        ("上海市邮政管理局", "管理"),
        ("加大处置欠薪力度", "欠薪"),
        ("社保经办机构", "社保"),
        ("快递员权益", "快递"),
        ("快递员权益", "员"),
        ("提高快递员社会保险水平", "递员社"),
        ("社會保險制度", "社会保险"),
        ("社会保险制度", "社會保險"),
        ("ＧＤＰ增长", "gdp"),
        ("GDP增长", "ＧＤＰ"),
        ("苹果发布iPhone16", "iphone"),
        ("苹果发布iPhone16", "IPHONE16"),
        ("2024年经济", "2024"),
        ("2024年经济", "2024年"),
        ("5G网络建设", "5g"),
        ("G20峰会", "g20"),
        ("COVID-19疫情", "covid-19"),
        ("增长3.5%", "3.5%"),
        ("臺灣同胞", "台湾"),
        ("鱼", "鱼"),
        ("_视频_2020年经济运行", "2020年"),
        ("超过2000人参加", "20"),
        ("12日出台新规", "2日出"),
        ("_G20反腐败追逃追赃", "G20"),
        ("苹果发布iPhone", "hon"),
        ("苹果发布iPhone16", "iph*"),
        // Digit runs are matched through pairs of digits (TokenContract): every substring still finds them.
        ("超过2000人参加", "000"),
        ("超过2000人参加", "00人"),
        ("超过2000人参加", "过2"),
        ("２０２４年", "2024"),
        ("2024年", "２０２４年"),
        ("12345", "234"),
        ("12345", "5"),
        ("12345", "45"),
        ("2024年经济", "024年"),
        ("2020-2024", "24"),
        ("第2期", "2期"),
        ("2024年经济", "202*"),
        // Dates: a digit and the unit after it are a pair too.
        ("2024年3月5日发布", "3月"),
        ("2024年3月5日发布", "5日"),
        ("2024年3月5日发布", "年3月5日"),
        ("2024年3月5日发布", "24年"),
        ("2024年3月5日发布", "2024年3月"),
        ("今年3月", "月"),
        // Terms made of common pairs (CommonPairs), or beginning or ending inside one.
        ("国务院常务会议", "国务院"),
        ("国务院常务会议", "务院常"),
        ("国务院常务会议", "会议"),
        ("中国人民银行", "中国人民"),
        ("中国人民银行", "国人"),
        ("中国", "中国"),
        ("发展中国家", "展中国"),
        ("政治经济学", "经济"),
        ("政治经济学", "治经"),
        ("政治经济学", "济学"),
        ("政治经济学", "经"),
        ("政治经济学", "济"),
        ("習近平主席", "习近平"),
        ("习近平主席", "近平主"),
        ("习近平主席", "平主"),
        ("經濟發展", "经济发展"),
    ])
    func matches(content: String, query: String) throws {
        #expect(try MatchHarness.matches(content, query), "\(query) should find \(content)")
    }

    @Test(arguments: [
        ("快递行业", "快递员"),
        ("保险，保，险", "保险员"),
        ("保，险", "保险"),
        ("保 险", "保险"),
        ("上海市", "上海市长"),
        ("iPhone16", "iphone15"),
        ("2024年", "2025"),
        ("iPhone 16", "iphone16"),
        ("3.5%", "35"),
        ("xiphoid", "iph*"),
        ("2 0 2 4", "2024"),
        ("20，24", "2024"),
        ("2024", "2042"),
        ("2024年", "20245"),
        ("1.5", "15"),
        ("经，济", "经济"),
        ("经 济", "经济"),
        ("习近，平", "习近平"),
        ("国务 院", "国务院"),
        ("2024 年", "2024年"),
        ("4，年", "4年"),
        ("2024年", "2023年"),
        ("中，国", "中国"),
        ("国务", "国务院"),
        ("务院", "国务院"),
    ])
    func doesNotMatch(content: String, query: String) throws {
        #expect(try !MatchHarness.matches(content, query), "\(query) should not find \(content)")
    }

    /// The index compares pairs with folded characters: a pair that folding changes would never be used.
    @Test func foldingChangesNoCommonPair() throws {
        let analyzer = try Analyzer()
        #expect(CommonPairs.list.filter { analyzer.folded($0) != $0 } == [])
        #expect(Set(CommonPairs.list).count == CommonPairs.list.count)
    }

    @Test func theIndexHoldsPairsBesideTheirCharacters() throws {
        let index = try SearchIndex(path: ":memory:")
        try index.add(contentsOf: [("A", Article(title: "政治经济学", body: "2024年，习近平"))])
        let terms = try index.pool.write { session -> Set<String> in
            let database = session.store.database
            try database.execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, 'newsearch_fts', 'row')")
            let statement = try database.prepare("SELECT term FROM temp.vocabulary")
            var terms = Set<String>()
            while try statement.step() { terms.insert(statement.text(0) ?? "") }
            return terms
        }
        #expect(terms.isSuperset(of: ["20", "02", "24", "2", "0", "4", "4年", "年", "经", "济", "经济", "政治", "习近",
                                      "近平", "济学"]))
        #expect(terms.isDisjoint(with: ["治经", "年习", "2024", "202", "习近平", "2024年"]),
                "only two digits, a digit and a date unit, or a common pair side by side make a pair")
    }
}

/// Extra recall must not fool ranking: word-aligned matches first, close terms before scattered ones.
/// The articles compared have the same length in tokens, and the one that must come first is added last, so that
/// bm25 alone would tie them and leave it second.
@Suite struct WordAwareRankingTests {
    /// Articles that match none of the queries, so that bm25's document frequencies are those of a real corpus.
    private static let others = [
        "国务院召开常务会议，部署经济工作。", "北京今天天气晴朗，气温回升。", "农业农村部发布春耕生产指导意见。",
        "教育部公布高校招生计划。", "铁路部门加开旅客列车。", "科学家发现新的天体。", "体育健儿在比赛中获得金牌。",
        "文化和旅游部推出假日活动。",
    ]

    private func ranking(_ query: String, _ articles: [(path: String, body: String)]) throws -> [String] {
        let analyzer = try Analyzer()
        let lengths = Set(articles.map { analyzer.tokens($0.body).count })
        #expect(lengths.count == 1, "articles of one length: \(lengths)")
        let index = try SearchIndex(path: ":memory:")
        for (number, body) in Self.others.enumerated() { try index.add(Article(title: "其他", body: body), path: "other\(number)") }
        for article in articles { try index.add(Article(title: "新闻", body: article.body), path: article.path) }
        return try index.search(query, limit: nil).hits.map(\.path)
    }

    @Test func wholeWordAboveAMatchInsideOtherWords() throws {
        let order = try ranking("华为", [
            ("inside", "实现中华为民族复兴梦想。"),
            ("word", "关注华为手机业务的发展。"),
        ])
        #expect(order == ["word", "inside"])
    }

    @Test func wordAboveLongerWordWhenCountsAreEqual() throws {
        let order = try ranking("上海", [
            ("longer", "上海市将举行发布会。"),
            ("word", "上海今天举行发布会。"),
        ])
        #expect(order == ["word", "longer"])
    }

    @Test func moreMatchesStillWin() throws {
        let order = try ranking("上海", [
            ("once", "上海今天举行了一场发布会。"),
            ("twice", "上海市和上海市代表参加会。"),
        ])
        #expect(order.first == "twice")
    }

    @Test func closeTermsAboveDistantOnes() throws {
        let filler = String(repeating: "会议讨论了许多其他方面的问题，", count: 4)
        let order = try ranking("快递员 社会保险", [
            ("distant", "快递员的好\(filler)社会保险。"),
            ("close", "快递员的社会保险\(filler)好。"),
        ])
        #expect(order == ["close", "distant"])
    }

    @Test func adjacentTermsAboveScatteredOnes() throws {
        let filler = String(repeating: "会议讨论了许多其他方面的问题，", count: 4)
        let order = try ranking("快递员 社会保险", [
            ("scattered", "快递员\(filler)社会保险。"),
            ("adjacent", "快递员社会保险，\(filler)。"),
        ])
        #expect(order == ["adjacent", "scattered"])
    }
}

import Foundation
import Testing
@testable import NewSearch

/// The ten quirk files (and two more) named in the corpus notes: title, date and body text.
@Suite struct QuirkFileTests {
    @Test func seedArticle() throws {
        let article = try Fixtures.article("000_seed.md")
        #expect(article.title == "上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板")
        #expect(Fixtures.iso(article.date) == "2022-02-16T06:26:14Z")
        #expect(article.author == "新浪财经")
        #expect(article.categories == ["金融", "新浪财经", "新浪财经－国內"])
        #expect(article.images["headimg"]?.hasSuffix("b203-82009c05e07e3d782a02d5051a8b3e71.jpg") == true)
        #expect(article.images["thumbnail"] == article.images["headimg"])
        #expect(article.body.hasPrefix("上海市邮政管理局网站2月15日消息，为贯彻落实"))
        #expect(article.body.contains("加大处置欠薪力度等措施保障快递员合理劳动报酬"))
        #expect(article.body.contains("提高快递员社会保险水平"))
        #expect(article.body.contains("责任编辑：何中夫"))
        // Style blocks and comments are dropped; entities in them never reach the text.
        #expect(!article.body.contains("appendQr"))
        #expect(!article.body.contains("news_keyword_pub"))
        #expect(!article.body.contains("&#123;") && !article.body.contains("{"))
        // Paragraphs stay apart, one a line, with their ideographic-space indents trimmed.
        let paragraphs = article.body.split(separator: "\n")
        #expect(paragraphs.count >= 6)
        #expect(paragraphs.allSatisfy { !$0.hasPrefix("\u{3000}") && !$0.hasPrefix(" ") })
    }

    @Test func twoCharacterTitleWithQRCodeHeadImage() throws {
        let article = try Fixtures.article("20210616-012756_hexo_0！.md")
        #expect(article.title == "0！")
        #expect(Fixtures.iso(article.date) == "2021-06-16T01:27:56Z")
        #expect(article.images["headimg"] == "https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png")
        #expect(!article.body.isEmpty)
    }

    @Test func quoteInTitleAndFileNameAndStockComment() throws {
        let article = try Fixtures.article("20211228-035401_hexo_\"100种方法刑事你\"的女书记登门道歉，当事人：没诚意.md")
        #expect(article.title == "\"100种方法刑事你\"的女书记登门道歉，当事人：没诚意")
        #expect(Fixtures.iso(article.date) == "2021-12-28T03:54:01Z")
        #expect(article.body.hasPrefix("“100种方法刑事你”的女书记登门道歉，当事人：没诚意\n据九派新闻12月27日报道"))
        #expect(!article.body.contains("video-list"))
        #expect(!article.body.contains("news_keyword_pub"))
    }

    @Test func sanitisedTitleFontRunsAndCaptions() throws {
        let article = try Fixtures.article("20220723-043447_hexo_00后_整顿职场_，在整顿什么？.md")
        #expect(article.title == "00后_整顿职场_，在整顿什么？")
        #expect(Fixtures.iso(article.date) == "2022-07-23T04:34:47Z")
        #expect(!article.body.contains("<font"))
        #expect(!article.body.contains("cms-style"))
        #expect(article.body.contains("整顿职场"))
    }

    @Test func entityEncodedBracesInBodyText() throws {
        let article = try Fixtures.article("20150705-113031_xwlb_20150705_07_VIDE1436096309295334.md")
        #expect(Fixtures.iso(article.date) == "2015-07-05T11:30:31Z")
        #expect(article.body.contains("新型毒品{3，4}亚甲二氧基甲卡西酮和芬太尼"))
        #expect(!article.body.contains("&#"))
    }

    @Test func bodyOfOnlyAnEmptyMixedCaseParagraph() throws {
        let article = try Fixtures.article("20120702-114129_xwlb_20120702_20_VIDE1355098166571310.md")
        #expect(!article.title.isEmpty)
        #expect(Fixtures.iso(article.date) == "2012-07-02T11:41:29Z")
        #expect(article.body == "")
    }

    @Test func emptyBody() throws {
        let article = try Fixtures.article("20120710-135224_xwlb_20120710_21_VIDE1355098171063989.md")
        #expect(Fixtures.iso(article.date) == "2012-07-10T13:52:24Z")
        #expect(article.body == "")
    }

    @Test func junkTitleAndEmptyBody() throws {
        let article = try Fixtures.article("20141121-090558_xwlb_20141121_01_VIDE1416560757768314.md")
        #expect(article.title == "900K.wmv")
        #expect(Fixtures.iso(article.date) == "2014-11-21T09:05:58Z")
        #expect(article.body == "")
    }

    @Test func largestFile() throws {
        let name = "20240721-113440_xwlb_20240721_02_VIDEk6SufCa1i63vK4sqebPd240721.md"
        let article = try Fixtures.article(name)
        #expect(article.title == "_视频_《中共中央关于进一步全面深化改革 推进中国式现代化的决定》公布")
        #expect(Fixtures.iso(article.date) == "2024-07-21T11:34:40Z")
        #expect(article.body.utf8.count > 50_000)
        #expect(article.body.split(separator: "\n").count > 50)
        #expect(!article.body.contains("<") && !article.body.contains("\r"))
    }

    @Test func bodyWithoutParagraphTags() throws {
        let article = try Fixtures.article("20120827-112315_xwlb_20120827_04_VIDE1355098182449513.md")
        #expect(Fixtures.iso(article.date) == "2012-08-27T11:23:15Z")
        #expect(article.body.hasPrefix("央视网消息(新闻联播)："))
        #expect(!article.body.contains("\u{3000}\u{3000}"))
    }

    @Test func crlfBody() throws {
        let article = try Fixtures.article("20120702-110613_xwlb_20120702_01_VIDE1355098166246193.md")
        #expect(article.title.hasPrefix("_视频_胡锦涛《在庆祝香港回归祖国15周年大会"))
        #expect(Fixtures.iso(article.date) == "2012-07-02T11:06:13Z")
        #expect(!article.body.contains("\r"))
        #expect(article.body.split(separator: "\n") == [
            "中国网络电视台消息(新闻联播)：中共中央总书记、国家主席、中央军委主席胡锦涛《在庆祝香港回归祖国15周年大会暨香港特别行政区第四届政府就职典礼上的讲话》单行本，已由人民出版社出版，即日起在全国新华书店发行。",
            "(视频编辑：张贝龙 文字编辑：温凤浩)",
        ])
    }

    @Test func asciiQuoteInsideSingleQuotedTitle() throws {
        let article = try Fixtures.article("20120707-133423_xwlb_20120707_11_VIDE1355098168883219.md")
        #expect(article.title == "_视频_各地纪念\"七·七\"事变75周年")
        #expect(Fixtures.iso(article.date) == "2012-07-07T13:34:23Z")
    }
}

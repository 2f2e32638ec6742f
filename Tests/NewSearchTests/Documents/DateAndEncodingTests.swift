import Foundation
import Testing
@testable import NewSearch

@Suite struct DateAndEncodingTests {
    @Test(arguments: [
        ("2022年2月16日", "2022-02-16T00:00:00Z"),
        ("2022年02月16日 14:26", "2022-02-16T14:26:00Z"),
        ("2022年2月16日14:26:14", "2022-02-16T14:26:14Z"),
        ("2022-02-16 14:26", "2022-02-16T14:26:00Z"),
        ("Wed, 16 Feb 2022 06:26:14 GMT", "2022-02-16T06:26:14Z"),
        ("Tue, 29 Feb 2000 00:00:00 GMT", "2000-02-29T00:00:00Z"),
    ])
    func commonFormsAreRead(text: String, iso: String) throws {
        let date = try #require(ArticleDate.parse(text), "\(text)")
        #expect(ArticleDate.iso8601(date) == iso)
    }

    @Test(arguments: ["Wed, 31 Feb 2022 06:26:14 GMT", "Sat, 29 Feb 2023 00:00:00 GMT", "2022-02-30", "2022-04-31 10:00",
                      "2022年2月30日", "2022年13月1日"])
    func daysThatDoNotExistAreNoDate(text: String) {
        #expect(ArticleDate.parse(text) == nil, "\(text) must not roll over into the next month")
    }

    @Test(arguments: [true, false])
    func utf16WithAByteOrderMarkIsDecoded(bigEndian: Bool) throws {
        let text = "---\ntitle: 宽字符文章\n---\n<p>欠薪问题</p>\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let article = try ArticleParser.parse(bytes, fileName: "wide.md")
        #expect(article.title == "宽字符文章")
        #expect(article.body == "欠薪问题")
    }

    @Test func aDateIsTrimmedOfSpacesAndTabsOnly() {
        #expect(ArticleDate.trimmed("Wed, 16 Feb 2022 06:26:14 GMT") == "Wed, 16 Feb 2022 06:26:14 GMT")
        #expect(ArticleDate.trimmed(" \t\u{3000}2022-02-16\u{00A0} ") == "2022-02-16")
        #expect(ArticleDate.trimmed(" \t ") == "")
        #expect(ArticleDate.trimmed("\n2022-02-16\n") == "\n2022-02-16\n")
        #expect(ArticleDate.parse("  Wed, 16 Feb 2022 06:26:14 GMT\t") == Date(timeIntervalSince1970: 1_644_992_774))
        #expect(ArticleDate.parse("2022-02-16\u{200B}") != nil)
        // Every character of the Basic Multilingual Plane is trimmed exactly when Foundation trims it.
        for value in 0 ... 0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "1" + String(scalar) + "1"
            #expect(ArticleDate.trimmed(String(scalar)).isEmpty
                        == String(scalar).trimmingCharacters(in: .whitespaces).isEmpty, "U+\(String(value, radix: 16))")
            #expect(ArticleDate.trimmed(text) == text)
        }
    }
}

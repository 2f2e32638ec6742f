import Foundation
import Testing
@testable import NewSearch

@Suite struct CivilDateTests {
    @Test func iso8601MatchesFoundationAndReadsBack() {
        var generator = SeededGenerator(seed: 1970)
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        let fixed = [0, -1, 951_782_400, 951_868_799, 1_645_000_000, -2_208_988_800, 253_402_300_799]
        for seconds in fixed + (0 ..< 2000).map({ _ in Int.random(in: -2_208_988_800 ... 4_102_444_800, using: &generator) }) {
            let text = CivilDate.iso8601(secondsSince1970: seconds)
            #expect(text == Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(style), "\(seconds)")
            #expect(CivilDate.secondsSince1970(iso8601: text) == seconds, "\(text)")
        }
        #expect(ArticleDate.iso8601(Date(timeIntervalSince1970: 1_645_000_000.75)) == "2022-02-16T08:26:40Z")
    }
}

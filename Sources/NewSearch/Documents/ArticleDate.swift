import Foundation
import Synchronization

/// Parses the dates found in front matter: RFC 822 as RSS writes them, ISO 8601, and Hexo's `yyyy-MM-dd HH:mm:ss`.
///
/// ```swift
/// ArticleDate.parse("Wed, 16 Feb 2022 06:26:14 GMT")  // 2022-02-16T06:26:14Z
/// ```
enum ArticleDate {
    /// Formats tried in order; a date without a zone is taken as UTC.
    private static let patterns = [
        "EEE, d MMM yyyy HH:mm:ss zzz",
        "EEE, d MMM yyyy HH:mm:ss Z",
        "d MMM yyyy HH:mm:ss zzz",
        "d MMM yyyy HH:mm:ss Z",
        "EEE, d MMM yyyy HH:mm zzz",
        "yyyy-MM-dd'T'HH:mm:ssXXXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmXXXXX",
        "yyyy-MM-dd HH:mm:ss Z",
        "yyyy-MM-dd HH:mm:ssXXXXX",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
        "yyyy/MM/dd HH:mm:ss",
        "yyyy/MM/dd",
    ]

    /// DateFormatter is not safe to share between threads; the mutex serializes the (cheap) parses.
    private static let formatters = Mutex(patterns.map { pattern -> DateFormatter in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter
    })

    /// The date written in `text`, or nil when no known format fits.
    static func parse(_ text: String) -> Date? {
        let text = trimmed(text)
        guard !text.isEmpty else { return nil }
        if let seconds = RFC822Date.secondsSince1970(text) ?? CivilDate.secondsSince1970(iso8601: text)
            ?? CivilDate.secondsSince1970(chinese: text) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        // A date of a known shape whose day does not exist (31 February) is no date, not the day it would roll to.
        guard !Self.namesAMissingDay(text) else { return nil }
        return formatters.withLock { formatters in
            for formatter in formatters {
                if let date = formatter.date(from: text) { return date }
            }
            return nil
        }
    }

    /// `text` without the spaces and tabs at its ends, and without a copy when it has none, as a date nearly always
    /// has. The spaces are those of Foundation's `CharacterSet.whitespaces`: tab, the space separators and the zero
    /// width space (U+200B, which copied dates bring along).
    static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start ... end])
    }

    /// Whether `text` has a day of the month that its month lacks, in the RSS form (`Wed, 31 Feb 2022 …`) or an
    /// ISO form (`2022-02-31…`): the formatters below would roll such a day over into the next month.
    private static func namesAMissingDay(_ text: String) -> Bool {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
        if words.count >= 3, let day = Int(words[1]), let month = months.firstIndex(of: String(words[2].prefix(3))),
           let year = Int(words[3 ..< min(4, words.count)].first ?? "") {
            return !CivilDate.isValid(year: year, month: month + 1, day: day)
        }
        let digits = text.prefix(10).split(whereSeparator: { $0 == "-" || $0 == "/" })
        if digits.count == 3, let year = Int(digits[0]), let month = Int(digits[1]), let day = Int(digits[2]) {
            return !CivilDate.isValid(year: year, month: month, day: day)
        }
        return false
    }

    /// `date` as ISO 8601 in UTC, such as `2022-02-16T06:26:14Z`.
    static func iso8601(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard (-62_135_596_800 ... 253_402_300_799).contains(seconds) else {
            return date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
        }
        return CivilDate.iso8601(secondsSince1970: Int(seconds))
    }
}

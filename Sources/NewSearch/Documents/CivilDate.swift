/// Calendar arithmetic for the fast date paths, in the proleptic Gregorian calendar and UTC.
enum CivilDate {
    /// Days from 1970-01-01 to the given date (H. Hinnant's days_from_civil).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether `day` exists in `month` of `year` (31 February does not).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1 ... 12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Seconds since 1970 for `2022年2月16日`, optionally followed by a time `14:26` or `14:26:14` (after a
    /// space or not), taken as UTC like every date without a zone; nil for anything else or a day that does not
    /// exist.
    static func secondsSince1970(chinese text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number(maximumDigits: Int) -> Int? {
            var value = 0, digits = 0
            while index < scalars.count, digits < maximumDigits, let digit = scalars[index].properties.numericType == .decimal
                    ? Int(String(scalars[index])) : nil {
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }
        func expect(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }
        guard let year = number(maximumDigits: 4), expect("年"), let month = number(maximumDigits: 2), expect("月"),
              let day = number(maximumDigits: 2), expect("日"), isValid(year: year, month: month, day: day)
        else { return nil }
        var seconds = daysSince1970(year: year, month: month, day: day) * 86_400
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return seconds }
        guard let hour = number(maximumDigits: 2), expect(":"), let minute = number(maximumDigits: 2),
              hour < 24, minute < 60 else { return nil }
        seconds += hour * 3600 + minute * 60
        if expect(":") {
            guard let second = number(maximumDigits: 2), second < 61 else { return nil }
            seconds += second
        }
        return index == scalars.count ? seconds : nil
    }

    /// Seconds since 1970 for exactly `yyyy-MM-ddTHH:mm:ssZ`, the form the index stores dates in; nil otherwise.
    static func secondsSince1970(iso8601 text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
              bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte &- 0x30 < 10 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0 ..< 4), let month = number(5 ..< 7), let day = number(8 ..< 10),
              let hour = number(11 ..< 13), let minute = number(14 ..< 16), let second = number(17 ..< 19),
              isValid(year: year, month: month, day: day), hour < 24, minute < 60, second < 61
        else { return nil }
        return daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// The date of a day counted from 1970-01-01 (H. Hinnant's civil_from_days).
    static func date(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day (counted from 1970-01-01, UTC) that holds the instant `seconds` after 1970; days before 1970 are
    /// negative (floor division).
    static func daysSince1970(secondsSince1970 seconds: Int) -> Int {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` for whole seconds since 1970 (years 0–9999), without a formatter.
    static func iso8601(secondsSince1970 seconds: Int) -> String {
        let days = daysSince1970(secondsSince1970: seconds)
        let time = seconds - days * 86_400
        let (year, month, day) = date(daysSince1970: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
}

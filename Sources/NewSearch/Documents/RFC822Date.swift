/// The fast path of ``ArticleDate``: the fixed RSS form `Wed, 16 Feb 2022 06:26:14 GMT` (or `+0800`), read from
/// its bytes. Anything else returns nil and goes to the DateFormatter patterns, which are a hundred times slower.
enum RFC822Date {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Seconds since 1970 for `text`, or nil when it is not exactly of the fixed form.
    static func secondsSince1970(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].last == ",",
              let day = Int(parts[1]), (1 ... 31).contains(day),
              let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 }),
              let year = Int(parts[3]), parts[3].count == 4,
              let time = clock(parts[4]), let offset = zoneOffset(parts[5]),
              CivilDate.isValid(year: year, month: month, day: day)
        else { return nil }
        return CivilDate.daysSince1970(year: year, month: month, day: day) * 86_400 + time - offset
    }

    /// `HH:mm:ss` as seconds into the day.
    private static func clock(_ text: Substring) -> Int? {
        let fields = text.split(separator: ":")
        guard fields.count == 3, fields.allSatisfy({ $0.count == 2 }),
              let hour = Int(fields[0]), let minute = Int(fields[1]), let second = Int(fields[2]),
              hour < 24, minute < 60, second < 61 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// `GMT`, `UT`, `UTC`, `Z` or `±hhmm` as seconds east of UTC.
    private static func zoneOffset(_ text: Substring) -> Int? {
        if ["GMT", "UT", "UTC", "Z"].contains(text) { return 0 }
        guard text.count == 5, let sign = text.first, sign == "+" || sign == "-",
              let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)) else { return nil }
        return (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
    }

}

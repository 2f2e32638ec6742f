import Foundation

/// A range of article dates, from the start of its first day to the end of its last, in UTC.
///
/// Written `2022`, `2022-03`, `2022-03-15`, or two of them joined by `..` (`2022-01..2022-03`); either side of
/// `..` may be left open (`2022-01..`, `..2021`).
public struct DateRange: Sendable, Equatable, CustomStringConvertible {
    /// The earliest date included, if bounded below.
    public var start: Date?
    /// The first date no longer included, if bounded above.
    public var end: Date?
    private let text: String

    /// The range from `start` (included) to `end` (excluded); nil leaves that side open.
    public init(start: Date?, end: Date?) {
        self.start = start
        self.end = end
        text = "\(start.map(ArticleDate.iso8601) ?? "")..\(end.map(ArticleDate.iso8601) ?? "")"
    }

    /// Reads a range as described on the type; nil when it is not one.
    public init?(_ text: String) {
        let parts = text.components(separatedBy: "..")
        switch parts.count {
        case 1:
            guard let (start, end) = Self.span(parts[0]) else { return nil }
            self.start = start
            self.end = end
        case 2 where !(parts[0].isEmpty && parts[1].isEmpty):
            let from = parts[0].isEmpty ? nil : Self.span(parts[0])
            let to = parts[1].isEmpty ? nil : Self.span(parts[1])
            if !parts[0].isEmpty && from == nil || !parts[1].isEmpty && to == nil { return nil }
            start = from?.start
            end = to?.end
            if let start, let end, start >= end { return nil }
        default:
            return nil
        }
        self.text = text
    }

    /// `since` and `until` (both inclusive, any form of a single span) as one range.
    public init?(since: String?, until: String?) {
        self.init("\(since ?? "")..\(until ?? "")")
    }

    /// The range as it was written (`2022-01..2022-03`), or, when made from dates, its bounds as ISO 8601 instants
    /// joined by `..` (`2022-01-01T00:00:00Z..2022-04-01T00:00:00Z`).
    public var description: String { text }

    /// The first and the after-last instant of a year, month or day.
    private static func span(_ text: String) -> (start: Date, end: Date)? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1 ... 3).contains(fields.count), fields.allSatisfy({ $0 != nil }),
              text.split(separator: "-").first?.count == 4 else { return nil }
        let numbers = fields.map { $0! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: numbers[0], month: numbers.count > 1 ? numbers[1] : 1,
                                        day: numbers.count > 2 ? numbers[2] : 1)
        guard (1 ... 12).contains(components.month!), (1 ... 31).contains(components.day!),
              let start = calendar.date(from: components),
              calendar.component(.day, from: start) == components.day else { return nil }
        let unit: Calendar.Component = numbers.count == 1 ? .year : numbers.count == 2 ? .month : .day
        guard let end = calendar.date(byAdding: unit, value: 1, to: start) else { return nil }
        return (start, end)
    }
}

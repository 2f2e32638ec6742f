import Foundation

/// Finds the title of a Markdown document without front matter.
enum MarkdownHeading {
    /// The text of the first ATX heading (`# Title`, up to `###### Title`), if any.
    static func first(in text: Substring) -> String? {
        for line in text.split(separator: "\n") {
            let trimmed = line.drop(while: { $0 == " " })
            guard trimmed.hasPrefix("#") else { continue }
            let level = trimmed.prefix(while: { $0 == "#" }).count
            let heading = trimmed.dropFirst(level)
            guard level <= 6, heading.first == " " || heading.first == "\t" else { continue }
            let title = heading.trimmingTrailingWhitespace.drop(while: \.isWhitespace)
            let withoutClosing = title.reversed().drop(while: { $0 == "#" }).reversed()
            let result = String(withoutClosing).trimmingCharacters(in: .whitespaces)
            if !result.isEmpty { return result }
        }
        return nil
    }
}

/// Rows of cells laid out in columns aligned by display width (a CJK character takes two columns), for help
/// texts and tables printed to a terminal.
struct TextTable {
    let rows: [[String]]
    /// Text put before every line.
    var indent = ""
    /// Spaces between columns.
    var gap = 2

    /// The lines, each without trailing spaces, joined by newlines.
    var text: String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0 ..< columns).map { column in
            rows.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
        }
        let spacing = String(repeating: " ", count: gap)
        return rows.map { row in
            indent + zip(row, widths).map { cell, width in cell.padded(toWidth: width) }
                .joined(separator: spacing).trimmingTrailingSpaces
        }.joined(separator: "\n")
    }
}

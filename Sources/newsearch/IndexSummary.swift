import Foundation
import NewSearch

/// The text `newsearch index` prints when it is done.
struct IndexSummary {
    /// Skipped files listed when not verbose; failures are always all listed.
    static let skippedShown = 10

    let report: IndexReport
    let seconds: Double
    let indexPath: String
    let verbose: Bool

    var text: String {
        let megabytes = Double(report.bytesIndexed) / 1_000_000
        var lines = [
            "Indexed \(report.indexed) articles (\(report.added) new, \(report.updated) updated) in "
                + String(format: "%.1f s (%.1f MB, %.1f MB/s) into %@", seconds, megabytes,
                         seconds > 0 ? megabytes / seconds : 0, indexPath),
            "unchanged: \(report.unchanged), removed: \(report.removed), skipped: \(report.skipped.count), "
                + "failed: \(report.failed.count)",
        ]
        if !report.skipped.isEmpty {
            lines.append("Skipped:")
            let shown = verbose ? report.skipped : Array(report.skipped.prefix(Self.skippedShown))
            lines += shown.map { "  \($0)" }
            if shown.count < report.skipped.count {
                lines.append("  … and \(report.skipped.count - shown.count) more (--verbose lists them all)")
            }
        }
        if !report.failed.isEmpty {
            lines.append("Failed:")
            lines += report.failed.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}

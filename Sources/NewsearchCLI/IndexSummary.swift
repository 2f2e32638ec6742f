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
                         seconds > 0 ? megabytes / seconds : 0, FileName.quoted(indexPath)),
            "unchanged: \(report.unchanged), removed: \(report.removed), skipped: \(report.skipped.count), "
                + "failed: \(report.failed.count)" + (report.notes.isEmpty ? "" : ", with a note: \(report.notes.count)")
                + (report.mergeSeconds.map { String(format: ", index merged in %.2f s", $0) } ?? "")
                + (report.headSeconds.map { String(format: ", %ld frequent terms ranked in %.2f s", report.headsRanked ?? 0, $0) } ?? ""),
        ]
        lines += listing("Indexed with a note:", report.notes)
        lines += listing("Skipped:", report.skipped)
        if !report.failed.isEmpty {
            lines.append("Failed:")
            lines += report.failed.map(Self.line)
        }
        return lines.joined(separator: "\n")
    }

    /// `heading` and `notes`, the first ``skippedShown`` of them unless verbose; nothing for no notes.
    private func listing(_ heading: String, _ notes: [IndexReport.FileNote]) -> [String] {
        guard !notes.isEmpty else { return [] }
        let shown = verbose ? notes : Array(notes.prefix(Self.skippedShown))
        var lines = [heading] + shown.map(Self.line)
        if shown.count < notes.count { lines.append("  … and \(notes.count - shown.count) more (--verbose lists them all)") }
        return lines
    }

    /// One listed file: its path as seen from the current folder (quoted when it holds control characters), and
    /// the reason, its control characters escaped (a front matter's error quotes the file's text).
    private static func line(_ note: IndexReport.FileNote) -> String {
        "  \(DisplayPath.quoted(note.path)): \(FileName.escapingControlCharacters(in: note.reason))"
    }
}

import Foundation
import NewSearch

/// The progress `newsearch index` shows on standard error: on a terminal one line redrawn in place (files
/// done/total, articles/s, time left); otherwise, for logs, a plain line every few seconds.
final class IndexProgressReporter {
    /// Seconds between two lines when standard error is not a terminal.
    static let logInterval: TimeInterval = 2

    private let interactive: Bool
    private let started: Date
    private var lastLine: Date
    private var drawn = false
    private var phaseShown = false

    init(interactive: Bool, started: Date = Date()) {
        self.interactive = interactive
        self.started = started
        lastLine = started
    }

    /// Shows `progress`: redrawn on a terminal, printed when a log line is due otherwise.
    func report(_ progress: IndexProgress) {
        if let output = output(progress, now: Date()) { Terminal.printError(output, terminator: "") }
    }

    /// What to write to standard error for `progress` at `now`: the files' line (see ``output(done:total:now:)``),
    /// or once, when the run goes on to rank its frequent terms, a line that says so (they go fast; it stays until
    /// the summary).
    func output(_ progress: IndexProgress, now: Date) -> String? {
        switch progress.phase {
        case .articles:
            return output(done: progress.done, total: progress.total, now: now)
        case .frequentTerms:
            guard !phaseShown else { return nil }
            phaseShown = true
            drawn = interactive
            let line = "Ranking the first page of \(progress.total) frequent terms"
            return interactive ? "\r" + line + "\u{1B}[K" : line + "\n"
        }
    }

    /// What to write to standard error for `done` of `total` files at `now`: the redrawn line on a terminal, a
    /// line with its newline when a log line is due, nil otherwise.
    func output(done: Int, total: Int, now: Date) -> String? {
        if interactive {
            drawn = true
            return "\r" + line(done: done, total: total, now: now) + "\u{1B}[K"
        }
        guard now.timeIntervalSince(lastLine) >= Self.logInterval else { return nil }
        lastLine = now
        return line(done: done, total: total, now: now) + "\n"
    }

    /// Clears the redrawn line, before the summary.
    func finish() {
        if drawn { Terminal.printError("\r\u{1B}[K", terminator: "") }
    }

    /// `Indexing: 1024/19881 files, 3200 articles/s, 6 s left`.
    func line(done: Int, total: Int, now: Date) -> String {
        let seconds = now.timeIntervalSince(started)
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var parts = ["Indexing: \(done)/\(total) files"]
        if rate > 0 {
            parts.append(String(format: "%.0f articles/s", rate))
            parts.append(Self.duration(Double(total - done) / rate) + " left")
        }
        return parts.joined(separator: ", ")
    }

    /// `6 s`, `2 min 05 s`, `1 h 03 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return String(format: "%ld min %02ld s", whole / 60, whole % 60) }
        return String(format: "%ld h %02ld min", whole / 3600, whole % 3600 / 60)
    }
}

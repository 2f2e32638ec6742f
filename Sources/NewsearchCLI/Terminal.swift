import Foundation
import NewSearch

/// Facts about where output goes, to decide between colour and plain text.
enum Terminal {
    /// Whether standard output is a terminal that accepts colour: a TTY, with `NO_COLOR` unset or empty (a
    /// non-empty value disables colour, as no-color.org says) and `TERM` not `dumb`.
    static var stdoutSupportsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDOUT_FILENO) == 1, environment["NO_COLOR"]?.isEmpty ?? true else { return false }
        return environment["TERM"] != "dumb"
    }

    /// Whether standard error is a terminal, where progress lines may be redrawn.
    static var stderrIsInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes `text` to standard error.
    static func printError(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((text + terminator).utf8))
    }

    /// Writes `warning: …` to standard error, on one line: its control characters escaped (a warning may name the
    /// index file or quote the query).
    static func printWarning(_ warning: some CustomStringConvertible) {
        printError("warning: " + FileName.escapingControlCharacters(in: warning.description))
    }
}

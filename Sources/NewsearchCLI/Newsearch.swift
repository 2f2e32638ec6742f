import ArgumentParser
import Foundation
import NewSearch

@main
struct Newsearch: ParsableCommand {
    /// This release of the newsearch command.
    static let version = "0.3.0"

    static let configuration = CommandConfiguration(
        commandName: "newsearch",
        abstract: "Full-text search for Chinese news articles.",
        discussion: """
            Index folders of Markdown news posts (YAML front matter and an HTML body), then search them with \
            Chinese, English or mixed queries.

              newsearch index corpus/
              newsearch query 欠薪
              newsearch query 快递员 社会保险 --limit 3 --json
              newsearch stats

            The index is one SQLite file: \(IndexLocation.defaultPath) in the current folder, unless --index or \
            the NEWSEARCH_INDEX environment variable names another.

            \(ExitStatus.helpText)

            Shell completion: newsearch --generate-completion-script bash (or zsh, fish) prints a script; the \
            README says where to install it.
            """,
        version: versionText,
        subcommands: subcommands
    )

    /// The commands: `serve` only in a build with the package trait "Server" (`swift build --traits Server`).
    static var subcommands: [ParsableCommand.Type] {
        #if Server
        [IndexCommand.self, QueryCommand.self, AnalyzeCommand.self, StatsCommand.self, ServeCommand.self]
        #else
        [IndexCommand.self, QueryCommand.self, AnalyzeCommand.self, StatsCommand.self]
        #endif
    }

    /// What `--version` prints: this release, and the analysis the indexes it builds depend on.
    static var versionText: String {
        let stamp = AnalysisStamp.current(dictionary: .empty)
        return "newsearch \(version) (analyzer \(stamp.analyzerVersion), ICU \(stamp.icuVersion), "
            + "SQLite \(SearchIndex.sqliteVersion), \(stamp.normalization))"
    }

    /// Runs the command the arguments name, exiting with the statuses of ``ExitStatus``: help, version and
    /// completion scripts on standard output with 0, errors on standard error. The message of an error a command
    /// ran into (one line, which may name a file) has its control characters escaped; help and usage are as written.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = ExitStatus.code(for: error, of: self)
            let full = error is ExitCode ? "" : ErrorText.message(for: error) ?? fullMessage(for: error)
            let message = isArgumentParsers(error) ? full : FileName.escapingControlCharacters(in: full)
            if !message.isEmpty {
                if code == .success { print(message) } else { Terminal.printError(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// Whether `error` is one of swift-argument-parser's own (help, version, usage, a bad command line: text
    /// written over several lines on purpose), some of them internal to it (`help` throws its `CommandError`).
    private static func isArgumentParsers(_ error: Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}

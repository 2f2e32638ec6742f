import ArgumentParser

/// The exit statuses of `newsearch`, as grep and ripgrep have taught them.
enum ExitStatus {
    /// `query`: at least one hit; `index`: every article file indexed (or skipped as not an article).
    static let success = ExitCode(0)
    /// `query`: no hit; `index`: some article files failed (they are listed).
    static let incomplete = ExitCode(1)
    /// An error: the command could not do its work (a missing or foreign index, a query with nothing to search).
    static let error = ExitCode(2)

    /// The text of `--help` that states the statuses of `query` and `index`.
    static let helpText = """
        Exit status: query 0 with hits, 1 without, 2 on an error; query --stdin 0 when its input ends; index 0 \
        when every article file was indexed or skipped, 1 when some failed (they are listed), 2 when the run \
        could not complete. A command line that cannot be parsed exits \(ExitCode.validationFailure.rawValue), \
        as swift-argument-parser does.
        """

    /// The status for an error that ended a command: its own for `ExitCode`, help and usage errors, 2 otherwise.
    static func code(for error: Error, of command: Newsearch.Type) -> ExitCode {
        if let code = error as? ExitCode { return code }
        let code = command.exitCode(for: error)
        return code == .failure ? Self.error : code
    }
}

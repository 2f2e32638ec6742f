import ArgumentParser
import Foundation
import NewSearch

/// The `--index` option shared by every command, with the `NEWSEARCH_INDEX` environment variable as fallback.
struct IndexLocation: ParsableArguments {
    static let defaultPath = SearchIndex.defaultPath
    static let environmentVariable = "NEWSEARCH_INDEX"

    @Option(name: .long, help: ArgumentHelp(
        "The index file.",
        discussion: "Default: $\(environmentVariable) if set, else \(defaultPath) in the current folder.",
        valueName: "path"), completion: .file())
    var index: String?

    /// The index path in force: the option, else the environment variable, else the default.
    var path: String {
        if let index, !index.isEmpty { return index }
        if let fromEnvironment = ProcessInfo.processInfo.environment[Self.environmentVariable],
           !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return Self.defaultPath
    }
}

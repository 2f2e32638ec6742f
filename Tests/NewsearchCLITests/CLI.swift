import Foundation
import Testing

/// Runs the built `newsearch` binary, as a user would.
struct CLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder the command runs in.
    let directory: URL

    /// The project's `corpus/` folder, as a path.
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus").path

    /// The `newsearch` executable beside the test bundle in the build folder.
    static var executable: URL { built("newsearch") }

    /// The file `name` the build made, beside the test bundle in the build folder (`.build/debug/name` if none).
    static func built(_ name: String) -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0 ..< 4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/" + name)
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs commands in `directory`, an existing folder this value does not own.
    init(directory: URL) {
        self.directory = directory
    }

    /// A new folder holding an index of the project's `corpus/` (`newsearch.db`, or the file `index` names),
    /// built by the binary; the test fails when building it fails.
    static func withIndexedCorpus(index: String? = nil) throws -> CLI {
        let cli = try CLI()
        let indexed = try index.map { try cli.run("index", "--index", cli.directory.appendingPathComponent($0).path,
                                                  corpus) } ?? cli.run("index", corpus)
        #expect(indexed.status == 0, "\(indexed.stderr)")
        return cli
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A `newsearch arguments…` process in ``directory``, with `NEWSEARCH_INDEX` and `NO_COLOR` unset unless
    /// `environment` sets them.
    func process(_ arguments: [String], environment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        variables["NEWSEARCH_INDEX"] = nil
        variables["NO_COLOR"] = nil
        process.environment = variables.merging(environment) { $1 }
        return process
    }

    /// Runs `newsearch arguments…` with `NEWSEARCH_INDEX` unset unless `environment` sets it.
    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:], input: String? = nil) throws -> Output {
        try Self.collect(process(arguments, environment: environment), input: input)
    }
}

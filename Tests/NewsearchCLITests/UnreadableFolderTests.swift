import Foundation
import Testing

/// A folder that cannot be read at the second `newsearch index` is reported as failed and its articles are kept,
/// not removed as if their files were gone.
///
/// Root reads any folder whatever its mode, so when the tests run as root the binary runs as `nobody`, through
/// `setpriv` or `runuser`; as any other user it runs directly.
@Suite struct UnreadableFolderTests {
    /// The command and arguments put before the `newsearch` binary: none when not root, a drop to `nobody` when
    /// root, `nil` when root and no tool for that exists.
    static let prefix: [String]? = {
        guard getuid() == 0 else { return [] }
        let tools: [(path: String, arguments: [String])] = [
            ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups"]),
            ("/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups"]),
            ("/usr/sbin/runuser", ["-u", "nobody", "--"]),
            ("/sbin/runuser", ["-u", "nobody", "--"]),
        ]
        return tools.first { FileManager.default.isExecutableFile(atPath: $0.path) }.map { [$0.path] + $0.arguments }
    }()

    /// Whether `newsearch` can run as a user for whom a folder of mode 000 is unreadable.
    static let canDropPrivileges = prefix != nil

    /// The corpus files copied in: two under `news/a`, two under `news/b` (about Egypt: 埃及).
    static let articles = [
        "a": ["000_seed.md", "20120702-110613_xwlb_20120702_01_VIDE1355098166246193.md"],
        "b": ["20120707-133423_xwlb_20120707_11_VIDE1355098168883219.md",
              "20120710-113128_xwlb_20120710_19_VIDE1355098169872566.md"],
    ]

    /// Runs `newsearch arguments…` in `folder` as the unprivileged user.
    private func run(_ arguments: String..., in folder: URL) throws -> CLI.Output {
        let command = try #require(Self.prefix) + [CLI.executable.path] + arguments
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = folder
        var variables = ProcessInfo.processInfo.environment
        variables["NEWSEARCH_INDEX"] = nil
        process.environment = variables
        return try CLI.collect(process, input: nil)
    }

    /// Every article path in the index, sorted (a query with only a negated term matches every article).
    private func allPaths(in folder: URL) throws -> [String] {
        let output = try run("query", "--format", "paths", "--limit", "0", "--", "-龘龘龘", in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init).sorted()
    }

    private func setMode(_ mode: Int, of path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test(.enabled(if: canDropPrivileges,
                   "running as root with neither setpriv nor runuser to drop privileges: no folder can be made unreadable"))
    func anUnreadableFolderKeepsItsArticlesAndIsReportedAsFailed() throws {
        let cli = try CLI()
        let folder = cli.directory
        let news = folder.appendingPathComponent("news").path
        defer {
            try? setMode(0o755, of: news)
            try? setMode(0o755, of: news + "/b")
            cli.remove()
        }
        try setMode(0o777, of: folder.path)
        for (sub, names) in Self.articles {
            try FileManager.default.createDirectory(atPath: news + "/" + sub, withIntermediateDirectories: true)
            for name in names {
                try FileManager.default.copyItem(atPath: CLI.corpus + "/" + name, toPath: news + "/" + sub + "/" + name)
            }
        }
        let expected = Self.articles.flatMap { sub, names in names.map { "news/\(sub)/\($0)" } }.sorted()

        let first = try run("index", "news", in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("(4 new, 0 updated)"), "\(first.stdout)")
        #expect(try allPaths(in: folder) == expected)

        try setMode(0o000, of: news + "/b")
        let second = try run("index", "news", in: folder)
        #expect(second.status == 1, "a failed folder makes the run exit 1: \(second.stderr)")
        #expect(second.stdout.contains("unchanged: 2, removed: 0, skipped: 0, failed: 1"), "\(second.stdout)")
        #expect(second.stdout.contains(
            "news/b: cannot read the folder: Permission denied (its articles indexed before are kept)"), "\(second.stdout)")
        #expect(try allPaths(in: folder) == expected)
        let egypt = try run("query", "埃及", "--format", "paths", in: folder)
        #expect(egypt.stdout.contains("news/b/20120710-113128_xwlb_20120710_19_VIDE1355098169872566.md"))

        try setMode(0o755, of: news + "/b")
        try setMode(0o000, of: news)
        let third = try run("index", "news", in: folder)
        #expect(third.status == 1, "a failed folder makes the run exit 1: \(third.stderr)")
        #expect(third.stdout.contains("unchanged: 0, removed: 0, skipped: 0, failed: 1"), "\(third.stdout)")
        #expect(third.stdout.contains(
            "news: cannot read the folder: Permission denied (its articles indexed before are kept)"), "\(third.stdout)")
        #expect(try allPaths(in: folder) == expected)

        try setMode(0o755, of: news)
        let fourth = try run("index", "news", in: folder)
        #expect(fourth.status == 0, "\(fourth.stderr)")
        #expect(fourth.stdout.contains("unchanged: 4, removed: 0, skipped: 0, failed: 0"), "\(fourth.stdout)")
    }
}

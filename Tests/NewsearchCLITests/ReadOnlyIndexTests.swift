import Foundation
import Testing

/// An index built by one user and queried by another who cannot write it (its file, or its folder, where WAL
/// would need its `-shm` file): queries answer and change nothing; `index` says in a sentence that it cannot write.
@Suite(.enabled(if: UnreadableFolderTests.canDropPrivileges, "needs setpriv or runuser to drop root's privileges"))
struct ReadOnlyIndexTests {
    private let cli: CLI
    private let folder: URL
    private let index: URL

    init() throws {
        cli = try CLI()
        folder = cli.directory.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("news"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.corpus + "/000_seed.md",
                                         toPath: folder.appendingPathComponent("news/000_seed.md").path)
        index = folder.appendingPathComponent("news.db")
        let built = try cli.run("index", "--index", index.path, folder.appendingPathComponent("news").path)
        #expect(built.status == 0, "\(built.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: cli.directory.path)
    }

    /// Runs `newsearch arguments…` as the unprivileged user.
    private func runAsOtherUser(_ arguments: String...) throws -> CLI.Output {
        let command = try #require(UnreadableFolderTests.prefix) + [CLI.executable.path] + arguments
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        return try CLI.collect(process, input: nil)
    }

    private func sideFiles() -> [String] {
        ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: index.path + $0) }
    }

    @Test(arguments: [(file: 0o444, folder: 0o555), (file: 0o444, folder: 0o777), (file: 0o644, folder: 0o555)])
    func queriesAnswerAndChangeNothing(modes: (file: Int, folder: Int)) throws {
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            cli.remove()
        }
        try FileManager.default.setAttributes([.posixPermissions: modes.file], ofItemAtPath: index.path)
        try FileManager.default.setAttributes([.posixPermissions: modes.folder], ofItemAtPath: folder.path)
        let before = try Data(contentsOf: index)
        let query = try runAsOtherUser("query", "--index", index.path, "欠薪")
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains("快递员"), "\(query.stdout)")
        let stats = try runAsOtherUser("stats", "--index", index.path)
        #expect(stats.status == 0, "\(stats.stderr)")
        let reindex = try runAsOtherUser("index", "--index", index.path, folder.appendingPathComponent("news").path)
        #expect(reindex.status == 2)
        #expect(reindex.stderr.contains("cannot write the index at \(index.path)"), "\(reindex.stderr)")
        #expect(!reindex.stderr.contains("SQLite"), "\(reindex.stderr)")
        #expect(try Data(contentsOf: index) == before)
        #expect(sideFiles().isEmpty, "no -wal, -shm or -journal file was made")
    }
}

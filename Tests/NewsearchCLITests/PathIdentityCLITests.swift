import Foundation
import Testing

/// One article per file however its folder is typed and from wherever `index` runs (issue 9, item 4).
@Suite struct PathIdentityCLITests {
    /// A folder with `news/` (a few articles), `sub/` and `link` → `news`.
    private static func project() throws -> CLI {
        let cli = try CLI()
        let files = FileManager.default
        let news = cli.directory.appendingPathComponent("news")
        try files.createDirectory(at: news, withIntermediateDirectories: true)
        try files.createDirectory(at: cli.directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let sample = try files.contentsOfDirectory(atPath: CLI.corpus).sorted().prefix(12)
        for name in sample {
            try files.copyItem(atPath: CLI.corpus + "/" + name, toPath: news.appendingPathComponent(name).path)
        }
        try files.createSymbolicLink(atPath: cli.directory.appendingPathComponent("link").path, withDestinationPath: "news")
        return cli
    }

    private static func total(_ cli: CLI, index: String, query: String) throws -> Int {
        let output = try cli.run("query", "--json", "--index", index, query)
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        return object?["total"] as? Int ?? -1
    }

    @Test func theSameFolderTypedAnyWayFromAnywhereIsOneSetOfArticles() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        let index = cli.directory.appendingPathComponent("newsearch.db").path
        #expect(try cli.run("index", "news").status == 0)
        let queries = ["新闻", "中国", "联播"]
        let totals = try queries.map { try Self.total(cli, index: index, query: $0) }
        #expect(totals.allSatisfy { $0 > 0 }, "\(totals)")
        let elsewhere = CLI(directory: cli.directory.appendingPathComponent("sub"))
        let root = CLI(directory: URL(fileURLWithPath: "/"))
        let runs: [(CLI, [String])] = [
            (elsewhere, ["index", "--index", "../newsearch.db", "../news/"]),
            (root, ["index", "--index", index, cli.directory.path + "/./news//"]),
            (cli, ["index", "link"]),
            (CLI(directory: URL(fileURLWithPath: NSTemporaryDirectory())), ["index", "--index", index, cli.directory.path + "/news"]),
        ]
        for (runner, arguments) in runs {
            let output = try CLI.collect(runner.process(arguments), input: nil)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            #expect(output.stdout.contains("(0 new, 0 updated)"), "\(arguments): \(output.stdout)")
            #expect(output.stdout.contains("removed: 0"), "\(arguments): \(output.stdout)")
            #expect(try queries.map { try Self.total(cli, index: index, query: $0) } == totals, "\(arguments)")
        }
    }

    @Test func printedPathsExistFromTheFolderTheQueryRunsIn() throws {
        let cli = try Self.project()
        defer { cli.remove() }
        let index = cli.directory.appendingPathComponent("newsearch.db").path
        #expect(try cli.run("index", "news").status == 0)
        for folder in [cli.directory, cli.directory.appendingPathComponent("sub"),
                       cli.directory.appendingPathComponent("news"), URL(fileURLWithPath: "/")] {
            let output = try CLI(directory: folder).run("query", "--index", index, "--format", "paths", "--limit", "0", "新闻")
            let paths = output.stdout.split(separator: "\n").map(String.init)
            #expect(output.status == 0 && !paths.isEmpty, "\(folder.path): \(output.stderr)")
            for path in paths {
                let resolved = path.hasPrefix("/") ? path : folder.path + "/" + path
                #expect(FileManager.default.fileExists(atPath: resolved), "\(path) from \(folder.path)")
            }
            // Under the folder (`/` included), paths are relative to it, as grep and git print them.
            let under = folder.lastPathComponent != "sub"
            #expect(paths.allSatisfy { $0.hasPrefix("/") != under }, "\(folder.path): \(paths.prefix(2))")
        }
    }
}

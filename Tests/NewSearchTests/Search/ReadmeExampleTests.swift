import Foundation
import Testing
import NewSearch

/// The README's library example, compiled and run; a second test checks the README still shows this very code.
@Suite struct ReadmeExampleTests {
    /// Set in the child process that runs the example in a folder of its own.
    private static let childVariable = "NEWSEARCH_README_EXAMPLE_FOLDER"

    /// Runs the example in a child process (this test binary, filtered to ``theExampleRunsInItsFolder()``) whose
    /// working directory is a new folder holding a link to `corpus/`: the example uses relative paths, and changing
    /// this process's working directory would race with every other test that indexes a folder.
    @Test func theExampleRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpus").path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("corpus").path,
                                                   withDestinationPath: corpus)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "theExampleRunsInItsFolder"]
        child.currentDirectoryURL = folder
        child.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: folder.path]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = output
        try child.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(child.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("app://42"), "the example printed its hits: \(printed)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("news.db").path))
    }

    /// The example itself, in the folder the parent test made (and only there: it is off in a normal run).
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func theExampleRunsInItsFolder() throws {
        let results = try example()
        #expect(results.hits.contains { $0.path == "app://42" })
    }

    private func example() throws -> SearchResults {
        // README example begins
        let index = try SearchIndex(path: "news.db")          // created when missing
        let report = try index.index(["corpus"])              // folders of posts; run again to update
        print("\(report.added) new, \(report.failed.count) failed")

        try index.add(Article(title: "外卖骑手的社保", body: "平台为外卖骑手缴纳社会保险。"), path: "app://42")

        let results = try index.search("社会保险 -广告", options: SearchOptions(limit: 5, sort: .relevance))
        for hit in results.hits {
            print(hit.title.text, hit.path, hit.score)
            print(hit.snippet.html)                            // escaped, matches in <mark>…</mark>
        }
        // README example ends
        return results
    }

    @Test func theReadmeShowsThisCode() throws {
        let here = URL(fileURLWithPath: #filePath)
        let readme = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let markdown = try String(contentsOf: readme, encoding: .utf8)
        let block = try #require(markdown.components(separatedBy: "```swift\nimport NewSearch\n\n").dropFirst().first?
            .components(separatedBy: "\n```").first)
        let source = try String(contentsOf: here, encoding: .utf8)
        let body = try #require(source.components(separatedBy: "// README example begins\n").dropFirst().first?
            .components(separatedBy: "        // README example ends").first)
        let unindented = body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }.joined(separator: "\n")
        #expect(unindented.trimmingCharacters(in: .newlines) == block.trimmingCharacters(in: .newlines))
    }
}

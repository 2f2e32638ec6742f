import Foundation
import Testing
import NewSearch

/// The README's library example, compiled and run; a second test checks the README still shows this very code.
@Suite struct ReadmeExampleTests {
    @Test func theExampleRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpus").path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("corpus").path,
                                                   withDestinationPath: corpus)
        // The example uses relative paths, so it runs in its own folder; no other test depends on the working
        // directory (they all use absolute paths), so changing it for a moment is safe under parallel testing.
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
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
            print(hit.snippet.rendered(open: "<mark>", close: "</mark>"))
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

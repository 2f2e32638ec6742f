import Foundation
@testable import NewSearch

/// The article files under `Fixtures/`: the quirk files of the corpus notes, copied byte for byte.
enum Fixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func article(_ name: String) throws -> Article {
        try ArticleParser.parse(bytes(name), fileName: name)
    }

    /// `text` as an article file's bytes.
    static func parse(_ text: String, fileName: String = "post.md") throws -> Article {
        try ArticleParser.parse(Array(text.utf8), fileName: fileName)
    }

    static func iso(_ date: Date?) -> String? {
        date.map { $0.formatted(Date.ISO8601FormatStyle()) }
    }
}

/// A folder in the temporary directory, removed when the value is released.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("newsearch-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `contents` at `relative` inside the folder, creating folders as needed; returns the full path.
    @discardableResult
    func write(_ relative: String, _ contents: some DataProtocol) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }
}

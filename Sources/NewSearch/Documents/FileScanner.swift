import Foundation

/// Lists the files under a folder for indexing: recursively, in path order, hidden files and folders left out.
enum FileScanner {
    /// The file extensions read as articles.
    static let articleExtensions: Set<String> = ["md", "markdown"]

    /// `root` written the way paths are stored: `./a//b/` becomes `a/b`.
    static func normalized(_ root: String) -> String {
        let standardized = (root as NSString).standardizingPath
        return standardized.isEmpty ? "." : standardized
    }

    /// The regular files under `root` (or `root` itself when it is a file), each as `root/relative/path`.
    /// - Throws: ``SearchError/notFound(_:)`` when `root` does not exist.
    static func files(under root: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw SearchError.notFound(root)
        }
        guard isDirectory.boolValue else { return [root] }
        var files: [String] = []
        DirectoryWalker.forEachFile(under: root) { files.append($0) }
        return files.sorted()
    }

    /// Whether `path` names a Markdown file.
    static func isArticleFile(_ path: String) -> Bool {
        articleExtensions.contains((path as NSString).pathExtension.lowercased())
    }
}

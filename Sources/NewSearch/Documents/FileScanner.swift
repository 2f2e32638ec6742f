import Foundation

/// Lists the files under a folder for indexing: recursively, in path order, hidden files and folders left out.
enum FileScanner {
    /// The file extensions read as articles.
    static let articleExtensions: Set<String> = ["md", "markdown"]

    /// `root` written the way paths are stored, so that one folder is one set of paths however it is typed:
    /// relative to the current folder when inside it (`./a//b/`, `a/b` and `$PWD/a/b` all become `a/b`; the current
    /// folder itself is `.`), absolute otherwise, with `.` and `..` resolved.
    static func normalized(_ root: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        let absolute = root.hasPrefix("/") ? root : current + "/" + root
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        if standardized == current { return "." }
        if standardized.hasPrefix(current + "/") { return String(standardized.dropFirst(current.count + 1)) }
        return standardized
    }

    /// Whether the stored `path` lies under the normalized `root`.
    static func path(_ path: String, isUnder root: String) -> Bool {
        if root == "." { return !path.hasPrefix("/") }
        return path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
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

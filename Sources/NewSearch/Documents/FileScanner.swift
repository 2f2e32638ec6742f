import Foundation

/// Lists the files under a folder for indexing: recursively, in path order, hidden files and folders left out, links
/// that lead out of the folders being indexed skipped unless asked for.
enum FileScanner {
    /// The file extensions read as articles.
    static let articleExtensions: Set<String> = ["md", "markdown"]

    /// `root` as the identity stored paths start with: absolute, with `.`, `..` and symbolic links resolved, so
    /// that one folder is one set of paths however it is typed and from wherever `index` runs (`./a//b/`, `a/b`,
    /// `$PWD/a/b` and a link to it all become `/…/a/b`).
    static func canonical(_ root: String) -> String {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        let resolved = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.isEmpty ? "/" : resolved
    }

    /// Whether the stored `path` lies under the canonical `root`.
    static func path(_ path: String, isUnder root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// What a scan of one root found: the files to read, and the folders that could not be read.
    struct Scan {
        /// The regular files, and the links to files that are followed, each as `root/relative/path`, in path order.
        var files: [String] = []
        /// The folders that could not be opened (`root` itself among them when it is one), each with the system's
        /// reason (`Permission denied`), in path order: what lies under them is unknown, not gone.
        var unreadable: [(path: String, reason: String)] = []
        /// Entries that are no regular files (FIFOs, devices, sockets, links to them), links that lead outside the
        /// roots and are not followed, and entries whose names are not UTF-8, with the reason: skipped, never opened.
        var skipped: [(path: String, reason: String)] = []
    }

    /// Scans each of `roots`, one ``Scan`` a root, in their order.
    ///
    /// A symbolic link whose target lies under one of `roots` is followed as any file is (a link to a folder is
    /// left alone: the folder is scanned as part of its root); one that leads outside them, to a file or a folder,
    /// is skipped and listed with its target, unless `followLinks`, which reads the file or walks the folder under
    /// the link's path (`rg -L`). A root that is itself a link is followed: it was named.
    /// - Parameters:
    ///   - roots: the folders and files to index, canonical (see ``canonical(_:)``).
    ///   - followLinks: follow links that lead outside `roots` too.
    /// - Throws: ``DocumentError/notFound(_:)`` when a root does not exist.
    static func scan(_ roots: [String], followLinks: Bool = false) throws -> [Scan] {
        let links = DirectoryWalker.Links(roots: roots.map(canonical), followsLinksOut: followLinks)
        return try roots.map { try scan(under: $0, links: links) }
    }

    /// The regular files under `root` (or `root` itself when it is a file), and the folders below it that could
    /// not be read; links that lead outside `root` are skipped.
    /// - Throws: ``DocumentError/notFound(_:)`` when `root` does not exist.
    static func scan(under root: String) throws -> Scan {
        try scan([root])[0]
    }

    /// The regular files under `root` (or `root` itself when it is a file), each as `root/relative/path`; folders
    /// that cannot be read are left out, so use ``scan(under:)`` wherever a missing file means a removed one.
    /// - Throws: ``DocumentError/notFound(_:)`` when `root` does not exist.
    static func files(under root: String) throws -> [String] {
        try scan(under: root).files
    }

    /// One root, its links judged by `links`.
    private static func scan(under root: String, links: DirectoryWalker.Links) throws -> Scan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw DocumentError.notFound(root)
        }
        guard isDirectory.boolValue else {
            if let reason = DirectoryWalker.notRegularFile(root) { return Scan(skipped: [(root, reason)]) }
            return Scan(files: [root])
        }
        let found = DirectoryWalker.walk(root, links: links)
        return Scan(files: found.files.sorted(), unreadable: found.unreadable.sorted { $0.path < $1.path },
                    skipped: found.skipped.sorted { $0.path < $1.path })
    }

    /// Whether `path` names a Markdown file.
    static func isArticleFile(_ path: String) -> Bool {
        articleExtensions.contains(FileName.pathExtension(of: FileName.of(path)).lowercased())
    }
}

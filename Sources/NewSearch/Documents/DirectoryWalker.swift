import Glibc

/// Walks a folder tree with `opendir`/`readdir`, reading each entry's type from the directory itself (`d_type`)
/// rather than with a `stat` per file: the one file of the documents layer that makes system calls.
enum DirectoryWalker {
    /// Calls `visit` with the path of every regular file (or link to one) below `root`, in no particular order;
    /// entries whose name starts with a dot, and the folders below them, are left out, and so are links to folders.
    static func forEachFile(under root: String, _ visit: (String) -> Void) {
        var folders = [root]
        while let folder = folders.popLast() {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = folder == "." ? name : folder == "/" ? "/" + name : folder + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): folders.append(path)
                case Int32(DT_REG): visit(path)
                default: classify(path, folders: &folders, visit: visit)
                }
            }
        }
    }

    /// Links and entries of unknown type: a folder is walked, a file or a link to a file visited; a link to a
    /// folder is not followed, so that a link to an ancestor cannot make the walk endless.
    private static func classify(_ path: String, folders: inout [String], visit: (String) -> Void) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: folders.append(path)
        case S_IFREG: visit(path)
        case S_IFLNK:
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { visit(path) }
        default: return
        }
    }
}

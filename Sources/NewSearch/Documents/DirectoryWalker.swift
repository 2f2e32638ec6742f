#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a folder tree with `opendir`/`readdir`, reading each entry's type from the directory itself (`d_type`)
/// rather than with a `stat` per file: the one file of the documents layer that makes system calls.
enum DirectoryWalker {
    /// Calls `visit` with the path of every regular file (or link to one) below `root`, in no particular order;
    /// entries whose name starts with a dot, and the folders below them, are left out, and so are links to folders.
    /// - Returns: the folders (and entries of unknown type) that could not be read, each with the system's reason
    ///   (`Permission denied`), `root` itself among them when it cannot be opened; what lies under them is unknown,
    ///   not gone. A folder that vanished during the walk is not among them.
    @discardableResult
    static func forEachFile(under root: String, _ visit: (String) -> Void) -> [(path: String, reason: String)] {
        var unreadable: [(path: String, reason: String)] = []
        var folders = [root]
        while let folder = folders.popLast() {
            guard let directory = opendir(folder) else {
                let code = errno
                if code != ENOENT && code != ENOTDIR { unreadable.append((folder, reason(code))) }
                continue
            }
            defer { closedir(directory) }
            while true {
                errno = 0
                guard let entry = readdir(directory) else {
                    if errno != 0 { unreadable.append((folder, reason(errno))) }
                    break
                }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = folder == "." ? name : folder == "/" ? "/" + name : folder + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): folders.append(path)
                case Int32(DT_REG): visit(path)
                default: classify(path, folders: &folders, unreadable: &unreadable, visit: visit)
                }
            }
        }
        return unreadable
    }

    /// Links and entries of unknown type: a folder is walked, a file or a link to a file visited; a link to a
    /// folder is not followed, so that a link to an ancestor cannot make the walk endless. An entry whose type
    /// cannot be read (other than because it vanished) is added to `unreadable`.
    private static func classify(_ path: String, folders: inout [String],
                                 unreadable: inout [(path: String, reason: String)], visit: (String) -> Void) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            let code = errno
            if code != ENOENT && code != ENOTDIR { unreadable.append((path, reason(code))) }
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: folders.append(path)
        case S_IFREG: visit(path)
        case S_IFLNK:
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { visit(path) }
        default: return
        }
    }

    /// The system's text for the error number `code`, such as `Permission denied`.
    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

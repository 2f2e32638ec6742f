import Foundation
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
    /// - Parameter skip: called with each entry that is no regular file (a FIFO, a device, a socket, a link to one
    ///   of them) and each whose name is not UTF-8 (shown with its bytes escaped), with the reason; none is opened.
    @discardableResult
    static func forEachFile(under root: String, _ visit: (String) -> Void,
                            skip: (String, String) -> Void = { _, _ in }) -> [(path: String, reason: String)] {
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
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
                guard bytes.first != UInt8(ascii: ".") else { continue }
                let join = { (name: String) in folder == "." ? name : folder == "/" ? "/" + name : folder + "/" + name }
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    skip(join(escaped(bytes)), "the file name is not UTF-8 (shown with its bytes escaped): not read")
                    continue
                }
                let path = join(name)
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): folders.append(path)
                case Int32(DT_REG): visit(path)
                default: classify(path, folders: &folders, unreadable: &unreadable, visit: visit, skip: skip)
                }
            }
        }
        return unreadable
    }

    /// Links and entries of unknown type: a folder is walked, a file or a link to a file visited; a link to a
    /// folder is not followed, so that a link to an ancestor cannot make the walk endless. An entry whose type
    /// cannot be read (other than because it vanished) is added to `unreadable`.
    private static func classify(_ path: String, folders: inout [String],
                                 unreadable: inout [(path: String, reason: String)], visit: (String) -> Void,
                                 skip: (String, String) -> Void) {
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
            guard stat(path, &status) == 0 else { return }
            switch status.st_mode & S_IFMT {
            case S_IFREG: visit(path)
            case S_IFDIR: return
            default: skip(path, "a link to \(kindName(status.st_mode)), not a regular file: not read")
            }
        default: skip(path, "\(kindName(status.st_mode)), not a regular file: not read")
        }
    }

    /// Why the file at `path` cannot be read as an article without opening it, or nil when it is a regular file
    /// (or a link to one).
    static func notRegularFile(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let type = status.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFDIR ? nil : "\(kindName(status.st_mode)), not a regular file: not read"
    }

    /// `a FIFO`, `a device`, … for a file mode.
    private static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// A file name's bytes with every byte that is not printable ASCII written `\xNN`.
    private static func escaped(_ bytes: [UInt8]) -> String {
        bytes.map { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }
            .joined()
    }

    /// The system's text for the error number `code`, such as `Permission denied` (``FileReader`` reports with it too).
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a folder tree with `opendir`/`readdir`, reading each entry's type from the directory itself (`d_type`)
/// rather than with a `stat` per file: the one file of the documents layer that makes system calls.
enum DirectoryWalker {
    /// Which symbolic links a walk follows. A link whose target (with every link on the way resolved) lies under
    /// one of ``roots`` is *inside*: a link to a file is read under the link's own path, a link to a folder is left
    /// alone (the folder is walked as part of its root). A link that leads *outside* is skipped and listed, unless
    /// ``followsLinksOut``: then a file is read and a folder walked, each under the link's path, as `rg -L` does.
    struct Links {
        /// The canonical folders (or files) being indexed (see ``FileScanner/canonical(_:)``).
        var roots: [String]
        /// Whether links that lead outside ``roots`` are followed rather than skipped.
        var followsLinksOut = false

        /// Whether the canonical path `target` lies under one of ``roots``.
        func isInside(_ target: String) -> Bool {
            roots.contains { FileScanner.path(target, isUnder: $0) }
        }
    }

    /// A file or folder met on the walk: `path` as it is listed (under the root), and, for one outside the roots
    /// (reached through a followed link to a folder), its canonical path; nil inside the roots.
    private struct Entry {
        var path: String
        var outside: String?

        /// The entry `name` of this folder.
        func child(_ name: String) -> Entry {
            Entry(path: DirectoryWalker.join(path, name), outside: outside.map { DirectoryWalker.join($0, name) })
        }
    }

    /// One walk: the folders still to read, and what it found so far.
    private struct Walk {
        let links: Links
        var folders: [Entry]
        var found = FileScanner.Scan()
        /// The canonical paths of the folders outside the roots pushed so far: a link back to one of them (a loop,
        /// or a second link to the same folder) is not walked again.
        var walkedOutside: Set<String> = []

        /// Reads `folder` later, unless it lies outside the roots and is itself inside them (indexed there) or
        /// was pushed already.
        mutating func push(_ folder: Entry) {
            if let outside = folder.outside {
                guard !links.isInside(outside), walkedOutside.insert(outside).inserted else { return }
            }
            folders.append(folder)
        }

        /// Lists the file (or link to one) `file`, unless it lies outside the roots and is itself inside them
        /// (indexed there).
        mutating func list(_ file: Entry) {
            if let outside = file.outside, links.isInside(outside) { return }
            found.files.append(file.path)
        }

        mutating func skip(_ path: String, _ reason: String) {
            found.skipped.append((path, reason))
        }

        mutating func unreadable(_ path: String, _ code: Int32) {
            found.unreadable.append((path, DirectoryWalker.reason(code)))
        }
    }

    /// The regular files below `root`, and the links to files that `links` follows, in no particular order;
    /// entries whose name starts with a dot, and the folders below them, are left out. Folders reached through
    /// followed links are walked at most once each, so a link to an ancestor cannot make the walk endless.
    ///
    /// The scan's `unreadable` are the folders (and entries of unknown type) that could not be read, each with the
    /// system's reason (`Permission denied`), `root` itself among them when it cannot be opened; what lies under
    /// them is unknown, not gone. A folder that vanished during the walk is not among them. Its `skipped` are the
    /// entries that are no regular file (a FIFO, a device, a socket, a link to one of them), the links that lead
    /// outside the roots and are not followed, and the entries whose name is not UTF-8 (their bytes shown escaped
    /// in the reason), each with the reason; none is opened.
    static func walk(_ root: String, links: Links) -> FileScanner.Scan {
        var walk = Walk(links: links, folders: [Entry(path: root, outside: nil)])
        while let folder = walk.folders.popLast() { read(folder, &walk) }
        return walk.found
    }

    /// Classifies every entry of `folder`: subfolders pushed, files listed, the rest handed to `classify`.
    private static func read(_ folder: Entry, _ walk: inout Walk) {
        guard let directory = opendir(folder.path) else {
            let code = errno
            if code != ENOENT && code != ENOTDIR { walk.unreadable(folder.path, code) }
            return
        }
        defer { closedir(directory) }
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { walk.unreadable(folder.path, errno) }
                return
            }
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            guard bytes.first != UInt8(ascii: ".") else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                walk.skip(join(folder.path, String(decoding: bytes, as: UTF8.self)),
                          "the name is not UTF-8: \(FileName.quoted(bytes: bytes)); not read")
                continue
            }
            let child = folder.child(name)
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): walk.push(child)
            case Int32(DT_REG): walk.list(child)
            default: classify(child, &walk)
            }
        }
    }

    /// Links and entries of unknown type: a folder is walked, a file listed, a link handed to `follow`. An entry
    /// whose type cannot be read (other than because it vanished) is listed as unreadable.
    private static func classify(_ entry: Entry, _ walk: inout Walk) {
        var status = stat()
        guard lstat(entry.path, &status) == 0 else {
            let code = errno
            if code != ENOENT && code != ENOTDIR { walk.unreadable(entry.path, code) }
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: walk.push(entry)
        case S_IFREG: walk.list(entry)
        case S_IFLNK: follow(entry, &walk)
        default: walk.skip(entry.path, "\(kindName(status.st_mode)), not a regular file: not read")
        }
    }

    /// The link `link`: to a file, listed when inside the roots or followed; to a folder, walked when outside
    /// and followed; skipped with the reason when it leads outside and is not followed, or to a special file. A
    /// dangling link is left out.
    private static func follow(_ link: Entry, _ walk: inout Walk) {
        var status = stat()
        guard stat(link.path, &status) == 0, let target = canonicalTarget(link.path) else { return }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFDIR else {
            walk.skip(link.path, "a link to \(kindName(status.st_mode)), not a regular file: not read")
            return
        }
        let isFolder = type == S_IFDIR, path = String(decoding: target, as: UTF8.self)
        if walk.links.isInside(path) {
            // A folder inside the roots is walked as part of its root, not a second time through the link.
            if !isFolder { walk.list(link) }
        } else if walk.links.followsLinksOut {
            if isFolder { walk.push(Entry(path: link.path, outside: path)) } else { walk.list(link) }
        } else {
            walk.skip(link.path, "a link to a \(isFolder ? "folder" : "file") outside the indexed folders: "
                                 + "\(FileName.quoted(bytes: target)); not followed without --follow")
        }
    }

    /// The bytes of the canonical path of what the link at `path` leads to, every link on the way resolved; nil
    /// when it cannot be resolved.
    private static func canonicalTarget(_ path: String) -> [UInt8]? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// `name` in the folder `folder`.
    private static func join(_ folder: String, _ name: String) -> String {
        folder == "." ? name : folder == "/" ? "/" + name : folder + "/" + name
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

    /// The system's text for the error number `code`, such as `Permission denied` (``FileReader`` reports with it too).
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

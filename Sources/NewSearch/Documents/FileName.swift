/// The parts of a file's name, found on its UTF-8 bytes: what Foundation's `NSString` path methods give for the
/// plain paths the scanner lists, at a fraction of their cost (they ran for every file of every index run).
enum FileName {
    /// The last component of `path`: `000_seed.md` for `corpus/000_seed.md`.
    static func of(_ path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// The extension of the file name `name`, without its dot: `md` for `000_seed.md`; empty when the name has
    /// none, or only a leading dot (`.md` is a hidden file's whole name).
    static func pathExtension(of name: Substring) -> Substring {
        guard let dot = extensionDot(in: name) else { return name[name.endIndex...] }
        return name[name.utf8.index(after: dot)...]
    }

    /// `name` without its extension and dot: `000_seed` for `000_seed.md`.
    static func stem(of name: Substring) -> Substring {
        guard let dot = extensionDot(in: name) else { return name }
        return name[..<dot]
    }

    private static func extensionDot(in name: Substring) -> String.Index? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return nil }
        return dot
    }
}

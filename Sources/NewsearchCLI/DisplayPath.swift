import Foundation
import NewSearch

/// How the CLI shows a stored path: relative to the current folder when under it, as grep and git do, else
/// absolute as stored, so that every printed path names the file from where the command runs; and, in text for
/// people and scripts, quoted as git quotes names that hold control characters (``quoted(_:)``).
enum DisplayPath {
    /// The current folder, with symbolic links resolved like the stored paths (see `FileScanner.canonical`).
    private static let folders: [String] = {
        let current = FileManager.default.currentDirectoryPath
        let resolved = URL(fileURLWithPath: current).resolvingSymlinksInPath().path
        return resolved == current ? [current] : [resolved, current]
    }()

    /// `path` as every text output prints it (hit lists, `--format paths`, the index summary, messages): relative
    /// as ``relative(_:)`` makes it, then unchanged when it is an ordinary name, else in double quotes with C escapes
    /// (`"news/a\nb.md"`, `"news/\033[31m.md"`), so that one name is one line and reaches no terminal as a control
    /// sequence (see `FileName.quoted(_:)`). JSON output uses ``relative(_:)``: JSON escapes its strings itself.
    static func quoted(_ path: String) -> String {
        FileName.quoted(relative(path))
    }

    /// `path` relative to the current folder when it lies under it; other paths (and app-given keys such as
    /// `app://42`) as they are.
    static func relative(_ path: String) -> String {
        relative(path, under: folders)
    }

    /// `path` relative to the first of `folders` it lies under (`.` for a folder itself); other paths (and
    /// app-given keys such as `app://42`) as they are.
    static func relative(_ path: String, under folders: [String]) -> String {
        guard path.hasPrefix("/") else { return path }
        for folder in folders {
            if path == folder { return "." }
            let prefix = folder == "/" ? "/" : folder + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        return path
    }
}

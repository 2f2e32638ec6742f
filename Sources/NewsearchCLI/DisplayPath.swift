import Foundation

/// How the CLI shows a stored path: relative to the current folder when under it, as grep and git do, else
/// absolute as stored, so that every printed path names the file from where the command runs.
enum DisplayPath {
    /// The current folder, with symbolic links resolved like the stored paths (see `FileScanner.canonical`).
    private static let folders: [String] = {
        let current = FileManager.default.currentDirectoryPath
        let resolved = URL(fileURLWithPath: current).resolvingSymlinksInPath().path
        return resolved == current ? [current] : [resolved, current]
    }()

    /// `path` relative to the current folder when it lies under it; other paths (and app-given keys such as
    /// `app://42`) as they are.
    static func relative(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        for folder in folders {
            if path == folder { return "." }
            let prefix = folder == "/" ? "/" : folder + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        return path
    }
}

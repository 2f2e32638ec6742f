import Foundation

/// The article files of a folder, picked as `SearchIndex.index` picks them: `.md` and `.markdown` files,
/// recursively, hidden files and folders left out, in path order.
public enum ArticleFiles {
    public static func paths(under directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator {
            let ext = url.pathExtension.lowercased()
            guard ext == "md" || ext == "markdown",
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            paths.append(url.path)
        }
        return paths.sorted()
    }

    /// The first of `candidates` that is a folder, standardized; nil when none is.
    public static func firstDirectory(_ candidates: [String]) -> String? {
        candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.map { ($0 as NSString).standardizingPath }
    }

    /// A new folder of its own under the temporary folder, for index files.
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let name = "newsearch-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Bytes on disk of an SQLite database: the file and its `-wal` and `-shm` companions, when present.
    public static func databaseSize(_ path: String) -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)??.intValue
            return total + (size ?? 0)
        }
    }
}

/// Stops the program with `message` unless `condition` holds; unlike `precondition`, it prints the message in
/// release builds too.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "",
                    file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("check failed: \(message())", file: file, line: line) }
}

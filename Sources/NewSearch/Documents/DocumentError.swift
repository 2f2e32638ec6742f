/// Why a file could not be read as an article, or a folder to index not found.
public enum DocumentError: Error, Equatable, CustomStringConvertible {
    /// A folder or file to index does not exist.
    case notFound(String)
    /// The file holds a NUL byte: it is binary, not text.
    case binary
    /// The file is not valid UTF-8.
    case invalidUTF8
    /// The file could not be read.
    case unreadable(String)
    /// The YAML front matter does not parse; `line` counts from 1 in the file.
    case frontMatter(line: Int?, message: String)

    /// Whether the file is simply not an article (skipped) rather than a broken one (failed).
    public var isNotAnArticle: Bool {
        switch self {
        case .binary, .invalidUTF8: return true
        case .notFound, .unreadable, .frontMatter: return false
        }
    }

    /// The reason as a short phrase for a line of a report, such as `not valid UTF-8 text` or
    /// `front matter, line 3: …`; ``notFound(_:)`` names the missing path.
    public var description: String {
        switch self {
        case .notFound(let path): return "no such file or folder: \(path)"
        case .binary: return "binary file (contains NUL bytes)"
        case .invalidUTF8: return "not valid UTF-8 text"
        case .unreadable(let reason): return "unreadable: \(reason)"
        case .frontMatter(let line?, let message): return "front matter, line \(line): \(message)"
        case .frontMatter(nil, let message): return "front matter: \(message)"
        }
    }
}

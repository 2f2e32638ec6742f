/// An error of the search library that a user can act on.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    /// No index file at the path; it must be built first.
    case indexNotFound(String)
    /// A folder or file to index does not exist.
    case notFound(String)

    public var description: String {
        switch self {
        case .indexNotFound(let path): return "no index at \(path): build one with `newsearch index DIR`"
        case .notFound(let path): return "no such file or folder: \(path)"
        }
    }
}

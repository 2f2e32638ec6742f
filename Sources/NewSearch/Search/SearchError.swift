/// An error of the search library that a user can act on.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    /// No index file at the path; it must be built first.
    case indexNotFound(String)
    /// A folder or file to index does not exist.
    case notFound(String)
    /// A user dictionary file cannot be used.
    case dictionary(String, String)
    /// The index was built with another analysis (analyzer version, ICU, normalization or dictionary).
    case analysisMismatch(path: String, index: AnalysisStamp, current: AnalysisStamp)

    public var description: String {
        switch self {
        case .indexNotFound(let path):
            return "no index at \(path): build one with `newsearch index DIR`"
        case .notFound(let path):
            return "no such file or folder: \(path)"
        case .dictionary(let path, let reason):
            return "dictionary \(path): \(reason)"
        case .analysisMismatch(let path, let index, let current):
            return "the index at \(path) was built with \(index), but this newsearch uses \(current); "
                + "its tokens would not match: rebuild it with `newsearch index --rebuild DIR…`"
        }
    }
}

/// An error of the index store that a user can act on; each names the file.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No index file at the path; it must be built first.
    case indexNotFound(String)
    /// The file is an SQLite database that is not a newsearch index (or not a database at all): newsearch leaves
    /// it as it is.
    case notAnIndex(path: String, reason: String)
    /// The index cannot be written: its file or its folder is read-only for this user.
    case notWritable(String)
    /// The index was made by an older newsearch whose layout this one cannot read.
    case olderIndex(String)
    /// The index was built with another analysis (analyzer version, ICU, normalization or dictionary).
    case analysisMismatch(path: String, index: AnalysisStamp, current: AnalysisStamp)
    /// An article's stored body is no text newsearch wrote (the file was damaged, or changed by other code).
    case damagedArticle(path: String, id: Int64)

    /// The error as a sentence for the user: it names the file and says what to do (build or rebuild the index, or
    /// give another `--index PATH`).
    public var description: String {
        switch self {
        case .indexNotFound(let path):
            return "no index at \(path): build one with `newsearch index DIR`"
        case .notAnIndex(let path, let reason):
            return "\(path) is not a newsearch index (\(reason)); newsearch leaves it unchanged: "
                + "give another index file with --index PATH"
        case .notWritable(let path):
            return "cannot write the index at \(path): its file or its folder is read-only for this user; "
                + "queries still work, and another --index PATH can be built"
        case .olderIndex(let path):
            return "the index at \(path) was made by an older newsearch: rebuild it with `newsearch index --rebuild DIR…`"
        case .analysisMismatch(let path, let index, let current):
            return "the index at \(path) was built with \(index), but this newsearch uses \(current); "
                + "its tokens would not match: rebuild it with `newsearch index --rebuild DIR…`"
        case .damagedArticle(let path, let id):
            return "the stored body of article \(id) in the index at \(path) is damaged: "
                + "rebuild the index with `newsearch index --rebuild DIR…`"
        }
    }
}

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
    /// The index was made by a newer newsearch (`found`, such as `schema 5` or `analyzer 8`, where this one reads
    /// `supported`): it is neither read nor written.
    case newerIndex(path: String, found: String, supported: String)
    /// The index lacks a table, view or trigger newsearch made (`reason` says which): it cannot be trusted, and is
    /// not repaired in place, since what the missing part held is lost.
    case damagedIndex(path: String, reason: String)
    /// The full-text index holds so many segments that FTS5 refuses to write more (its limit is 2,000): SQLite
    /// reports that as `SQLITE_FULL`, which is no full disk. Runs of this newsearch merge segments as they go.
    case tooManySegments(path: String, segments: Int)
    /// The index was built with another analysis (analyzer version, ICU, normalization or dictionary).
    case analysisMismatch(path: String, index: AnalysisStamp, current: AnalysisStamp)
    /// An article's stored body is no text newsearch wrote (the file was damaged, or changed by other code).
    case damagedArticle(path: String, id: Int64)

    /// The error as a sentence for an app's user or log, in the library's words: what failed, with the file, and
    /// what the app can do (open it with `rebuild: true` and index again, open it read-only, open another file).
    /// The command-line tool words the same errors with its own options.
    public var description: String {
        switch self {
        case .indexNotFound(let path):
            return "no index at \(path): open it writable to create one, then index or add articles"
        case .notAnIndex(let path, let reason):
            return "\(path) is not a newsearch index (\(reason)); newsearch leaves it unchanged: open another file"
        case .notWritable(let path):
            return "cannot write the index at \(path): its file or its folder is read-only for this user; "
                + "it can still be opened read-only and searched"
        case .olderIndex(let path):
            return "the index at \(path) was made by an older newsearch: open it with rebuild: true and index its "
                + "articles again"
        case .newerIndex(let path, let found, let supported):
            return "the index at \(path) was made by a newer newsearch (\(found); this newsearch reads \(supported)): "
                + "open it with that version, or open another file; this one leaves the file unchanged"
        case .damagedIndex(let path, let reason):
            return "the index at \(path) is damaged (\(reason)): open it with rebuild: true and index its articles again"
        case .tooManySegments(let path, let segments):
            return "the full-text index at \(path) is made of \(segments) segments, as many as SQLite's FTS5 can hold "
                + "(this is no full disk): open it with rebuild: true and index its articles again"
        case .analysisMismatch(let path, let index, let current):
            return "the index at \(path) was built with \(index), but this newsearch uses \(current); its tokens would "
                + "not match: open it with rebuild: true and index its articles again"
        case .damagedArticle(let path, let id):
            return "the stored body of article \(id) in the index at \(path) is damaged: open the index with "
                + "rebuild: true and index its articles again"
        }
    }
}

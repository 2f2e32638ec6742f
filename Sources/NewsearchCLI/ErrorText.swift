import CSQLite
import NewSearch

/// The command line's wording of the library's errors: the same facts, with what to do said in the tool's own
/// commands and options (the library speaks of `rebuild: true` and opening another file).
enum ErrorText {
    /// The message for `error`, when the command line words it otherwise than the library; nil to keep the
    /// library's.
    static func message(for error: Error) -> String? {
        if let store = error as? StoreError { return text(of: store) }
        if let sqlite = error as? SQLiteError, [SQLITE_CORRUPT, SQLITE_NOTADB].contains(sqlite.code & 0xFF) {
            return "the index file is damaged (\(sqlite.message)): build it again with `newsearch index --rebuild DIR…`"
        }
        return nil
    }

    private static let rebuild = "rebuild it with `newsearch index --rebuild DIR…`"

    private static func text(of error: StoreError) -> String {
        switch error {
        case .indexNotFound(let path):
            return "no index at \(path): build one with `newsearch index DIR`"
        case .notAnIndex(let path, let reason):
            return "\(path) is not a newsearch index (\(reason)); newsearch leaves it unchanged: "
                + "give another index file with --index PATH"
        case .notWritable(let path):
            return "cannot write the index at \(path): its file or its folder is read-only for this user; "
                + "queries still work, and another --index PATH can be built"
        case .olderIndex(let path):
            return "the index at \(path) was made by an older newsearch: \(rebuild)"
        case .newerIndex(let path, let found, let supported):
            return "the index at \(path) was made by a newer newsearch (\(found); this newsearch reads \(supported)): "
                + "use that newsearch, or give another --index PATH; this one leaves the file unchanged"
        case .damagedIndex(let path, let reason):
            return "the index at \(path) is damaged (\(reason)): \(rebuild)"
        case .tooManySegments(let path, let segments):
            return "the full-text index at \(path) is made of \(segments) segments, as many as SQLite's FTS5 can hold "
                + "(this is no full disk): \(rebuild)"
        case .analysisMismatch(let path, let index, let current):
            return "the index at \(path) was built with \(index), but this newsearch uses \(current); "
                + "its tokens would not match: \(rebuild)"
        case .damagedArticle(let path, let id):
            return "the stored body of article \(id) in the index at \(path) is damaged: "
                + "rebuild the index with `newsearch index --rebuild DIR…`"
        }
    }
}

import Foundation

/// The error of a query that leaves nothing to search (`""`, `，。`): a usage error, exit status 2.
struct NothingToSearch: Error, CustomStringConvertible {
    let query: String

    var description: String {
        let what = query.trimmingCharacters(in: .whitespaces).isEmpty
            ? "the query is empty"
            : "the query \"\(query)\" has nothing left to search (only punctuation, symbols or operators)"
        return what + ". Give words to search for, for example: newsearch query 欠薪"
    }
}

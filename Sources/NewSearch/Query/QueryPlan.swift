/// A query compiled for the store: the FTS5 expression of its full-text part and the SQL of its metadata filters.
struct QueryPlan {
    /// A condition on the `documents` table (alias `d`) with its bound values, in order.
    struct Filter {
        var sql: String
        var values: [SQLValue]
    }

    /// What articles must match, with the roles of its phrases; nil when the query has no positive text part.
    var match: FTS5Expression?
    /// What articles must not match, when there is no `match` to subtract it from (`-广告` alone).
    var exclusion: String?
    /// Conditions on author, category and date, all required.
    var filters: [Filter] = []
    var warnings: [QueryWarning] = []

    /// Whether the query asks for nothing, and so matches nothing.
    var isEmpty: Bool { match == nil && exclusion == nil && filters.isEmpty }
}

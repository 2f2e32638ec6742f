/// What an index run did, file by file where something was not indexed.
public struct IndexReport: Sendable, Equatable {
    /// A file that was not indexed, and why.
    public struct FileNote: Sendable, Equatable, CustomStringConvertible {
        /// The file's absolute path (a folder's, for one that could not be read), or an added article's key.
        public var path: String
        /// Why it was not indexed, as a phrase (`not a Markdown file`, a ``DocumentError``'s description, …).
        public var reason: String
        /// `path: reason`, one line of a report.
        public var description: String { "\(path): \(reason)" }
    }

    /// Articles new to the index.
    public var added = 0
    /// Articles whose file changed and were indexed again.
    public var updated = 0
    /// Articles whose file is unchanged since the last run.
    public var unchanged = 0
    /// Articles whose file is gone, removed from the index.
    public var removed = 0
    /// Files that are not articles (not Markdown, binary, not UTF-8).
    public var skipped: [FileNote] = []
    /// Articles indexed with part of their file left out, and what: a date that names no existing day (indexed
    /// without a date), body text past ``ArticleParser/maximumBodyBytes`` (indexed in part).
    public var notes: [FileNote] = []
    /// Article files that could not be read or parsed.
    public var failed: [FileNote] = []
    /// Bytes of article files parsed and indexed in this run.
    public var bytesIndexed = 0
    /// The seconds the run spent merging the full-text index's segments at its end, nil when it merged nothing:
    /// into one segment after a bulk load or once updates and removals since the last such merge reach a tenth of
    /// the articles, else FTS5's levels as they fill (see the README's *Updates* paragraph).
    public var mergeSeconds: Double?
    /// The number of frequent terms whose first page the run ranked ahead of time, nil when the articles did not
    /// change (see the README's *Frequent terms* paragraph): a search of one such term alone reads its page instead of
    /// ranking every match.
    public var headsRanked: Int?
    /// The seconds ranking them took, nil when none were ranked.
    public var headSeconds: Double?

    /// Articles indexed in this run, new or updated.
    public var indexed: Int { added + updated }
}

import Foundation

/// What an index holds, for `newsearch stats` and apps: its size, its articles' date range, its analysis stamp
/// and when it was last brought up to date.
public struct IndexInfo: Sendable, Equatable {
    /// The index file's path.
    public var path: String
    /// Articles stored.
    public var articles: Int
    /// Bytes of the file and its write-ahead log on disk (0 for an in-memory index).
    public var bytesOnDisk: Int
    /// The earliest article date, nil when no article has a date.
    public var firstDate: Date?
    /// The latest article date, nil when no article has a date.
    public var lastDate: Date?
    /// The analysis the index was built with.
    public var stamp: AnalysisStamp
    /// The user dictionary's words.
    public var dictionaryWords: Int
    /// The synonym groups stored with the index (``Synonyms``).
    public var synonymGroups: Int = 0
    /// The frequent terms whose first page is ranked ahead of time (see ``IndexReport/headsRanked``), nil when the
    /// articles changed since they were last ranked (the next index run ranks them).
    public var rankedHeads: Int? = nil
    /// The end of the last `index` or `add` run that changed the index, nil before the first.
    public var lastUpdated: Date?
    /// The deepest folder every indexed file lies under (`/data/news` for files under it), nil when no article
    /// comes from a file: what a server shows paths relative to.
    public var folder: String? = nil
}

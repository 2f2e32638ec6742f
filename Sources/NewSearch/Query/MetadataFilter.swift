/// A condition on an article's author, categories or date, as the query compiler reads it: plain data that the
/// store turns into SQL with bound values (the query layer writes no SQL).
indirect enum MetadataFilter: Equatable, Sendable {
    /// The author contains the text (any case).
    case authorContains(String)
    /// A category contains the text (any case).
    case categoryContains(String)
    /// The article is dated within the range.
    case dated(DateRange)
    case all([MetadataFilter])
    case any([MetadataFilter])
    case not(MetadataFilter)
}

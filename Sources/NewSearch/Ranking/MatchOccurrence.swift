/// One counted match of a query term in an article: where it starts, how many positions it spans, whose term it
/// is. The first phase of ranking keeps the matches of its best candidates; the second reads word alignment and
/// proximity from them.
struct MatchOccurrence: Equatable {
    /// The column in the high 32 bits, the start position in the low: sorting by it sorts by column, then start.
    var position: Int64
    /// The positions the match spans.
    var length: Int32
    /// The query term it matches.
    var term: Int32

    init(column: Int, start: Int, length: Int, term: Int) {
        position = Int64(column) << 32 | Int64(start)
        self.length = Int32(length)
        self.term = Int32(term)
    }

    var column: Int { Int(position >> 32) }
    var start: Int { Int(position & 0xFFFF_FFFF) }
}

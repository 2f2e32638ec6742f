/// What ranking reads of one article besides FTS5: its lengths, token positions, date and title key, and where its word
/// boundaries lie in its boundary blob (the title's ``WordBoundaries`` bytes, then the body's, each padded to whole
/// bytes). Stored as a row of `newsearch_statistics`, whose one codec is in the store
/// (`StatisticsRecord+SQL.swift`).
struct StatisticsRecord {
    var id: Int64
    /// Character tokens of the title and of the body (bm25's document lengths).
    var titleLength: Int
    var bodyLength: Int
    /// Token positions of the title and of the body, gaps included.
    var titlePositions: Int
    var bodyPositions: Int
    /// Seconds since 1970.
    var date: Int64?
    /// The key of the title (``SeriesTitles/key(of:)``), under which the store counts the article (the series mark
    /// itself is in the figures, ``ArticleFigures/Entry/isSeries``).
    var titleKey: Int64

    init(id: Int64, titleLength: Int, bodyLength: Int, titlePositions: Int, bodyPositions: Int, date: Int64?,
         titleKey: Int64) {
        self.id = id
        self.titleLength = titleLength
        self.bodyLength = bodyLength
        self.titlePositions = titlePositions
        self.bodyPositions = bodyPositions
        self.date = date
        self.titleKey = titleKey
    }

    /// The bit of the boundary blob that says whether a word boundary lies before `position` in `column` (0 title,
    /// 1 body), or nil when the column has no such position.
    @inline(__always)
    static func boundaryBit(column: Int, position: Int, titlePositions: Int, bodyPositions: Int) -> Int? {
        let positions = column == 0 ? titlePositions : bodyPositions
        guard position >= 0, position <= positions else { return nil }
        return column == 0 ? position : position + (titlePositions + 1 + 7) / 8 * 8
    }

    /// Whether a word boundary lies before `position` in `column` (0 title, 1 body), by the record's boundary blob.
    @inline(__always)
    func isBoundary(_ boundaries: UnsafeRawBufferPointer, column: Int, position: Int) -> Bool {
        guard let bit = Self.boundaryBit(column: column, position: position, titlePositions: titlePositions,
                                         bodyPositions: bodyPositions), bit >> 3 < boundaries.count else { return false }
        return boundaries[bit >> 3] & (1 << UInt8(bit & 7)) != 0
    }

    /// Whether a match of `length` positions at `start` in `column` begins and ends on word boundaries.
    @inline(__always)
    func isAligned(_ boundaries: UnsafeRawBufferPointer, column: Int, start: Int, length: Int) -> Bool {
        column < 2 && isBoundary(boundaries, column: column, position: start)
            && isBoundary(boundaries, column: column, position: start + length)
    }

    /// How a match of `length` positions at `start` in `column` stands to the words: on word boundaries at both
    /// ends, else inside one word (no boundary within it), else across a boundary.
    @inline(__always)
    func alignment(_ boundaries: UnsafeRawBufferPointer, column: Int, start: Int, length: Int) -> MatchCounts.Alignment {
        guard column < 2 else { return .straddling }
        if isAligned(boundaries, column: column, start: start, length: length) { return .wholeWords }
        for position in start + 1 ..< max(start + 1, start + length)
        where isBoundary(boundaries, column: column, position: position) {
            return .straddling
        }
        return .insideAWord
    }
}

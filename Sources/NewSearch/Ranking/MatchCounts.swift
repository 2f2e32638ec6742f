/// One article's matches as the ranking model reads them: each term's matches per column, how well they align
/// with words (``Alignment``), and the article's column lengths. Flat buffers reused row after row, so that scoring a row
/// allocates nothing and counts no references: a plain value over memory its owner frees with ``deallocate()``.
struct MatchCounts {
    let terms: Int
    let columns: Int
    /// `frequencies[term * columns + column]`.
    let frequencies: UnsafeMutableBufferPointer<Int32>
    /// Per term, the sum of its matches' ``Alignment`` credits (halves: 2 for a whole word).
    let aligned: UnsafeMutableBufferPointer<Int32>
    let lengths: UnsafeMutableBufferPointer<Int32>
    /// Per query, not per row: each term's idf and each column's mean length.
    let idf: UnsafeMutableBufferPointer<Double>
    let averageLengths: UnsafeMutableBufferPointer<Double>

    init(terms: Int, columns: Int, idf: [Double], averageLengths: [Double]) {
        self.terms = terms
        self.columns = columns
        frequencies = .allocate(capacity: max(1, terms * columns))
        aligned = .allocate(capacity: max(1, terms))
        lengths = .allocate(capacity: max(1, columns))
        self.idf = .allocate(capacity: max(1, terms))
        self.averageLengths = .allocate(capacity: max(1, columns))
        for term in 0 ..< max(1, terms) { self.idf[term] = term < idf.count ? idf[term] : 0 }
        for column in 0 ..< max(1, columns) {
            self.averageLengths[column] = max(1, column < averageLengths.count ? averageLengths[column] : 1)
        }
        reset()
    }

    /// Frees the buffers; the counts are not used afterwards.
    func deallocate() {
        frequencies.deallocate()
        aligned.deallocate()
        lengths.deallocate()
        idf.deallocate()
        averageLengths.deallocate()
    }

    /// Zeroes the counts for the next row.
    @inline(__always)
    func reset() {
        for index in 0 ..< terms * columns { frequencies[index] = 0 }
        for index in 0 ..< terms { aligned[index] = 0 }
        for index in 0 ..< columns { lengths[index] = 0 }
    }

    /// How a match stands to the words of its text, as credit towards the term's alignment raise.
    enum Alignment: Int32 {
        /// Across a word boundary, not on words' edges (京东 in 北京|东城区): the characters, not the word.
        case straddling = 0
        /// Inside one word (上海 in 上海市, 京东 in 京东方): maybe the word's sense.
        case insideAWord = 1
        /// Beginning and ending on word boundaries (上海 as a word; 社会保险 as 社会|保险).
        case wholeWords = 2
    }

    @inline(__always)
    func addMatch(term: Int, column: Int, alignment: Alignment) {
        frequencies[term * columns + column] &+= 1
        aligned[term] &+= alignment.rawValue
    }

    @inline(__always)
    func setLength(_ length: Int, column: Int) {
        lengths[column] = Int32(truncatingIfNeeded: length)
    }

    @inline(__always)
    func frequency(term: Int, column: Int) -> Int {
        Int(frequencies[term * columns + column])
    }
}

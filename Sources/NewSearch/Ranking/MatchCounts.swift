/// One article's matches as the ranking model reads them: each term's matches per column, how many of them are
/// word-aligned, and the article's column lengths. Flat buffers reused row after row, so that scoring a row
/// allocates nothing and counts no references: a plain value over memory its owner frees with ``deallocate()``.
struct MatchCounts {
    let terms: Int
    let columns: Int
    /// `frequencies[term * columns + column]`.
    let frequencies: UnsafeMutableBufferPointer<Int32>
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

    @inline(__always)
    func addMatch(term: Int, column: Int, isAligned: Bool) {
        frequencies[term * columns + column] &+= 1
        if isAligned { aligned[term] &+= 1 }
    }

    @inline(__always)
    func setLength(_ length: Int, column: Int) {
        lengths[column] = Int32(truncatingIfNeeded: length)
    }

    @inline(__always)
    func frequency(term: Int, column: Int) -> Int {
        Int(frequencies[term * columns + column])
    }

    /// The counts of one term, as public values.
    func termCounts(_ term: Int, idf: Double) -> RelevanceModel.TermCounts {
        RelevanceModel.TermCounts(idf: idf, frequencies: (0 ..< columns).map { frequency(term: term, column: $0) },
                                  aligned: Int(aligned[term]))
    }
}

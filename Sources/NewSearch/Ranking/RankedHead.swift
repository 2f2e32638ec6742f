/// The head of a frequent term's ranking, computed ahead of time: its best articles (as many as the first phase's
/// candidates, the page a search of that many rows ranks, so that a page within it is the page of every hit) in the
/// order a search ranks them (both phases, idf deferred), with the number of articles it matches. A search for the term alone
/// in relevance order reads its page from here instead of scoring tens of thousands of matches, so that its cost no
/// longer grows with the archive.
///
/// Heads are made after an index run for every frequent term (at least ``minimumFrequency`` articles: a token of the
/// index, or a phrase of whole words found in a sample; ``SearchIndex/rankHeads(into:minimumFrequency:cancellation:progress:)``),
/// stored one row a term (``IndexSchema/heads``), and dropped whole by any write to the articles, in the same
/// transaction: a head that exists is the ranking of the index as it is. It is valid under the model it was ranked
/// with only (``modelKey(_:)``).
struct RankedHead: Equatable {
    /// The best articles, best first, scored without the term's idf.
    var rows: [TopHits.Row]
    /// The number of articles the term matches: the search's total and the idf's count.
    var frequency: Int

    /// The fewest articles a term matches for it to get a head. Reading a head costs about as much as ranking a few
    /// hundred matches, so the bound is set by what ranking the heads after a run costs: at ×10 of the shared corpus
    /// (198,810 articles) 8,192 gives 1,823 heads in 5.6 s on two cores, 16,384 gives 964 in 6.1 s (measured before
    /// the vocabulary pass was shared among the cores), and the typical queries' median went from 1.01–1.11 ms
    /// (16,384) to 0.92–0.94 ms (8,192), their terms of 8,192 to 16,383 articles each costing 1–2 ms without a head.
    static let minimumFrequency = 8192
    /// Bumped when the stored bytes or the meaning of a score change (a change of the model's code that its
    /// parameters do not show): heads of another version are not used.
    static let version = 2

    /// The key of the model a head was ranked with: heads are used only by searches under the same parameters.
    /// The standard model's, which nearly every search asks for, is made once.
    static func modelKey(_ parameters: RankingParameters) -> String {
        parameters == .standard ? standardModelKey : key(parameters)
    }

    private static let standardModelKey = key(.standard)

    private static func key(_ parameters: RankingParameters) -> String {
        "\(version) \(parameters.description)"
    }

    /// The stored form, about 11 bytes a row (a head of 256 rows fits in one row of a 16 KB page, with no overflow
    /// page): each row's id as a LEB128 varint of its zigzag form, then its score's IEEE 754 bits, little-endian. Not
    /// its date, which the figures give (``init(encoded:frequency:date:)``).
    var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 12)
        for row in rows {
            LEB128.append(UInt64(bitPattern: row.id << 1 ^ row.id >> 63), to: &bytes)
            withUnsafeBytes(of: row.score.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// The head stored as `bytes` with `frequency`, each row's date from `date`; nil when the bytes are not whole
    /// rows.
    init?(encoded bytes: UnsafeRawBufferPointer, frequency: Int, date: (Int64) -> Int64) {
        var rows: [TopHits.Row] = [], offset = 0
        while offset < bytes.count {
            guard let zigzag = LEB128.read(bytes, at: &offset), offset + 8 <= bytes.count else { return nil }
            let id = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
            let score = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
            rows.append(TopHits.Row(id: id, score: score, date: date(id)))
        }
        self.rows = rows
        self.frequency = frequency
    }

    init(rows: [TopHits.Row], frequency: Int) {
        self.rows = rows
        self.frequency = frequency
    }
}

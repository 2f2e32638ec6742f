import Foundation

/// The codec of ``StatisticsRecord``: the one place that writes and reads a `newsearch_statistics` row.
extension StatisticsRecord {
    /// The columns in the order ``values(boundaries:characters:)`` and ``read(_:_:)`` use.
    static let columns =
        "id, title_length, body_length, title_positions, body_positions, date, title_key, boundaries, characters"

    /// The record of an article stored under `id`, from its analysed title and body and its title's key.
    init(id: Int64, title: TokenList, body: TokenList, date: Date?, titleKey: Int64) {
        self.init(id: id, titleLength: title.characterCount, bodyLength: body.characterCount,
                  titlePositions: title.count, bodyPositions: body.count,
                  date: date.map { Int64($0.timeIntervalSince1970.rounded(.down)) }, titleKey: titleKey)
    }

    /// The blob of a title's and a body's boundaries.
    static func boundaries(title: TokenList, body: TokenList) -> [UInt8] {
        title.boundaries.bytes + body.boundaries.bytes
    }

    /// The row's values, in ``columns`` order, with the article's boundary blob and ``ArticleCharacters``.
    func values(boundaries: [UInt8], characters: [UInt8]) -> [SQLValue] {
        [.integer(id), .integer(Int64(titleLength)), .integer(Int64(bodyLength)), .integer(Int64(titlePositions)),
         .integer(Int64(bodyPositions)), date.map(SQLValue.integer) ?? .null, .integer(titleKey), .blob(boundaries),
         .blob(characters)]
    }

    /// Decodes the row `statement` stands on (selected with ``columns``) and hands it to `body` with its boundary
    /// blob and its ``ArticleCharacters`` bytes, both valid during the call only.
    static func read<T>(_ statement: Statement,
                        _ body: (StatisticsRecord, UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> T) -> T {
        let record = StatisticsRecord(
            id: statement.int64(0), titleLength: Int(statement.int64(1)), bodyLength: Int(statement.int64(2)),
            titlePositions: Int(statement.int64(3)), bodyPositions: Int(statement.int64(4)),
            date: statement.isNull(5) ? nil : statement.int64(5), titleKey: statement.int64(6))
        return statement.withBlob(7) { boundaries in statement.withBlob(8) { body(record, boundaries, $0) } }
    }
}

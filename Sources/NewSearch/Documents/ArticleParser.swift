import Foundation

/// Reads news posts: Markdown files with YAML front matter and an HTML body.
///
/// ```swift
/// let article = try ArticleParser.parse(bytes, fileName: "000_seed.md")
/// article.title   // "上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板"
/// ```
public enum ArticleParser {
    /// The most body text an article keeps, in UTF-8 bytes (16 MB, some 5 million Chinese characters): the text
    /// beyond is left out, with a note, so that one huge file cannot exhaust memory or make its queries slow.
    public static let maximumBodyBytes = 16 << 20

    /// Parses the bytes of one post.
    ///
    /// Blank lines may precede the front matter; CRLF and CR line ends are read as LF. A file without front
    /// matter is read as Markdown: its title is its first `#` heading, else `fileName` without its extension.
    /// - Throws: ``DocumentError`` for binary files, invalid UTF-8 and front matter that does not parse.
    /// - Complexity: O(n) in the size of the file.
    public static func parse(_ bytes: some Collection<UInt8>, fileName: String) throws(DocumentError) -> Article {
        var notes: [String] = []
        return try parse(bytes, fileName: fileName, notes: &notes)
    }

    /// Parses the bytes of one post, adding to `notes` what of it was left out: a date that is no date, body text
    /// past ``maximumBodyBytes``.
    static func parse(_ bytes: some Collection<UInt8>, fileName: String,
                      notes: inout [String]) throws(DocumentError) -> Article {
        let text = try decode(bytes)
        // Only the articles that name no title and have no heading need it.
        var fallbackTitle: String { String(FileName.stem(of: fileName[...])) }
        guard let (yaml, firstLine, body) = FrontMatter.split(text[...]) else {
            return Article(title: MarkdownHeading.first(in: text[...]) ?? fallbackTitle,
                           body: bounded(HTMLText.text(of: text), notes: &notes))
        }
        let fields = try FrontMatter(yaml: yaml, firstLine: firstLine)
        let title = fields.title.flatMap { $0.isEmpty ? nil : $0 } ?? MarkdownHeading.first(in: body) ?? fallbackTitle
        let date = fields.date.flatMap(ArticleDate.parse)
        if let written = fields.date, date == nil, !ArticleDate.trimmed(written).isEmpty {
            notes.append("its date \"\(written.prefix(64))\" names no day that exists in a form newsearch reads: "
                         + "indexed without a date")
        }
        return Article(title: title, author: fields.author, categories: fields.categories, date: date,
                       images: fields.images, body: bounded(HTMLText.text(of: String(body)), notes: &notes))
    }

    /// `body` cut to at most `limit` bytes, between two scalars, with a note when cut.
    static func bounded(_ body: String, limit: Int = maximumBodyBytes, notes: inout [String]) -> String {
        let size = body.utf8.count
        guard size > limit else { return body }
        var end = body.utf8.index(body.utf8.startIndex, offsetBy: limit)
        while end.samePosition(in: body.unicodeScalars) == nil { end = body.utf8.index(before: end) }
        notes.append(String(format: "its body has %.1f MB of text: the first %.1f MB are indexed, the rest left out",
                            Double(size) / 1_000_000, Double(limit) / 1_000_000))
        return String(body.unicodeScalars[..<end])
    }

    /// The text of `bytes`, with CRLF and lone CR turned into LF and a leading byte-order mark dropped.
    private static func decode(_ bytes: some Collection<UInt8>) throws(DocumentError) -> String {
        if let utf16 = UTF16Text.decode(Array(bytes.prefix(2)), bytes) { return try decode(Array(utf16.utf8)) }
        let (hasNUL, hasCarriageReturn) = bytes.withContiguousStorageIfAvailable(scan) ?? scan(Array(bytes))
        if hasNUL { throw .binary }
        let decoded = hasCarriageReturn ? String(validating: lineFeedsOnly(bytes), as: UTF8.self)
            : String(validating: bytes, as: UTF8.self)
        guard let decoded else { throw .invalidUTF8 }
        return decoded.hasPrefix("\u{FEFF}") ? String(decoded.dropFirst()) : decoded
    }

    private static func scan(_ bytes: some Sequence<UInt8>) -> (hasNUL: Bool, hasCarriageReturn: Bool) {
        var hasCarriageReturn = false
        for byte in bytes {
            if byte == 0 { return (true, hasCarriageReturn) }
            if byte == 0x0D { hasCarriageReturn = true }
        }
        return (false, hasCarriageReturn)
    }

    private static func lineFeedsOnly(_ bytes: some Collection<UInt8>) -> [UInt8] {
        bytes.withContiguousStorageIfAvailable(lineFeedsOnly(contiguous:))
            ?? Array(bytes).withUnsafeBufferPointer(lineFeedsOnly(contiguous:))
    }

    /// `bytes` with each CRLF and lone CR turned into LF, copied a line at a time.
    private static func lineFeedsOnly(contiguous bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        while let carriageReturn = bytes[start...].firstIndex(of: 0x0D) {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< carriageReturn]))
            result.append(0x0A)
            start = carriageReturn + 1
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        return result
    }
}

import Foundation

/// Reads news posts: Markdown files with YAML front matter and an HTML body.
///
/// ```swift
/// let article = try ArticleParser.parse(bytes, fileName: "000_seed.md")
/// article.title   // "上海：提高快递员社保水平，为全国快递员权益保障工作提供上海样板"
/// ```
public enum ArticleParser {
    /// Parses the bytes of one post.
    ///
    /// Blank lines may precede the front matter; CRLF and CR line ends are read as LF. A file without front
    /// matter is read as Markdown: its title is its first `#` heading, else `fileName` without its extension.
    /// - Throws: ``DocumentError`` for binary files, invalid UTF-8 and front matter that does not parse.
    /// - Complexity: O(n) in the size of the file.
    public static func parse(_ bytes: some Collection<UInt8>, fileName: String) throws(DocumentError) -> Article {
        let text = try decode(bytes)
        let fallbackTitle = (fileName as NSString).deletingPathExtension
        guard let (yaml, firstLine, body) = FrontMatter.split(text[...]) else {
            return Article(title: MarkdownHeading.first(in: text[...]) ?? fallbackTitle, body: HTMLText.text(of: text))
        }
        let fields = try FrontMatter(yaml: yaml, firstLine: firstLine)
        let title = fields.title.flatMap { $0.isEmpty ? nil : $0 } ?? MarkdownHeading.first(in: body) ?? fallbackTitle
        return Article(title: title, author: fields.author, categories: fields.categories,
                       date: fields.date.flatMap(ArticleDate.parse), images: fields.images,
                       body: HTMLText.text(of: String(body)))
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
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var previousWasCarriageReturn = false
        for byte in bytes {
            if byte == 0x0A && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = byte == 0x0D
            result.append(byte == 0x0D ? 0x0A : byte)
        }
        return result
    }
}

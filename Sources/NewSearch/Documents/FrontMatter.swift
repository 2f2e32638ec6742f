import Yams

/// The YAML front matter of a post, split from its body and read with Yams.
struct FrontMatter {
    /// Front-matter keys kept as image fields.
    static let imageKeys: Set<String> = ["headimg", "thumbnail", "image", "cover"]

    var title: String?
    var author: String?
    var categories: [String] = []
    var date: String?
    var images: [String: String] = [:]

    /// Splits `text` into front matter and body. Front matter opens with a `---` line, which only blank lines
    /// may precede, and closes with a `---` or `...` line. Returns nil when the text has none.
    /// `yamlFirstLine` is the file line (from 1) on which the YAML starts.
    static func split(_ text: Substring) -> (yaml: Substring, yamlFirstLine: Int, body: Substring)? {
        var lines = Lines(text)
        var lineNumber = 0
        var opening: Range<String.Index>?
        while let line = lines.next() {
            lineNumber += 1
            let content = text[line].trimmingTrailingWhitespace
            if content.isEmpty { continue }
            guard content == "---" else { return nil }
            opening = line
            break
        }
        guard let opening else { return nil }
        let yamlStart = opening.upperBound < text.endIndex ? text.utf8.index(after: opening.upperBound) : text.endIndex
        while let line = lines.next() {
            let content = text[line].trimmingTrailingWhitespace
            guard content == "---" || content == "..." else { continue }
            let bodyStart = line.upperBound < text.endIndex ? text.utf8.index(after: line.upperBound) : text.endIndex
            return (text[yamlStart ..< line.lowerBound], lineNumber + 1, text[bodyStart...])
        }
        return nil
    }

    /// Reads the fields of `yaml`; `firstLine` is the file line on which the YAML starts, for error messages.
    /// - Throws: ``DocumentError/frontMatter(line:message:)`` when the YAML does not parse.
    init(yaml: Substring, firstLine: Int) throws(DocumentError) {
        try FrontMatter.checkBudget(yaml, firstLine: firstLine)
        let node: Node?
        do {
            // Every scalar is read as a string: no regex-based type resolution, which costs more than the parse.
            // The encoding is named, or Yams reads the process environment on every call to pick one.
            node = try Yams.compose(yaml: String(yaml), .basic, FrontMatter.constructor, .utf8)
        } catch let error as YamlError {
            throw FrontMatter.documentError(error, firstLine: firstLine)
        } catch {
            throw .frontMatter(line: nil, message: "\(error)")
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            throw .frontMatter(line: firstLine, message: "expected a mapping of fields, such as `title: …`")
        }
        for (key, value) in mapping {
            switch key.string {
            case "title": title = FrontMatter.text(value)
            case "author": author = FrontMatter.text(value)
            case "date": date = FrontMatter.text(value)
            case "categories": categories = FrontMatter.list(value)
            case let name? where FrontMatter.imageKeys.contains(name):
                if let url = FrontMatter.text(value), !url.isEmpty { images[name] = url }
            default: continue
            }
        }
    }

    /// Yams's default constructor, made once: `Constructor.default` builds its three tables on every call (4% of
    /// the cost of reading a post's front matter). Composing reads none of them, and nothing changes them.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// The most YAML aliases (`*name`) front matter may use: real posts use none, and each alias of a nested
    /// anchor multiplies the work of reading it (an "alias bomb" under 1 KB took minutes).
    static let maximumAliases = 16
    /// The most bytes front matter may hold.
    static let maximumBytes = 256 * 1024

    /// Refuses front matter that is too large or uses too many aliases, before any YAML is read.
    private static func checkBudget(_ yaml: Substring, firstLine: Int) throws(DocumentError) {
        let bytes = yaml.utf8
        guard bytes.count <= maximumBytes else {
            throw .frontMatter(line: firstLine, message: "front matter of \(bytes.count) bytes (at most \(maximumBytes)): not read")
        }
        let count = { (bytes: UnsafeBufferPointer<UInt8>) in aliasCount(bytes, stoppingAfter: maximumAliases) }
        let aliases = bytes.withContiguousStorageIfAvailable(count) ?? Array(bytes).withUnsafeBufferPointer(count)
        guard aliases <= maximumAliases else {
            throw .frontMatter(line: firstLine, message:
                "front matter uses more than \(maximumAliases) YAML aliases (*name): not read")
        }
    }

    /// The number of aliases in `yaml`, counted up to `limit + 1`: a `*` that begins a node (at a line's start,
    /// or after `:`, `-`, `?`, `[`, `{` or `,` with only spaces between), outside quotes, followed by a name.
    private static func aliasCount(_ yaml: UnsafeBufferPointer<UInt8>, stoppingAfter limit: Int) -> Int {
        var count = 0, index = 0
        var nodeMayStart = true  // only spaces since the line's start or since an indicator
        var quote: UInt8 = 0
        while index < yaml.count, count <= limit {
            let byte = yaml[index]
            defer { index += 1 }
            if quote != 0 {
                if byte == 0x5C, quote == 0x22 { index += 1 } else if byte == quote { quote = 0 }
                if byte == 0x0A { nodeMayStart = true }
                continue
            }
            switch byte {
            case 0x0A: nodeMayStart = true
            case 0x20, 0x09: continue
            case 0x27, 0x22: quote = byte; nodeMayStart = false
            case 0x3A, 0x2D, 0x3F, 0x5B, 0x7B, 0x2C: nodeMayStart = true
            case 0x2A:
                if nodeMayStart, index + 1 < yaml.count, yaml[index + 1] > 0x20 { count += 1 }
                nodeMayStart = false
            default: nodeMayStart = false
            }
        }
        return count
    }

    /// A scalar's text; nil for lists, mappings and YAML null (`~`, `null` or nothing, unquoted).
    private static func text(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    /// A list of scalars, or a single scalar as a list of one; empty entries left out.
    private static func list(_ node: Node) -> [String] {
        let items = node.sequence.map { $0.compactMap(text) } ?? text(node).map { [$0] } ?? []
        return items.filter { !$0.isEmpty }
    }

    private static func documentError(_ error: YamlError, firstLine: Int) -> DocumentError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .frontMatter(line: firstLine + mark.line - 1, message: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .frontMatter(line: firstLine + context.mark.line - 1,
                                message: "duplicated keys: \(duplicates.joined(separator: ", "))")
        default:
            return .frontMatter(line: nil, message: "\(error)")
        }
    }
}

/// The lines of a text as ranges without their `\n`, found on UTF-8 bytes.
private struct Lines: IteratorProtocol {
    private let text: Substring
    private var position: String.Index

    init(_ text: Substring) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() -> Range<String.Index>? {
        guard position < text.endIndex else { return nil }
        let utf8 = text.utf8
        let end = utf8[position...].firstIndex(of: 0x0A) ?? text.endIndex
        defer { position = end < text.endIndex ? utf8.index(after: end) : text.endIndex }
        return position ..< end
    }
}

extension Substring {
    /// The substring without white space at its end.
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}

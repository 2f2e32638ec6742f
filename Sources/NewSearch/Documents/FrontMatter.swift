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
    /// The most values (scalars, lists and mappings) that the aliases of front matter may stand for in all, the
    /// aliases within what they stand for expanded: Yams hashes mapping keys value by value, so 16 aliases of a
    /// large list used as a key took most of a minute.
    static let maximumAliasedValues = 4096
    /// The deepest nesting of lists and mappings front matter may use: real posts use two levels, and Yams reads
    /// each level with recursive calls: at libyaml's own limit, 1,000 levels, a debug build needs more than 512 KB
    /// of stack, the size of a secondary thread's on macOS.
    static let maximumDepth = 64
    /// The most bytes front matter may hold.
    static let maximumBytes = 256 * 1024

    /// Refuses front matter that is too large, nests too deep, or whose aliases are too many or stand for too much,
    /// before Yams composes it.
    ///
    /// Aliases and levels are counted by libyaml's parser, the one Yams reads with, from its events: no spelling of
    /// the text around them (quotes, apostrophes, block scalars, comments) can hide one. That costs a second parse,
    /// but only of front matter that could go past a limit (see ``YAMLBudget/mayExceed(_:)``): real posts cannot
    /// (none in the shared corpus holds a `*`, and none more than 18 of the bytes that open a list or mapping).
    private static func checkBudget(_ yaml: Substring, firstLine: Int) throws(DocumentError) {
        let bytes = yaml.utf8
        guard bytes.count <= maximumBytes else {
            throw .frontMatter(line: firstLine, message: "front matter of \(bytes.count) bytes (at most \(maximumBytes)): not read")
        }
        let excess = { (bytes: UnsafeBufferPointer<UInt8>) in
            YAMLBudget.mayExceed(bytes) ? YAMLBudget.excess(in: bytes) : nil
        }
        if let (line, reason) = bytes.withContiguousStorageIfAvailable(excess) ?? Array(bytes).withUnsafeBufferPointer(excess) {
            throw .frontMatter(line: firstLine + line, message: reason)
        }
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

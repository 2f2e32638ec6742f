/// The parts of a file's name, found on its UTF-8 bytes: what Foundation's `NSString` path methods give for the
/// plain paths the scanner lists, at a fraction of their cost (they ran for every file of every index run); and a
/// name as text for a person or a script to read (``quoted(_:)``).
public enum FileName {
    /// The last component of `path`: `000_seed.md` for `corpus/000_seed.md`.
    static func of(_ path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// The extension of the file name `name`, without its dot: `md` for `000_seed.md`; empty when the name has
    /// none, or only a leading dot (`.md` is a hidden file's whole name).
    static func pathExtension(of name: Substring) -> Substring {
        guard let dot = extensionDot(in: name) else { return name[name.endIndex...] }
        return name[name.utf8.index(after: dot)...]
    }

    /// `name` without its extension and dot: `000_seed` for `000_seed.md`.
    static func stem(of name: Substring) -> Substring {
        guard let dot = extensionDot(in: name) else { return name }
        return name[..<dot]
    }

    private static func extensionDot(in name: Substring) -> String.Index? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return nil }
        return dot
    }

    // MARK: - Names as text

    /// `name` as a person or a script reads it, on one line, as git prints paths (`git ls-files`, `git status`
    /// with `core.quotePath` off): unchanged when it holds no control character, `"` or `\`; otherwise in double
    /// quotes, with `\"`, `\\`, `\a` `\b` `\t` `\n` `\v` `\f` `\r`, and every other control character (C0, DEL,
    /// and the C1 controls git leaves as they are) as the octal escapes of its UTF-8 bytes (`\033` for ESC, `\177`
    /// for DEL, `\302\233` for U+009B, which some terminals obey as ESC `[`).
    ///
    /// Chinese, spaces and emoji are ordinary: `新闻 2022/😀.md` is shown as it is, `a<LF>b.md` as `"a\nb.md"`.
    public static func quoted(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: needsQuotes) else { return name }
        return "\"" + name.unicodeScalars.map { escaped($0, quotes: true) }.joined() + "\""
    }

    /// The name whose bytes are `bytes` (a file name on Linux need not be UTF-8) as ``quoted(_:)`` shows it; a
    /// byte that is not part of valid UTF-8 is written as its octal escape (`"bad\377.md"`).
    public static func quoted(bytes: some Collection<UInt8>) -> String {
        if let name = String(validating: bytes, as: UTF8.self) { return quoted(name) }
        var text = "", parser = Unicode.UTF8.ForwardParser(), input = bytes.makeIterator()
        var position = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                text += escaped(Unicode.UTF8.decode(encoded), quotes: true)
                position = bytes.index(position, offsetBy: encoded.count)
            case .error(let length):
                let end = bytes.index(position, offsetBy: length)
                text += bytes[position ..< end].map(octal).joined()
                position = end
            case .emptyInput:
                return "\"" + text + "\""
            }
        }
    }

    /// `text` (a message, a reason, a file's text: not a name) with its control characters escaped as
    /// ``quoted(_:)`` escapes them (`\n`, `\033`), and nothing else changed: no quotes added, `"` and `\` kept.
    /// What it returns holds no control character, so it cannot move the cursor, change colours or break a line.
    public static func escapingControlCharacters(in text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return text.unicodeScalars.map { escaped($0, quotes: false) }.joined()
    }

    /// Whether `scalar` makes ``quoted(_:)`` quote the name: a control character, `"` or `\`.
    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\\" || isControl(scalar)
    }

    /// Whether `scalar` is a control character (general category Cc: U+0000–001F, U+007F–009F).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value)
    }

    /// `scalar` as written inside a quoted name (`quotes`: `"` and `\` escaped too) or in escaped text.
    private static func escaped(_ scalar: Unicode.Scalar, quotes: Bool) -> String {
        switch scalar {
        case "\"" where quotes: return "\\\""
        case "\\" where quotes: return "\\\\"
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\u{0B}": return "\\v"
        case "\u{0C}": return "\\f"
        case "\r": return "\\r"
        default: return isControl(scalar) ? String(scalar).utf8.map(octal).joined() : String(scalar)
        }
    }

    /// `\ooo`: a byte as a backslash and three octal digits, as C and git write it.
    private static func octal(_ byte: UInt8) -> String {
        "\\" + String(byte >> 6) + String(byte >> 3 & 7) + String(byte & 7)
    }
}

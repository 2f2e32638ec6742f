import Foundation

/// JSON text for the list and map columns of the documents table.
enum JSONText {
    /// A list of strings as a JSON array, written directly: the indexer encodes two of these per article, and
    /// JSONSerialization cost as much as segmenting the article.
    static func encode(_ strings: [String]) -> String {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            appendQuoted(string, to: &text)
        }
        return text + "]"
    }

    /// A map of strings as a JSON object, keys sorted, written directly.
    static func encode(_ strings: [String: String]) -> String {
        var text = "{"
        for (index, key) in strings.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            appendQuoted(key, to: &text)
            text += ":"
            appendQuoted(strings[key]!, to: &text)
        }
        return text + "}"
    }

    /// `string` as a JSON string literal (RFC 8259: quote, backslash and control characters escaped).
    private static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        var plain = true
        for scalar in string.unicodeScalars where scalar == "\"" || scalar == "\\" || scalar.value < 0x20 {
            plain = false
            break
        }
        guard !plain else {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// A JSON list of strings (empty when it is not one): with JSONSerialization, much cheaper than a decoder.
    static func strings(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8),
              let strings = try? JSONSerialization.jsonObject(with: data) as? [String] else { return [] }
        return strings
    }

    /// A JSON object of strings (empty when it is not one).
    static func stringMap(_ text: String?) -> [String: String] {
        guard let text, let data = text.data(using: .utf8),
              let map = try? JSONSerialization.jsonObject(with: data) as? [String: String] else { return [:] }
        return map
    }
}

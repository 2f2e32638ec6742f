import Foundation

/// JSON text for the list and map columns of the documents table.
enum JSONText {
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A list or map of strings, with JSONSerialization: much cheaper than a JSONEncoder per value, which the
    /// indexer would otherwise create twice per article.
    static func encode(_ strings: [String]) -> String {
        serialized(strings)
    }

    static func encode(_ strings: [String: String]) -> String {
        serialized(strings)
    }

    private static func serialized(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON list of strings (empty when it is not one): with JSONSerialization, much cheaper than a decoder.
    static func strings(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8),
              let strings = try? JSONSerialization.jsonObject(with: data) as? [String] else { return [] }
        return strings
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String?) -> Value? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

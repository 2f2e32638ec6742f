import Foundation

/// The CLI's JSON output: one object on one line, keys sorted, slashes not escaped (`query --json`, `--stdin`,
/// `stats --json`).
enum JSONLine {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

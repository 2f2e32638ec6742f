/// An error of the text-analysis layer.
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
    /// ICU failed (for example its data could not be loaded).
    case icu(String)
    /// A user dictionary file cannot be used: its path and why.
    case dictionary(String, String)
    /// Synonyms cannot be used: their file (or "synonyms" for groups given in code) and why, naming the line.
    case synonyms(String, String)

    /// The error as one line for a user: `ICU: …` with ICU's message, `dictionary PATH: REASON`, or `PATH: line N: REASON` for synonyms.
    public var description: String {
        switch self {
        case .icu(let message): return "ICU: \(message)"
        case .dictionary(let path, let reason): return "dictionary \(path): \(reason)"
        case .synonyms(let source, let reason): return "\(source): \(reason)"
        }
    }

    /// Calls an ICU `open` function that returns nil and writes ICU's error name into a buffer on failure.
    /// - Throws: ``icu(_:)`` naming `what` and ICU's error.
    static func opening<Handle>(_ what: String, _ open: (UnsafeMutablePointer<CChar>, Int32) -> Handle?) throws -> Handle {
        var message = [CChar](repeating: 0, count: 64)
        let count = Int32(message.count)
        if let handle = message.withUnsafeMutableBufferPointer({ open($0.baseAddress!, count) }) { return handle }
        let name = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        throw AnalysisError.icu("cannot open the ICU \(what): \(name)")
    }
}

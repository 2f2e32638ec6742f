/// An error of the text-analysis layer.
public enum AnalysisError: Error, CustomStringConvertible {
    /// ICU failed (for example its data could not be loaded).
    case icu(String)

    public var description: String {
        switch self {
        case .icu(let message): return "ICU: \(message)"
        }
    }
}

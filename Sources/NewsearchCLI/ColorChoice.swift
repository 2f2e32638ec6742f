import ArgumentParser

/// The `--color` option: whether output is coloured.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    /// Colour when standard output is a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`.
    case auto
    /// Colour whatever the output is (for `less -R`, or a pipe into a program that shows ANSI colours).
    case always
    /// Never colour.
    case never

    /// Whether to colour standard output.
    var colorsStandardOutput: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return Terminal.stdoutSupportsColor
        }
    }
}

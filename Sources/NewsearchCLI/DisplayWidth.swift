extension String {
    /// Columns the text takes in a terminal: East Asian wide characters (CJK, full-width forms, emoji) take two,
    /// combining marks and zero-width joiners none, everything else one.
    var displayWidth: Int {
        unicodeScalars.reduce(0) { width, scalar in width + Self.columns(of: scalar) }
    }

    /// The text followed by spaces up to `width` columns (unchanged when it is as wide or wider).
    func padded(toWidth width: Int) -> String {
        self + String(repeating: " ", count: Swift.max(0, width - displayWidth))
    }

    /// The text without the spaces at its end.
    var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }

    private static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x200D || (0xFE00 ... 0xFE0F).contains(value) || scalar.properties.generalCategory == .nonspacingMark {
            return 0
        }
        let wide = (0x1100 ... 0x115F).contains(value) || (0x2E80 ... 0xA4CF).contains(value)
            || (0xAC00 ... 0xD7A3).contains(value) || (0xF900 ... 0xFAFF).contains(value)
            || (0xFE30 ... 0xFE4F).contains(value) || (0xFF00 ... 0xFF60).contains(value)
            || (0xFFE0 ... 0xFFE6).contains(value) || (0x1F300 ... 0x1FAFF).contains(value)
            || (0x20000 ... 0x3FFFD).contains(value)
        return wide ? 2 : 1
    }
}

/// Facts about UTF-8 sequences that the analysis stages read bytes by.
enum UTF8Scalar {
    /// The length of the UTF-8 sequence that `lead` begins (1 for a stray continuation byte).
    @inline(__always)
    static func width(of lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// The class of an ASCII byte inside a word, for the boundaries between letters, digits and the punctuation
    /// ICU keeps inside numbers and words (`iphone|16`, `3|.|5`, `16|,|2024`): digit 1, letter 2, other 3.
    @inline(__always)
    static func asciiClass(of byte: UInt8) -> UInt8 {
        byte &- 0x30 < 10 ? 1 : byte &- 0x61 < 26 ? 2 : 3
    }
}

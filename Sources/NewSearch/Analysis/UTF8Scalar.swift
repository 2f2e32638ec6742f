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

    /// The scalar at `index` of `text` and its width in bytes; an invalid sequence reads as one byte of U+FFFD.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, width: Int) {
        let lead = text[index]
        let width = Self.width(of: lead)
        guard width > 1, index + width <= text.count else { return (0xFFFD, 1) }
        var scalar = UInt32(lead) & (0xFF >> (width + 1))
        for offset in 1 ..< width {
            let byte = text[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return (scalar, width)
    }
}

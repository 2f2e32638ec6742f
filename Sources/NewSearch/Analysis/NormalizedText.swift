/// Text folded for matching by a ``CharacterFolder``, with a map from every folded byte back to the original
/// character it came from, so that tokens found in the folded text keep byte ranges into the original.
struct NormalizedText {
    /// The folded text, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// For each folded byte, the start and end of its original character.
    private var origins: [Origin] = []

    private struct Origin {
        var start: Int32
        var end: Int32
    }

    /// Folds `text` into this buffer, replacing what it held.
    mutating func fold(_ text: UnsafeBufferPointer<UInt8>, with folder: CharacterFolder) {
        bytes.removeAll(keepingCapacity: true)
        origins.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(text.count)
        origins.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let lead = text[index]
            if lead < 0x80 {
                bytes.append(lead &- 0x41 < 26 ? lead | 0x20 : lead)
                origins.append(Origin(start: Int32(index), end: Int32(index + 1)))
                index += 1
                continue
            }
            let (scalar, width) = Self.decode(text, at: index)
            let original = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[index ..< index + width])
            let appended = folder.fold(scalar, original: original, into: &bytes)
            let origin = Origin(start: Int32(index), end: Int32(index + width))
            for _ in 0 ..< appended { origins.append(origin) }
            index += width
        }
    }

    /// The original byte range of the folded bytes `range`.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let position = range.lowerBound < origins.count ? Int(origins[range.lowerBound].start)
                : Int(origins.last?.end ?? 0)
            return position ..< position
        }
        return Int(origins[range.lowerBound].start) ..< Int(origins[range.upperBound - 1].end)
    }

    /// The scalar at `index` and its width in bytes; an invalid sequence reads as one byte of U+FFFD.
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = text[index]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
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

import NewSearch

extension HighlightedText {
    /// The highlights as `[start, end)` offsets in Unicode code points (scalars) into `text`: what Python's
    /// `str` slicing, Rust's `chars()` and Swift's `unicodeScalars` count, unlike grapheme clusters.
    ///
    /// Complexity: O(n) in the length of `text`, in one pass whatever the number of highlights.
    var codePointOffsets: [Range<Int>] {
        let bounds = highlights.flatMap { [$0.lowerBound, $0.upperBound] }
        let scalars = text.unicodeScalars
        var offsets: [Int] = []
        offsets.reserveCapacity(bounds.count)
        var offset = 0, index = scalars.startIndex
        for bound in bounds {
            while index < bound && index < scalars.endIndex {
                scalars.formIndex(after: &index)
                offset += 1
            }
            offsets.append(offset)
        }
        return stride(from: 0, to: offsets.count - 1, by: 2).map { offsets[$0] ..< offsets[$0 + 1] }
    }
}

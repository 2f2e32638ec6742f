/// Text folded for matching by a ``CharacterFolder``, with a map from folded bytes back to the original characters
/// they came from, so that tokens found in the folded text keep byte ranges into the original.
///
/// Most characters fold to themselves or to a character of the same width (ASCII lower-casing, Traditional →
/// Simplified), so folded and original bytes line up; only the characters whose folding changes the width or the
/// number of characters (Ａ → a, ﬁ → fi) are recorded, as shifts. Unchanged runs are copied in bulk.
struct NormalizedText {
    /// The folded text, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// The folded characters whose bytes do not line up with their original's, in text order.
    private var shifts: [Shift] = []

    /// One folded character whose bytes `folded` came from the original character at `original`.
    private struct Shift {
        var foldedStart: Int32
        var foldedEnd: Int32
        var originalStart: Int32
        var originalEnd: Int32
    }

    /// Folds `text` into this buffer, replacing what it held.
    mutating func fold(_ text: UnsafeBufferPointer<UInt8>, with folder: CharacterFolder) {
        bytes.removeAll(keepingCapacity: true)
        shifts.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(text.count)
        // text[copied ..< index] folds to itself and is appended in one go when the run ends.
        var index = 0, copied = 0
        while index < text.count {
            let lead = text[index]
            if lead < 0x80 {
                if lead &- 0x41 < 26 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied ..< index]))
                    bytes.append(lead | 0x20)
                    copied = index + 1
                }
                index += 1
                continue
            }
            let (scalar, width) = UTF8Scalar.decode(text, at: index)
            guard folder.changes(scalar) else {
                index += width
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied ..< index]))
            let start = bytes.count
            folder.appendFolding(of: scalar, to: &bytes)
            let length = bytes.count - start
            if length != width || UTF8Scalar.width(of: bytes[start]) != length {
                shifts.append(Shift(foldedStart: Int32(start), foldedEnd: Int32(bytes.count),
                                    originalStart: Int32(index), originalEnd: Int32(index + width)))
            }
            index += width
            copied = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied ..< text.count]))
    }

    /// The original byte range of the folded bytes `range`, whose ends are character boundaries of the folded
    /// text; a range that begins or ends inside a shifted character takes all of it.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        var cursor = -1
        return originalRange(of: range, cursor: &cursor)
    }

    /// ``originalRange(of:)`` for ranges asked in increasing order, as a pass over the tokens asks them: `cursor`
    /// (start it at 0) keeps how many shifts lie before the last position asked, so that each range costs O(1)
    /// amortized instead of a binary search. A negative cursor, or a position before the last, searches.
    func originalRange(of range: Range<Int>, cursor: inout Int) -> Range<Int> {
        let lower = original(range.lowerBound, end: false, cursor: &cursor)
        guard !range.isEmpty else { return lower ..< lower }
        return lower ..< original(range.upperBound - 1, end: true, cursor: &cursor)
    }

    /// The original start (or end) of the character that holds folded byte `position`.
    @inline(__always)
    private func original(_ position: Int, end: Bool, cursor: inout Int) -> Int {
        if shifts.isEmpty { return end ? position + 1 : position }
        if cursor < 0 || cursor > 0 && Int(shifts[cursor - 1].foldedStart) > position {
            cursor = shiftsBefore(position)
        } else {
            while cursor < shifts.count, Int(shifts[cursor].foldedStart) <= position { cursor += 1 }
        }
        guard cursor > 0 else { return end ? position + 1 : position }
        let shift = shifts[cursor - 1]
        if position < Int(shift.foldedEnd) { return Int(end ? shift.originalEnd : shift.originalStart) }
        return position - Int(shift.foldedEnd) + Int(shift.originalEnd) + (end ? 1 : 0)
    }

    /// The number of shifts that begin at or before `position` (binary search).
    private func shiftsBefore(_ position: Int) -> Int {
        var low = 0, high = shifts.count
        while low < high {
            let middle = (low + high) / 2
            if Int(shifts[middle].foldedStart) <= position { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

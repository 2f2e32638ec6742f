extension Analyzer {
    /// Re-cuts each run of adjacent CJK segments so that user-dictionary words, longest first from the left,
    /// are whole words: ICU boundaries inside a dictionary word go, its edges become boundaries.
    func applyDictionary() {
        var result: [Segment] = []
        result.reserveCapacity(segments.count)
        var index = 0
        while index < segments.count {
            guard segments[index].isCJK else {
                result.append(segments[index])
                index += 1
                continue
            }
            var runEnd = index + 1
            while runEnd < segments.count, segments[runEnd].isCJK, segments[runEnd].start == segments[runEnd - 1].end {
                runEnd += 1
            }
            result += recut(segments[index ..< runEnd])
            index = runEnd
        }
        segments = result
    }

    private func recut(_ run: ArraySlice<Segment>) -> [Segment] {
        let bytes = normalized.bytes
        let limit = run.last!.end
        var boundaries = Set(run.map(\.start))
        boundaries.insert(limit)
        var position = run.first!.start
        while position < limit {
            let length = matcher.longestMatch(in: bytes, at: position, limit: limit)
            guard length > 0 else {
                position += Self.width(of: bytes[position])
                continue
            }
            boundaries = boundaries.filter { $0 <= position || $0 >= position + length }
            boundaries.insert(position)
            boundaries.insert(position + length)
            position += length
        }
        let sorted = boundaries.sorted()
        return zip(sorted, sorted.dropFirst()).map { Segment(start: $0, end: $1, isCJK: true) }
    }
}

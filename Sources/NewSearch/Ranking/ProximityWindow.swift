/// Whether the terms of a query occur close together in one article: the test behind the proximity boost.
enum ProximityWindow {
    /// Whether some stretch of one column holds a match of each of `terms` terms with at most `window` tokens
    /// between the end of the first match and the start of the last.
    ///
    /// - Parameter occurrences: the matches; sorted here in place.
    /// - Complexity: O(n log n) for n matches.
    static func holdsAllTerms(_ occurrences: inout [MatchOccurrence], terms: Int,
                              window: Int) -> Bool {
        guard terms > 1, occurrences.count >= terms else { return false }
        occurrences.sort { $0.position < $1.position }
        var inWindow = [Int](repeating: 0, count: terms)
        var covered = 0, left = 0
        for right in occurrences.indices {
            let added = Int(occurrences[right].term)
            if inWindow[added] == 0 { covered += 1 }
            inWindow[added] += 1
            while covered == terms || left < right && occurrences[left].position >> 32 != occurrences[right].position >> 32 {
                let first = occurrences[left], last = occurrences[right]
                if covered == terms, first.position >> 32 == last.position >> 32,
                   last.position - (first.position + Int64(first.length)) <= Int64(window) {
                    return true
                }
                let removed = Int(first.term)
                inWindow[removed] -= 1
                if inWindow[removed] == 0 { covered -= 1 }
                left += 1
            }
        }
        return false
    }
}

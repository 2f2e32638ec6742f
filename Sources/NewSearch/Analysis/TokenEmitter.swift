/// The token stage: turns folded, segmented text into the index's tokens (see ``TokenContract``).
///
/// Each scalar of each word is a character token; where words do not touch, a gap token stands for what separates
/// them. In a query, white space between CJK words is no separation (`"快递员 社会保险"` finds 快递员社会保险), but
/// it is between two Latin or number words (`"new york"`). Word boundaries are recorded at each word's first
/// character and where letters and digits meet inside a word (`iphone|16`).
enum TokenEmitter {
    static func emit(_ text: NormalizedText, segments: [WordSegment], mode: Analyzer.Mode, into list: inout TokenList) {
        text.bytes.withUnsafeBufferPointer { bytes in
            list.beginText(bytes)
            var previous: WordSegment?
            // The tokens' ranges are mapped back in increasing order, so one cursor serves them all.
            var cursor = 0
            for segment in segments {
                if let previous, segment.start > previous.end,
                   separates(bytes[previous.end ..< segment.start], previous, segment, mode: mode) {
                    list.appendGap(source: text.originalRange(of: previous.end ..< segment.start, cursor: &cursor))
                }
                emitCharacters(of: segment, bytes: bytes, text: text, cursor: &cursor, into: &list)
                previous = segment
            }
        }
        list.finish()
    }

    private static func emitCharacters(of segment: WordSegment, bytes: UnsafeBufferPointer<UInt8>,
                                       text: NormalizedText, cursor: inout Int, into list: inout TokenList) {
        var start = segment.start
        var previousClass: UInt8 = 0
        while start < segment.end {
            let lead = bytes[start]
            let end = min(start + UTF8Scalar.width(of: lead), segment.end)
            let asciiClass = lead < 0x80 ? UTF8Scalar.asciiClass(of: lead) : 0
            let startsWord = start == segment.start || asciiClass != 0 && previousClass != 0 && asciiClass != previousClass
            list.appendCharacter(folded: start ..< end, source: text.originalRange(of: start ..< end, cursor: &cursor),
                                 startsWord: startsWord)
            previousClass = asciiClass
            start = end
        }
    }

    /// Whether the folded text between two words makes a gap.
    private static func separates(_ between: Slice<UnsafeBufferPointer<UInt8>>, _ previous: WordSegment,
                                  _ next: WordSegment, mode: Analyzer.Mode) -> Bool {
        guard mode == .query, previous.isCJK || next.isCJK else { return true }
        return !between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}

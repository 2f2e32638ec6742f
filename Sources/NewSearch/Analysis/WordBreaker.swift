import CICU

/// ICU's dictionary word segmentation (`UBRK_WORD`) over UTF-8 bytes: the one Swift file that calls ICU's breaker.
///
/// Not thread-safe: give each thread its own breaker.
final class WordBreaker: WordSegmenter {
    static let name = "icu-word"
    static var version: String { icuVersion }

    /// The class of a word ICU found, from its rule status.
    enum Kind: Int32 {
        case number = 1, letter = 2, kana = 3, ideographic = 4
    }

    private let breaker: OpaquePointer
    private var words: UnsafeMutablePointer<CICUWord>
    private var capacity: Int

    /// Opens an ICU word breaker for the root locale.
    /// - Throws: `AnalysisError.icu` when ICU cannot open its break iterator (missing data).
    required init() throws {
        breaker = try AnalysisError.opening("word breaker", cicu_word_breaker_open)
        self.capacity = 1024
        self.words = .allocate(capacity: capacity)
    }

    deinit {
        cicu_word_breaker_close(breaker)
        words.deallocate()
    }

    /// The version of the ICU library, such as "72.1".
    static var icuVersion: String { String(cString: cicu_version()) }

    /// The segmentation stage: the words of the folded `text`, in order, written into `segments` (replacing what
    /// it held); spaces, punctuation and symbols are not words.
    func segment(_ text: UnsafeBufferPointer<UInt8>, into segments: inout [WordSegment]) {
        segments.removeAll(keepingCapacity: true)
        forEachWord(in: text) { start, end, kind in
            segments.append(WordSegment(start: start, end: end, isCJK: kind == .ideographic || kind == .kana))
        }
    }

    /// Calls `body` with the UTF-8 byte range and kind of each word in `text`, in order; spaces and punctuation
    /// are not words.
    func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Kind) -> Void) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        reserve(text.count)
        let count = base.withMemoryRebound(to: CChar.self, capacity: text.count) {
            cicu_word_breaker_segment(breaker, $0, Int32(text.count), words, Int32(capacity))
        }
        for index in 0..<max(0, Int(count)) {
            let word = words[index]
            body(Int(word.start), Int(word.end), Kind(rawValue: word.kind) ?? .letter)
        }
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        words.deallocate()
        capacity = max(needed, capacity * 2)
        words = .allocate(capacity: capacity)
    }
}

/// Turns text into tokens for the index and for queries.
///
/// The chain, in order (each stage works on UTF-8 bytes, and byte ranges always point into the original text):
/// 1. **Folding** (``CharacterFolder``): NFKC with case folding, then Traditional → Simplified, per character.
///    It runs first so that segmentation sees 社会保险 whether the text said 社會保險 or 社会保险.
/// 2. **Segmentation** (``WordBreaker``): ICU's dictionary word breaker finds words, numbers and CJK runs;
///    spaces, punctuation and symbols (emoji among them) are not tokens.
/// 3. **User dictionary** (``DictionaryMatcher``): its words, longest first, override ICU's word boundaries.
/// 4. **Token emission**: each CJK character is a token at its own position, so any substring can be found;
///    colocated markers record where dictionary words begin and end (for ranking whole-word matches first);
///    a Latin or number word is one token, plus its letter and digit parts when it mixes them (`iphone16`,
///    `iphone`, `16`); a gap token stands where punctuation or space separates CJK from anything, so phrases
///    never match across it.
///
/// ```swift
/// let analyzer = try Analyzer()
/// analyzer.tokens("上海GDP", mode: .query).map(\.text)   // ["上", "海", "gdp"]
/// ```
/// Not thread-safe: use one analyzer per thread.
public final class Analyzer {
    /// What the tokens are for.
    public enum Mode: Sendable {
        /// Tokens to index: characters, word-boundary markers, word parts.
        case document
        /// Tokens to match a query term as a phrase: characters and whole words, no markers.
        case query
        /// A query term matched only where it begins and ends on word boundaries: as `.query`, but its first and
        /// last CJK characters must be a word's first and last (or a one-character word).
        case alignedQuery
    }

    /// Bumped whenever the tokens produced for some text change; recorded in every index's analysis stamp.
    public static let version = 2

    /// The folding applied before segmentation, as recorded in the analysis stamp.
    public static let normalization = "nfkc_cf+traditional-simplified"

    /// The user dictionary in force.
    public let dictionary: UserDictionary

    private let breaker: WordBreaker
    private let folder: CharacterFolder
    let matcher: DictionaryMatcher
    // The working buffers of one analysis, reused: the folded text and its word segments.
    var normalized = NormalizedText()
    var segments: [Segment] = []
    private var scratch = TokenList()

    struct Segment {
        var start: Int
        var end: Int
        var isCJK: Bool
    }

    /// Opens the ICU resources the analyzer needs.
    /// - Throws: ``AnalysisError`` when ICU cannot be loaded.
    public init(dictionary: UserDictionary = .empty) throws {
        breaker = try WordBreaker()
        folder = try CharacterFolder()
        self.dictionary = dictionary
        var scratch = NormalizedText()
        let folder = self.folder
        matcher = DictionaryMatcher(foldedWords: dictionary.words.map { word in
            var word = word
            return word.withUTF8 { bytes in
                scratch.fold(bytes, with: folder)
                return scratch.bytes
            }
        })
    }

    /// The tokens of `text`, with UTF-8 byte ranges into `text`.
    ///
    /// Complexity: O(n) in the length of `text`.
    public func tokens(_ text: String, mode: Mode = .document) -> [Token] {
        tokenList(text, mode: mode).tokens()
    }

    /// The number of tokens of `text`, counted without building them: the analyzer's cost alone, for benchmarks.
    public func tokenCount(_ text: String, mode: Mode = .document) -> Int {
        scratch.removeAll()
        var text = text
        text.withUTF8 { analyze($0, mode: mode, into: &scratch) }
        return scratch.count
    }

    /// The number of words ICU finds in `text`, with no folding or token emission: segmentation alone.
    public func wordCount(_ text: String) -> Int {
        var count = 0
        var text = text
        text.withUTF8 { bytes in breaker.forEachWord(in: bytes) { _, _, _ in count += 1 } }
        return count
    }

    /// `text` folded as the index sees it (NFKC case folding, Traditional → Simplified): a substring of the folded
    /// title or body of an article is a query that finds the article.
    public func folded(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            normalized.fold(bytes, with: folder)
            return String(decoding: normalized.bytes, as: UTF8.self)
        }
    }

    /// The tokens of `text` in the compact form the index uses.
    func tokenList(_ text: String, mode: Mode = .document) -> TokenList {
        var list = TokenList()
        var text = text
        text.withUTF8 { analyze($0, mode: mode, into: &list) }
        return list
    }

    /// Appends the tokens of the UTF-8 `text` to `list`.
    func analyze(_ text: UnsafeBufferPointer<UInt8>, mode: Mode, into list: inout TokenList) {
        normalized.fold(text, with: folder)
        segment()
        if !matcher.isEmpty { applyDictionary() }
        list.reserve(tokens: list.count + normalized.bytes.count / 2, bytes: normalized.bytes.count * 2)
        emit(mode: mode, into: &list)
    }

    private func segment() {
        segments.removeAll(keepingCapacity: true)
        normalized.bytes.withUnsafeBufferPointer { bytes in
            breaker.forEachWord(in: bytes) { start, end, kind in
                segments.append(Segment(start: start, end: end, isCJK: kind == .ideographic || kind == .kana))
            }
        }
    }
}

/// Turns text into tokens for the index and for queries.
///
/// The stages, assembled here in this order (each works on UTF-8 bytes, and byte ranges always point into the
/// original text):
/// 1. **Folding** (`CharacterFolder` into `NormalizedText`): NFKC with case folding, then Traditional →
///    Simplified, per character. It runs first so that segmentation sees 社会保险 whether the text said 社會保險.
/// 2. **Segmentation** (a `WordSegmenter`: ICU's dictionary word breaker, `WordBreaker`) finds words, numbers and
///    CJK runs; spaces, punctuation and symbols (emoji among them) are not words.
/// 3. **User dictionary** (`DictionaryMatcher`): its words, longest first, override ICU's word boundaries.
/// 4. **Tokens** (`TokenEmitter`): every character of every word is a token at its own position, so any
///    substring of a run of touching words is found (上海 in 上海市, `hon` in `iPhone`, `20` in `2000`); gap tokens
///    stand where words do not touch; word boundaries travel beside the tokens (see `TokenContract`).
/// 5. **Pairs** (`TokenPairing`): two digits, a digit and 年/月/日, and common pairs such as 经济 are indexed as one
///    token as well, beside their first character; a query phrase uses the pair in its place. This is the stream
///    FTS5 indexes and matches, which ``indexedTokens(_:mode:)`` shows.
///
/// ```swift
/// let analyzer = try Analyzer()
/// analyzer.tokens("上海GDP", mode: .query).map(\.text)   // ["上", "海", "g", "d", "p"]
/// ```
/// Not thread-safe: use one analyzer per thread.
public final class Analyzer {
    /// What the tokens are for.
    public enum Mode: Sendable {
        /// Tokens to index: every separation is a gap.
        case document
        /// Tokens to match a query term as a phrase: white space next to CJK words joins them.
        case query
    }

    /// Bumped whenever the tokens produced for some text change; recorded in every index's analysis stamp.
    public static let version = 8

    /// The folding applied before segmentation, as recorded in the analysis stamp.
    public static let normalization = "nfkc_cf+traditional-simplified"

    /// The user dictionary in force.
    public let dictionary: UserDictionary

    /// The segmenter every analyzer uses, named with its version in the analysis stamp.
    static var segmenter: any WordSegmenter.Type { WordBreaker.self }

    private let breaker: any WordSegmenter
    private let folder: CharacterFolder
    private let matcher: DictionaryMatcher
    // The working buffers of one analysis, reused from text to text.
    private var normalized = NormalizedText()
    private var segments: [WordSegment] = []
    private var scratch = TokenList()

    /// Opens the ICU resources the analyzer needs.
    /// - Throws: ``AnalysisError`` when ICU cannot be loaded.
    public init(dictionary: UserDictionary = .empty) throws {
        breaker = try Self.segmenter.init()
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

    /// The tokens of `text`, with UTF-8 byte ranges into `text`; word boundaries are marked in documents only
    /// (a query term matches wherever its characters follow each other).
    ///
    /// Complexity: O(n) in the length of `text`.
    public func tokens(_ text: String, mode: Mode = .document) -> [Token] {
        Self.tokens(of: tokenList(text, mode: mode), mode: mode)
    }

    /// The public tokens of `list`: in a query, with no word boundaries marked.
    private static func tokens(of list: TokenList, mode: Mode) -> [Token] {
        let tokens = list.tokens()
        guard mode == .query else { return tokens }
        return tokens.map { token in
            var token = token
            token.startsWord = false
            token.endsWord = false
            return token
        }
    }

    /// The tokens the index holds for `text` (``Mode/document``) or the phrase a query term is matched as
    /// (``Mode/query``): ``tokens(_:mode:)`` with the pairs of the last stage (``Token/Kind/pair``), exactly the
    /// stream newsearch's FTS5 tokenizer emits. In a document a pair shares the position of its first character;
    /// in a query it replaces it, and the last character is left out when the pair before it holds it.
    ///
    /// ```swift
    /// try Analyzer().indexedTokens("2024年", mode: .query).map(\.text)   // ["20", "02", "24", "4年"]
    /// ```
    public func indexedTokens(_ text: String, mode: Mode = .document) -> [Token] {
        let list = tokenList(text, mode: mode)
        let plain = Self.tokens(of: list, mode: mode)
        var result: [Token] = []
        _ = TokenPairing.forEach(list, mode: mode) { output in
            var token = plain[output.position]
            if output.isPair {
                token.kind = .pair
                token.text = String(decoding: output.bytes, as: UTF8.self)
                token.byteRange = Int(output.source.lowerBound) ..< Int(output.source.upperBound)
                if mode == .document, output.position + 1 < plain.count { token.endsWord = plain[output.position + 1].endsWord }
            }
            result.append(token)
            return 0
        }
        return result
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
        var text = text
        text.withUTF8 { breaker.segment($0, into: &segments) }
        return segments.count
    }

    /// `text` folded as the index sees it (NFKC case folding, Traditional → Simplified): a substring of the folded
    /// title or body of an article, within a run of letters, digits and ideographs, is a query that finds it.
    public func folded(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            normalized.fold(bytes, with: folder)
            return String(decoding: normalized.bytes, as: UTF8.self)
        }
    }

    /// The distinct ideographs of the query terms `terms`, folded (險 counts as 险), as articles store theirs
    /// (``ArticleCharacters``).
    func queryCharacters(_ terms: [String]) -> QueryCharacters {
        QueryCharacters(foldedTerms: terms.map(folded))
    }

    /// `text` folded, with the map back to the original bytes: for finding matches in stored text.
    func normalizedText(_ text: String) -> NormalizedText {
        var text = text
        return text.withUTF8 { normalizedText(bytes: $0) }
    }

    /// UTF-8 `bytes` folded, with the map back to them.
    func normalizedText(bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var result = NormalizedText()
        result.fold(bytes, with: folder)
        return result
    }

    /// The tokens of `text` in the compact form the index uses.
    func tokenList(_ text: String, mode: Mode = .document) -> TokenList {
        var list = TokenList()
        var text = text
        text.withUTF8 { analyze($0, mode: mode, into: &list) }
        return list
    }

    /// Appends the tokens of the UTF-8 `text` to `list`: the four stages, in order.
    func analyze(_ text: UnsafeBufferPointer<UInt8>, mode: Mode, into list: inout TokenList) {
        normalized.fold(text, with: folder)
        normalized.bytes.withUnsafeBufferPointer { breaker.segment($0, into: &segments) }
        if !matcher.isEmpty { segments = matcher.recut(segments, in: normalized.bytes) }
        list.reserve(tokens: list.count + normalized.bytes.count / 2)
        TokenEmitter.emit(normalized, segments: segments, mode: mode, into: &list)
    }
}

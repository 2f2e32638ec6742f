/// Turns text into tokens for the index and for queries.
///
/// The chain, in order:
/// 1. ICU dictionary word segmentation (`UBRK_WORD`): CJK words from ICU's dictionary, Latin words, numbers;
///    spaces, punctuation and symbols (emoji among them) are dropped.
/// 2. Case folding of letters: ASCII in place on the bytes, other scripts through Unicode lower-casing.
///
/// Byte ranges always point into the original UTF-8 text. Not thread-safe: use one analyzer per thread.
///
/// ```swift
/// let analyzer = try Analyzer()
/// analyzer.tokens("上海GDP增长").map(\.text)   // ["上海", "gdp", "增长"]
/// ```
public final class Analyzer {
    /// Bumped whenever the tokens produced for some text change; recorded in every index.
    public static let version = 1

    private let breaker: WordBreaker

    /// Opens the ICU resources the analyzer needs.
    /// - Throws: ``AnalysisError`` when ICU cannot be loaded.
    public init() throws {
        breaker = try WordBreaker()
    }

    /// The tokens of `text`, with UTF-8 byte ranges into `text`.
    ///
    /// Complexity: O(n) in the length of `text`.
    public func tokens(_ text: String) -> [Token] {
        tokenList(text).tokens()
    }

    /// Appends the tokens of the UTF-8 `text` to `list`.
    func analyze(_ text: UnsafeBufferPointer<UInt8>, into list: inout TokenList) {
        breaker.forEachWord(in: text) { start, end, kind in
            let word = UnsafeBufferPointer(rebasing: text[start ..< end])
            switch kind {
            case .ideographic:
                list.append(word, source: start ..< end)
            case .number, .letter, .kana:
                if word.allSatisfy({ $0 < 0x80 }) {
                    list.appendASCIILowercased(word, source: start ..< end)
                } else {
                    list.append(String(decoding: word, as: UTF8.self).lowercased().utf8, source: start ..< end)
                }
            }
        }
    }

    /// The tokens of `text` in the compact form the index uses.
    func tokenList(_ text: String) -> TokenList {
        var list = TokenList()
        var text = text
        text.withUTF8 { analyze($0, into: &list) }
        return list
    }
}

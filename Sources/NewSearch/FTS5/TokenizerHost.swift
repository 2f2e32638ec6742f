import Foundation

/// What the `newsearch` tokenizers of one connection share: the texts analysed ahead of time.
///
/// The indexer analyses articles on all cores, then offers each text's tokens here just before it inserts the
/// text; the tokenizer takes them instead of segmenting the text again. A text that was not offered (a query, a
/// snippet, a deletion) is analysed on the spot. Used on the connection's thread only.
final class TokenizerHost {
    /// The user dictionary every tokenizer of the connection applies.
    let dictionary: UserDictionary
    /// How the connection's query phrases end.
    let phraseEnd: PhraseEnd

    /// How a query's phrase ends when the pair before its last character holds that character (see
    /// ``TokenContract``): both forms match exactly the same rows, at the same positions.
    enum PhraseEnd {
        /// The character is left out: the shortest phrase (经济 is the one token 经济), for newsearch's own
        /// connections, which highlight from the stored text.
        case shortest
        /// The character is kept, so that the phrase holds a token at every position of the term (经济 is the
        /// phrase 经济 济): FTS5's own `highlight()` and `snippet()` mark matches by position and then mark the
        /// whole term. For an app's connection.
        case everyPosition
    }

    init(dictionary: UserDictionary, phraseEnd: PhraseEnd = .everyPosition) {
        self.dictionary = dictionary
        self.phraseEnd = phraseEnd
    }

    private struct Pretokenized {
        var text: String
        var tokens: TokenList
    }

    private var pending: [Pretokenized] = []

    /// Offers the tokens of `text` for its next insertion.
    func offer(_ text: String, tokens: TokenList) {
        pending.append(Pretokenized(text: text, tokens: tokens))
    }

    /// Forgets every offer not taken.
    func clear() {
        pending.removeAll(keepingCapacity: true)
    }

    /// Takes the offered tokens of a text with exactly the bytes of `text`, if any.
    func take(matching text: UnsafeBufferPointer<UInt8>) -> TokenList? {
        guard let index = pending.firstIndex(where: { entry in
            var candidate = entry.text
            return candidate.withUTF8 { bytes in
                bytes.count == text.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, text.baseAddress!, bytes.count) == 0)
            }
        }) else { return nil }
        return pending.remove(at: index).tokens
    }
}

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
    let phraseEnd: TokenPairing.PhraseEnd

    init(dictionary: UserDictionary, phraseEnd: TokenPairing.PhraseEnd = .everyPosition) {
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

import CSQLite

/// The `newsearch` FTS5 tokenizer: the ``Analyzer`` behind SQLite's C tokenizer interface (FTS5 API v1), emitting
/// the tokens ``TokenContract`` describes.
///
/// Every C callback is here; none lets a Swift error or a trap cross into SQLite: each returns a result code.
enum FTS5Tokenizer {
    /// The stable name tables use: `tokenize='newsearch'`.
    static let name = "newsearch"

    /// Registers the tokenizer on `database`, sharing `host` between its instances.
    static func register(on database: Database, host: TokenizerHost) throws {
        let api = try FTS5API.of(database)
        var tokenizer = fts5_tokenizer(xCreate: create, xDelete: delete, xTokenize: tokenize)
        // Released by `destroyHost`, which FTS5 calls when the connection closes.
        let context = Unmanaged.passRetained(host).toOpaque()
        let code = api.pointee.xCreateTokenizer(api, name, context, &tokenizer, destroyHost)
        guard code == SQLITE_OK else {
            Unmanaged<TokenizerHost>.fromOpaque(context).release()
            throw database.error(code, sql: nil)
        }
    }

    /// One tokenizer of one FTS5 table: an analyzer and a reusable token buffer.
    private final class Instance {
        let analyzer: Analyzer
        let host: TokenizerHost
        var scratch = TokenList()

        init(analyzer: Analyzer, host: TokenizerHost) {
            self.analyzer = analyzer
            self.host = host
        }
    }

    private static let destroyHost: @convention(c) (UnsafeMutableRawPointer?) -> Void = { context in
        guard let context else { return }
        Unmanaged<TokenizerHost>.fromOpaque(context).release()
    }

    /// xCreate: the analyzer of the connection's dictionary, or with the option `dictionary FILE`
    /// (`tokenize = "newsearch dictionary '/data/words.txt'"`) of that user dictionary file, read each time a
    /// connection first uses the table. Any other argument is an error, so a misspelt option never passes silently.
    private static let create: @convention(c) (
        UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafePointer<CChar>?>?, Int32,
        UnsafeMutablePointer<OpaquePointer?>?
    ) -> Int32 = { context, arguments, argumentCount, output in
        guard let context, let output else { return SQLITE_ERROR }
        let host = Unmanaged<TokenizerHost>.fromOpaque(context).takeUnretainedValue()
        let options = (0 ..< Int(argumentCount)).map { arguments?[$0].map { String(cString: $0) } ?? "" }
        guard let dictionary = Self.dictionary(options, default: host.dictionary),
              let analyzer = try? Analyzer(dictionary: dictionary) else { return SQLITE_ERROR }
        // Released by `delete`, which FTS5 calls when it drops this tokenizer.
        output.pointee = OpaquePointer(Unmanaged.passRetained(Instance(analyzer: analyzer, host: host)).toOpaque())
        return SQLITE_OK
    }

    /// The dictionary a table's tokenizer options ask for: `default` for none, the file's for `dictionary FILE`;
    /// nil for anything else, or a file that cannot be read.
    private static func dictionary(_ options: [String], default: UserDictionary) -> UserDictionary? {
        switch options.count {
        case 0: return `default`
        case 2 where options[0] == "dictionary": return try? UserDictionary(contentsOf: options[1])
        default: return nil
        }
    }

    private static let delete: @convention(c) (OpaquePointer?) -> Void = { tokenizer in
        guard let tokenizer else { return }
        Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(tokenizer)).release()
    }

    private static let tokenize: @convention(c) (
        OpaquePointer?, UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32,
        (@convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32)?
    ) -> Int32 = { tokenizer, callbackContext, flags, text, length, emit in
        guard let tokenizer, let emit else { return SQLITE_ERROR }
        guard let text, length > 0 else { return SQLITE_OK }
        let instance = Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(tokenizer)).takeUnretainedValue()
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                        count: Int(length))
        let isQuery = flags & FTS5_TOKENIZE_QUERY != 0
        if !isQuery, let tokens = instance.host.take(matching: bytes) {
            return emitTokens(tokens, query: false, context: callbackContext, emit: emit)
        }
        instance.scratch.removeAll()
        instance.analyzer.analyze(bytes, mode: isQuery ? .query : .document, into: &instance.scratch)
        return emitTokens(instance.scratch, query: isQuery, phraseEnd: instance.host.phraseEnd,
                          context: callbackContext, emit: emit)
    }

    /// Emits the final tokens of `tokens` (``TokenPairing``: pairs colocated in a document, in place of their first
    /// character in a query) to FTS5.
    private static func emitTokens(
        _ tokens: TokenList, query: Bool, phraseEnd: TokenPairing.PhraseEnd = .shortest,
        context: UnsafeMutableRawPointer?,
        emit: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32
    ) -> Int32 {
        TokenPairing.forEach(tokens, mode: query ? .query : .document, phraseEnd: phraseEnd) { token in
            token.bytes.withMemoryRebound(to: CChar.self) { bytes in
                emit(context, token.isColocated ? FTS5_TOKEN_COLOCATED : 0, bytes.baseAddress, Int32(bytes.count),
                     token.source.lowerBound, token.source.upperBound)
            }
        }
    }
}

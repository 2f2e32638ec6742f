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
        return emitTokens(instance.scratch, query: isQuery, shortest: instance.host.phraseEnd == .shortest,
                          context: callbackContext, emit: emit)
    }

    /// Emits `tokens` to FTS5, with the pairs of ``TokenContract``: colocated beside the first character in a
    /// document; in a query, in place of it, the last character left out when the pair before it holds it and
    /// `shortest` (see ``TokenizerHost/PhraseEnd``).
    private static func emitTokens(
        _ tokens: TokenList, query: Bool, shortest: Bool = false, context: UnsafeMutableRawPointer?,
        emit: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32
    ) -> Int32 {
        tokens.bytes.withUnsafeBufferPointer { buffer in
            tokens.entries.withUnsafeBufferPointer { entries in
                guard let base = buffer.baseAddress else { return SQLITE_OK }
                let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                func text(_ entry: TokenList.Entry) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(start: base + Int(entry.textStart), count: Int(entry.textLength))
                }
                // A pair's bytes when its two characters are apart in the text (a query's space between CJK words):
                // at most four bytes each.
                var apart = [CChar](repeating: 0, count: 8)
                var previousPaired = false
                for index in entries.indices {
                    let entry = entries[index]
                    let next = index + 1 < entries.count ? entries[index + 1] : nil
                    let paired = next.map { TokenContract.pairs(text(entry), text($0)) } ?? false
                    if query && shortest && next == nil && previousPaired { break }
                    previousPaired = paired
                    if !query || !paired {
                        let code = emit(context, 0, characters + Int(entry.textStart), entry.textLength,
                                        entry.sourceStart, entry.sourceEnd)
                        if code != SQLITE_OK { return code }
                    }
                    guard paired, let next else { continue }
                    let flags = query ? 0 : FTS5_TOKEN_COLOCATED
                    let length = entry.textLength + next.textLength
                    let code: Int32
                    if next.textStart == entry.textStart + entry.textLength {
                        code = emit(context, flags, characters + Int(entry.textStart), length, entry.sourceStart,
                                    next.sourceEnd)
                    } else {
                        for offset in 0 ..< Int(entry.textLength) {
                            apart[offset] = characters[Int(entry.textStart) + offset]
                        }
                        for offset in 0 ..< Int(next.textLength) {
                            apart[Int(entry.textLength) + offset] = characters[Int(next.textStart) + offset]
                        }
                        code = apart.withUnsafeBufferPointer { pointer in
                            emit(context, flags, pointer.baseAddress, length, entry.sourceStart, next.sourceEnd)
                        }
                    }
                    if code != SQLITE_OK { return code }
                }
                return SQLITE_OK
            }
        }
    }
}

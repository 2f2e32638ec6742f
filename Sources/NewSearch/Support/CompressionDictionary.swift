import CZstd

/// A Zstandard dictionary for an index's bodies, trained on a sample of its own articles: news bodies are short
/// (1.4 KB on average in the shared corpus) and share their phrasing, which a dictionary holds once for all of them.
/// On the shared corpus the bodies' 27.9 MB take 12.0 MB with one of 110 KB, 17.6 MB without; training it on 2,000
/// of them costs well under a second.
///
/// The index keeps its dictionary (``IndexSchema``, `newsearch_dictionaries`), and each frame names the dictionary it
/// was compressed with (Zstandard's dictionary id), so that ``TextDecompressor`` finds it for any reader and frames
/// written before an index had one still read without. Holds the prepared compression tables, which the preparing
/// workers share: Zstandard's `ZSTD_CDict` is read-only once made.
final class CompressionDictionary: @unchecked Sendable {
    /// The dictionary's size (Zstandard's advised 110 KB; 32 KB gave 13.1 MB on the shared corpus).
    static let capacity = 112_640
    /// The fewest new articles a run trains a dictionary on: fewer teach it little.
    static let minimumArticles = 1_000
    /// The articles a dictionary is trained on, evenly spread over the run's new ones.
    static let sampleArticles = 2_000
    /// The most of one body a sample takes, so that a few long articles do not outweigh the rest.
    static let sampleBytes = 16_384

    /// The dictionary as stored.
    let bytes: [UInt8]
    /// Zstandard's id of the dictionary, which every frame compressed with it records.
    let id: UInt32
    let compressionTables: OpaquePointer

    /// The dictionary stored as `bytes`; nil when they are no Zstandard dictionary.
    init?(bytes: [UInt8]) {
        let id = bytes.withUnsafeBytes { ZSTD_getDictID_fromDict($0.baseAddress, $0.count) }
        guard id != 0,
              let tables = bytes.withUnsafeBytes({ ZSTD_createCDict($0.baseAddress, $0.count, TextCompressor.level) })
        else { return nil }
        self.bytes = bytes
        self.id = id
        compressionTables = tables
    }

    deinit { ZSTD_freeCDict(compressionTables) }

    /// A dictionary trained on `samples` (bodies' UTF-8, each cut to ``sampleBytes``); nil when Zstandard's trainer
    /// finds them too few or too small to make one.
    static func train(_ samples: [[UInt8]]) -> CompressionDictionary? {
        let cut = samples.map { $0.prefix(sampleBytes) }.filter { $0.count >= 8 }
        guard cut.count >= 8 else { return nil }
        let flat = cut.flatMap { $0 }
        let sizes = cut.map(\.count)
        var dictionary = [UInt8](repeating: 0, count: capacity)
        let size = dictionary.withUnsafeMutableBytes { buffer in
            flat.withUnsafeBytes { flat in
                sizes.withUnsafeBufferPointer { sizes in
                    ZDICT_trainFromBuffer(buffer.baseAddress, buffer.count, flat.baseAddress, sizes.baseAddress,
                                          UInt32(sizes.count))
                }
            }
        }
        guard ZDICT_isError(size) == 0 else { return nil }
        return CompressionDictionary(bytes: Array(dictionary.prefix(size)))
    }
}

import CZstd

/// Reads back text that ``TextCompressor`` stored, keeping one decompression context: one per connection (it is
/// not for two threads at once).
final class TextDecompressor {
    /// The largest text it returns: SQLite's own limit on a value (SQLITE_MAX_LENGTH), far above the longest body
    /// an article file may hold (``ArticleParser``), so that a damaged size field cannot make it allocate more.
    static let maximumBytes = 1_000_000_000

    private let context: OpaquePointer

    init() {
        guard let context = ZSTD_createDCtx() else { fatalError("Zstandard could not allocate a decompression context") }
        self.context = context
    }

    deinit { ZSTD_freeDCtx(context) }

    /// The UTF-8 bytes of the text `stored` holds: no bytes for empty text, nil for bytes that are no frame of
    /// ``TextCompressor`` (damaged, or written by something else).
    func decompress(_ stored: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let source = stored.baseAddress, !stored.isEmpty else { return [] }
        let size = ZSTD_getFrameContentSize(source, stored.count)
        // ZSTD_CONTENTSIZE_UNKNOWN and _ERROR are the two largest values: no frame of ours.
        guard size <= UInt64(Self.maximumBytes) else { return nil }
        var failed = false
        let text = [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            let written = ZSTD_decompressDCtx(context, buffer.baseAddress, Int(size), source, stored.count)
            failed = ZSTD_isError(written) != 0 || written != Int(size)
            count = failed ? 0 : written
        }
        return failed ? nil : text
    }
}

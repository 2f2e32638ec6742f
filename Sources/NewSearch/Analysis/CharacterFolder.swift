import CICU

/// Folds characters so that variants match: NFKC with case folding (ＡＢＣ１２３ → abc123, Ａ → a, ﬁ → fi), then
/// Traditional → Simplified (社會保險 → 社会保险): the one Swift file that calls ICU's normalizer and transliterator.
///
/// Each character is folded on its own and the result cached, so ICU is asked once per distinct character.
/// ASCII never reaches ICU: it is lower-cased in place. Not thread-safe: one folder per thread.
final class CharacterFolder {
    /// A folded character: `length` bytes at `offset` in `pool`; `identity` when it folds to itself.
    private struct Entry {
        var offset: UInt32
        var length: UInt8
        var identity: Bool
        var known: Bool
    }

    private let folder: OpaquePointer
    /// Entries for the Basic Multilingual Plane, by code point (allocated in init, freed in deinit: a plain
    /// buffer, so that the per-character lookup pays no exclusivity or copy-on-write check); other planes in
    /// `supplementary`.
    private let basic: UnsafeMutablePointer<Entry>
    private var supplementary: [UInt32: Entry] = [:]
    private var pool: [UInt8] = []

    /// - Throws: ``AnalysisError/icu(_:)`` when ICU's normalization or transliteration data cannot be loaded.
    init() throws {
        folder = try AnalysisError.opening("normalizer", cicu_folder_open)
        basic = .allocate(capacity: 0x1_0000)
        basic.initialize(repeating: Entry(offset: 0, length: 0, identity: false, known: false), count: 0x1_0000)
    }

    deinit {
        cicu_folder_close(folder)
        basic.deallocate()
    }

    /// Appends the folding of `scalar` (whose UTF-8 bytes are `original`) to `output`.
    /// Returns the number of bytes appended.
    @inline(__always)
    func fold(_ scalar: UInt32, original: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Int {
        let entry = lookup(scalar)
        if entry.identity {
            for byte in original { output.append(byte) }
            return original.count
        }
        let start = Int(entry.offset)
        output.append(contentsOf: pool[start ..< start + Int(entry.length)])
        return Int(entry.length)
    }

    private func lookup(_ scalar: UInt32) -> Entry {
        if scalar < 0x1_0000 {
            let entry = basic[Int(scalar)]
            if entry.known { return entry }
            let computed = compute(scalar)
            basic[Int(scalar)] = computed
            return computed
        }
        if let entry = supplementary[scalar] { return entry }
        let computed = compute(scalar)
        supplementary[scalar] = computed
        return computed
    }

    private func compute(_ scalar: UInt32) -> Entry {
        var buffer = [CChar](repeating: 0, count: 192)
        let length = cicu_folder_fold(folder, scalar, &buffer, Int32(buffer.count))
        let folded = buffer.prefix(max(0, Int(length))).map { UInt8(bitPattern: $0) }
        let original = Unicode.Scalar(scalar).map { Array(String($0).utf8) } ?? []
        if length < 0 || folded == original || folded.count > Int(UInt8.max) {
            return Entry(offset: 0, length: 0, identity: true, known: true)
        }
        let offset = UInt32(pool.count)
        pool.append(contentsOf: folded)
        return Entry(offset: offset, length: UInt8(folded.count), identity: false, known: true)
    }
}

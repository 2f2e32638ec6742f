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
    /// What ``changes(_:)`` answers for the Basic Multilingual Plane, a byte per code point (0: not looked up
    /// yet, 1: folds to itself, 2: changes): 64 KB that stay in cache where the entries would not.
    private let kinds: UnsafeMutablePointer<UInt8>
    private var supplementary: [UInt32: Entry] = [:]
    private var pool: [UInt8] = []

    /// - Throws: ``AnalysisError/icu(_:)`` when ICU's normalization or transliteration data cannot be loaded.
    init() throws {
        folder = try AnalysisError.opening("normalizer", cicu_folder_open)
        basic = .allocate(capacity: 0x1_0000)
        basic.initialize(repeating: Entry(offset: 0, length: 0, identity: false, known: false), count: 0x1_0000)
        kinds = .allocate(capacity: 0x1_0000)
        kinds.initialize(repeating: 0, count: 0x1_0000)
    }

    deinit {
        cicu_folder_close(folder)
        basic.deallocate()
        kinds.deallocate()
    }

    /// Whether `scalar` folds to anything but itself.
    @inline(__always)
    func changes(_ scalar: UInt32) -> Bool {
        guard scalar < 0x1_0000 else { return !lookup(scalar).identity }
        let kind = kinds[Int(scalar)]
        if kind != 0 { return kind == 2 }
        let changes = !lookup(scalar).identity
        kinds[Int(scalar)] = changes ? 2 : 1
        return changes
    }

    /// Appends the folding of `scalar` to `output` (nothing when it folds to nothing; see ``changes(_:)`` for
    /// the characters that fold to themselves, which the caller copies).
    @inline(__always)
    func appendFolding(of scalar: UInt32, to output: inout [UInt8]) {
        let entry = lookup(scalar)
        let start = Int(entry.offset)
        output.append(contentsOf: pool[start ..< start + Int(entry.length)])
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

import Foundation

/// The project's shared test corpus (`../shared/corpus` beside the clone): 19,880 real articles. Tests over it
/// skip, saying so, where it is absent.
enum SharedCorpus {
    static var directory: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
        return FileManager.default.fileExists(atPath: corpus) ? corpus : nil
    }

    static let absence = "../shared/corpus is absent: corpus-wide checks skipped"
}

/// A deterministic pseudo-random generator (SplitMix64), so a fixed seed draws the same samples on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

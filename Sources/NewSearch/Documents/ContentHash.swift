/// A 64-bit FNV-1a digest of a file's bytes, as 16 hex digits: tells unchanged files from changed ones.
enum ContentHash {
    static func of(_ bytes: some Collection<UInt8>) -> String {
        let hash = bytes.withContiguousStorageIfAvailable(digest) ?? digest(Array(bytes))
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func digest(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

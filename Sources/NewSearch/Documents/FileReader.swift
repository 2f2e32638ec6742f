#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files into byte arrays with `open`, `fstat` and `read`: one allocation of the file's size, where
/// Foundation's `Data(contentsOf:)` built a URL and a `Data` that then had to be copied into an array.
/// With ``DirectoryWalker``, the documents layer's only system calls.
enum FileReader {
    /// The bytes of the file at `path`, read to its end (a file that grows while it is read is read as it ends).
    /// - Throws: ``DocumentError/unreadable(_:)`` with the system's reason, such as `Permission denied` or
    ///   `Is a directory`.
    static func contents(of path: String) throws(DocumentError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(DirectoryWalker.reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(DirectoryWalker.reason(errno)) }
        // One byte more than the size tells, at once, whether the file ended where fstat said.
        var wanted = Int(status.st_size) + 1
        var result: [UInt8] = []
        while true {
            let chunk = try bytes(from: descriptor, count: wanted)
            if result.isEmpty { result = chunk } else { result += chunk }
            if chunk.count < wanted { return result }
            wanted = max(wanted, 1 << 16)
        }
    }

    /// Up to `count` bytes from `descriptor`, fewer only at the end of the file.
    private static func bytes(from descriptor: Int32, count: Int) throws(DocumentError) -> [UInt8] {
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while initialized < count {
                let got = read(descriptor, buffer.baseAddress! + initialized, count - initialized)
                if got > 0 {
                    initialized += got
                } else if got == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        guard failure == 0 else { throw .unreadable(DirectoryWalker.reason(failure)) }
        return chunk
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock an index run holds on its index file, so that two runs never write one index at once (they would both
/// add the same new files): an exclusive `flock` on the file, taken before the run reads what is stored and
/// released when it ends (or when its process dies). Readers take no part in it.
///
/// The one file of the store layer that makes system calls.
final class RunLock {
    private let descriptor: Int32

    /// Takes the lock on the file at `path`; when another run holds it, calls `waiting` once, then waits for it.
    /// Nil for an in-memory index, or a file that cannot be opened (the run then goes on unlocked, as SQLite's
    /// own locking still keeps the file valid).
    init?(path: String, waiting: () -> Void) {
        guard path != ":memory:", !path.isEmpty else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

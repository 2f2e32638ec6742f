import Foundation

/// The connections of one ``SearchIndex``: a single writer, and readers opened as concurrent reads need them.
///
/// Writes are serialized through the writer. Reads each borrow an idle reader (opening one when none is idle) and
/// give it back, so reads run in parallel on their own connections, which WAL lets read while the writer writes.
/// An in-memory index has one connection, so its reads wait for the writer instead.
///
/// The library's one `@unchecked Sendable`: each session is used by one thread at a time, the primary one under
/// `primaryLock`, a reader between its removal from `idle` and its return, both under `idleLock`.
final class SessionPool: @unchecked Sendable {
    /// Idle readers kept open for the next reads; readers beyond this many are closed when given back.
    static let idleReadersKept = max(2, ProcessInfo.processInfo.activeProcessorCount)

    /// The first session opened: the writer of a writable index, else the first reader.
    let primary: IndexSession
    private let writable: Bool
    /// Whether reads open connections of their own (not for an in-memory index, which is one connection).
    private let readsHaveConnections: Bool
    /// The path the index was opened with.
    let givenPath: String
    private let path: String
    private let primaryLock = NSLock()
    private let idleLock = NSLock()
    private var idle: [IndexSession] = []

    /// Opens the writer (`writable`) or a first reader, so that opening fails now rather than at the first read.
    init(path: String, writable: Bool, dictionary: UserDictionary?, rebuild: Bool, inAppDatabase: Bool,
         waiting: () -> Void) throws {
        primary = try IndexSession(path: path, writable: writable, dictionary: dictionary, rebuild: rebuild,
                                   inAppDatabase: inAppDatabase, waiting: waiting)
        self.writable = writable
        givenPath = path
        readsHaveConnections = path != ":memory:" && !path.isEmpty && !path.hasPrefix("file:")
        // Readers open the file by absolute path, so that a later change of folder does not send them elsewhere.
        self.path = readsHaveConnections ? URL(fileURLWithPath: path).path : path
        if !writable && readsHaveConnections { idle = [primary] }
    }

    deinit {
        // Readers close first: the last connection to close checkpoints the write-ahead log and removes it, which
        // only the writer may do.
        idle.removeAll()
    }

    /// Runs `body` on the writer, after any write in progress.
    func write<T>(_ body: (IndexSession) throws -> T) throws -> T {
        precondition(writable, "a write to a read-only index")
        return try onPrimary(body)
    }

    /// Runs `body` on a reader of its own (on the one connection of an in-memory index).
    func read<T>(_ body: (IndexSession) throws -> T) throws -> T {
        guard readsHaveConnections else { return try onPrimary(body) }
        let session = try borrowReader()
        defer {
            session.store.database.finishReads()
            giveBack(session)
        }
        return try body(session)
    }

    private func onPrimary<T>(_ body: (IndexSession) throws -> T) throws -> T {
        primaryLock.lock()
        defer {
            primary.store.database.finishReads()
            primaryLock.unlock()
        }
        return try body(primary)
    }

    private func borrowReader() throws -> IndexSession {
        idleLock.lock()
        let session = idle.popLast()
        idleLock.unlock()
        return try session ?? IndexSession(path: path, writable: false, inAppDatabase: primary.store.inAppDatabase)
    }

    private func giveBack(_ session: IndexSession) {
        idleLock.lock()
        defer { idleLock.unlock() }
        if idle.count < Self.idleReadersKept { idle.append(session) }
    }
}

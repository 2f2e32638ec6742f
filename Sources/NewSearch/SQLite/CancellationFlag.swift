import Synchronization

/// A flag one thread raises to stop work another thread is doing on a connection: the statement running stops at
/// its next check (see ``Database/interruptible(by:_:)``) and the work ends with `CancellationError`.
final class CancellationFlag: Sendable {
    private let raised = Atomic(false)

    init() {}

    /// Asks the work to stop. Safe from any thread, at any time, any number of times.
    func raise() {
        raised.store(true, ordering: .relaxed)
    }

    var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Throws `CancellationError` once the flag is raised: for the points between statements.
    func check() throws {
        if isRaised { throw CancellationError() }
    }
}

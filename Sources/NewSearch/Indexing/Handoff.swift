import Dispatch
import Foundation

/// A bounded queue that hands work from one producer thread to one consumer thread.
final class Handoff<Element: Sendable>: @unchecked Sendable {
    // `items` is guarded by `lock`; the semaphores count filled and free slots.
    private let lock = NSLock()
    private var items: [Element] = []
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    init(capacity: Int) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Waits for a free slot, then adds `item`.
    func put(_ item: Element) {
        free.wait()
        lock.withLock { items.append(item) }
        filled.signal()
    }

    /// Waits for an item and removes it.
    func take() -> Element {
        filled.wait()
        let item = lock.withLock { items.removeFirst() }
        free.signal()
        return item
    }
}

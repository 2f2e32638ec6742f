/// The best `capacity` of a stream of scored rows, without sorting them all: a bounded min-heap whose root is the
/// worst row kept. Order: higher score first, then newer date, then lower row id (so results are stable).
///
/// Complexity: O(n log k) for n rows offered and k kept; O(n log n) when every row is kept.
struct TopHits: HitCollector {
    /// A row offered for ranking.
    struct Row: Sendable, Equatable {
        var id: Int64
        var score: Double
        /// Seconds since 1970, `Int64.min` for no date.
        var date: Int64
    }

    /// How rows compare.
    enum Order {
        /// Score, then date, then id.
        case relevance
        /// Date, then id.
        case date
    }

    private(set) var capacity: Int
    let order: Order
    private var heap: [Row] = []
    /// Whether the row last offered was kept.
    private(set) var keptLast = false
    /// The best score among the rows offered and not kept, or pushed out since (`-infinity` when none).
    private(set) var bestDropped = -Double.infinity

    init(capacity: Int, order: Order) {
        self.capacity = max(0, capacity)
        self.order = order
        heap.reserveCapacity(min(self.capacity, 1024))
    }

    /// Whether `a` ranks before `b`.
    @inline(__always)
    private func precedes(_ a: Row, _ b: Row) -> Bool {
        if order == .relevance, a.score != b.score { return a.score > b.score }
        if a.date != b.date { return a.date > b.date }
        return a.id < b.id
    }

    /// Offers a row; it is kept if it ranks among the best `capacity`.
    mutating func offer(_ row: Row) {
        keptLast = false
        guard capacity > 0 else {
            bestDropped = max(bestDropped, row.score)
            return
        }
        if heap.count < capacity {
            heap.append(row)
            siftUp(heap.count - 1)
            keptLast = true
        } else if precedes(row, heap[0]) {
            bestDropped = max(bestDropped, heap[0].score)
            heap[0] = row
            siftDown(0)
            keptLast = true
        } else {
            bestDropped = max(bestDropped, row.score)
        }
    }

    @inline(__always)
    mutating func collect(_ row: Row) {
        offer(row)
    }

    /// The rows kept.
    var count: Int { heap.count }

    /// The rows kept, in no particular order (``sorted()`` orders them).
    var rows: [Row] { heap }

    /// Whether as many rows are kept as it can hold.
    var isFull: Bool { heap.count >= capacity }

    /// The worst row kept, when any.
    var worst: Row? { heap.first }

    /// The rows kept, best first.
    func sorted() -> [Row] {
        heap.sorted(by: precedes)
    }

    // The heap keeps the worst row at the root: a parent never precedes its children.
    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count, precedes(heap[worst], heap[left]) { worst = left }
            if right < heap.count, precedes(heap[worst], heap[right]) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}

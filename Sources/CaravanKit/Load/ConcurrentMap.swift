import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over every core, results in the original order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeResults<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(transform(elements[index]), at: index)
            }
        }
        return results.values()
    }
}

/// Slots written once each from `concurrentPerform`; every index is written by exactly one
/// iteration, so no two threads touch the same slot. A raw buffer, not an array property,
/// so that Swift's exclusivity checks do not see the writes as overlapping accesses.
private final class UnsafeResults<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    /// The results, moved out rather than copied: copying thousands of large values (loaded
    /// documents, rendered pages) costs a retain and a release of every reference they hold.
    func values() -> [T] {
        [T](unsafeUninitializedCapacity: buffer.count) { values, count in
            for index in buffer.indices {
                (values.baseAddress! + index).initialize(to: (buffer.baseAddress! + index).move()!)
                (buffer.baseAddress! + index).initialize(to: nil)
            }
            count = buffer.count
        }
    }
}

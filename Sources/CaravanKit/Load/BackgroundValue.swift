import Foundation

/// A value worked out on another thread while the caller goes on with something else;
/// `value` waits for it. For serial work that can overlap work spread over every core.
final class BackgroundValue<T: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the worker before it leaves `done`, read only after `done.wait()`.
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        // A thread of its own, not one of Dispatch's workers: Dispatch runs as many workers
        // as there are cores, and a value soon waited on must not queue behind a
        // `concurrentMap` that holds them all.
        let thread = Thread { [self] in
            result = work()
            done.leave()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// A value already worked out.
    init(ready value: T) {
        result = value
    }

    var value: T {
        done.wait()
        return result!
    }
}

/// Lets go of `value` on another thread, where it is freed if nothing else holds it.
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let owned = consume value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(owned) {} }
}

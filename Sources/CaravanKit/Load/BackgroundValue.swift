import Foundation
import Synchronization

/// A value worked out on another thread while the caller goes on with something else;
/// `value` waits for it. For serial work that can overlap work spread over every core.
final class BackgroundValue<T: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the worker before it leaves `done`, read only after `done.wait()`.
    private var result: T?
    /// The work, until a thread takes it.
    private let work: Mutex<(@Sendable () -> T)?>

    init(_ work: @escaping @Sendable () -> T) {
        self.work = Mutex(nil)
        done.enter()
        run(work)
    }

    private init(waiting work: @escaping @Sendable () -> T) {
        self.work = Mutex(work)
        done.enter()
    }

    /// Work that starts when `start()` is called or the value is first asked for: for what
    /// may turn out not to be needed.
    static func startingLater(_ work: @escaping @Sendable () -> T) -> BackgroundValue {
        BackgroundValue(waiting: work)
    }

    /// A value already worked out.
    init(ready value: T) {
        work = Mutex(nil)
        result = value
    }

    deinit {
        // Work never started leaves the group entered, and Dispatch refuses to free a group in use.
        if work.withLock({ $0 != nil }) { done.leave() }
    }

    /// Starts the work of `startingLater`, unless it has started already.
    func start() {
        if let work = work.withLock({ work in defer { work = nil }; return work }) { run(work) }
    }

    /// Whether `value` would answer without waiting.
    var isReady: Bool {
        done.wait(timeout: .now()) == .success
    }

    var value: T {
        start()
        done.wait()
        return result!
    }

    private func run(_ work: @escaping @Sendable () -> T) {
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
}

/// Lets go of `value` on another thread, where it is freed if nothing else holds it.
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let owned = consume value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(owned) {} }
}

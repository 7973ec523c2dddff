import Foundation
import Synchronization

/// The files a manifest lists that are no longer in the output folder as written (deleted
/// or changed by hand), found with one `stat` each. At tens of thousands of files that is a
/// tenth of a second, mostly in the kernel, so the work is shared out in chunks: `start()`
/// sets one thread of its own on it, to run beside stages that leave a core free; `files`
/// waits for the answer, working through what is left meanwhile, so each thread that asks
/// adds a core.
final class MissingFilesCheck: Sendable {
    private let entries: [(path: String, size: Int)]
    private let folder: OutputFolder?
    private let nextChunk = Atomic<Int>(0)
    private let chunksLeft: Atomic<Int>
    private let found = Mutex<Set<String>>([])
    private let done = DispatchGroup()
    private static let chunkSize = 256

    /// Every file of `manifest` is missing when `folder` is not there.
    init(_ manifest: Manifest, in folder: OutputFolder) {
        entries = manifest.entries.map { ($0.key, $0.value.size) }
        self.folder = folder.exists ? folder : nil
        chunksLeft = Atomic((entries.count + Self.chunkSize - 1) / Self.chunkSize)
        if !entries.isEmpty { done.enter() }
    }

    /// None missing: for a folder the builder wrote itself.
    init() {
        entries = []
        folder = nil
        chunksLeft = Atomic(0)
    }

    deinit {
        // A check never started leaves the group entered (a thread at work holds the check),
        // and Dispatch refuses to free a group in use.
        if chunksLeft.load(ordering: .relaxed) > 0 { done.leave() }
    }

    /// Sets a thread on the work (before `files` is asked for, or beside its caller).
    func start() {
        guard chunksLeft.load(ordering: .relaxed) > 0 else { return }
        Thread.detachNewThread { [self] in check() }
    }

    /// The missing files, checked by this thread and one of the check's own.
    var checkedOnEveryCore: Set<String> {
        start()
        return files
    }

    /// The missing files, once every chunk is checked.
    var files: Set<String> {
        check()
        done.wait()
        return found.withLock { $0 }
    }

    /// Checks chunks on this thread until `enough` says so (asked before each chunk) or none
    /// is left: a thread waiting on something else can check meanwhile.
    func check(until enough: () -> Bool = { false }) {
        let chunkCount = (entries.count + Self.chunkSize - 1) / Self.chunkSize
        while !enough() {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunkCount else { return }
            var missing: [String] = []
            for (path, size) in entries[(chunk * Self.chunkSize)..<min(entries.count, (chunk + 1) * Self.chunkSize)]
            where folder?.sizeForCheck(path) != size {
                missing.append(path)
            }
            if !missing.isEmpty { found.withLock { $0.formUnion(missing) } }
            if chunksLeft.wrappingSubtract(1, ordering: .acquiringAndReleasing).oldValue == 1 { done.leave() }
        }
    }
}

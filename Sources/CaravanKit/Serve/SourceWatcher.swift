import Foundation

/// Tells `caravan serve` what changed under `Content/`, `Templates/` and `Public/`, in
/// batches: a batch ends when no change has come for `quietPeriod`, so an editor's save (a
/// temporary file renamed into place) or a `git checkout` gives one rebuild. When every
/// file the batch saw being written has been closed (or renamed into place), the save is
/// over and `settledPeriod` is enough: a save reaches the browser sooner.
///
/// Uses inotify: one watch per folder (added as folders appear), so a save is noticed at
/// once and names its file, and nothing is walked. Where inotify is missing or runs out of
/// watches, it polls instead: the folders' listings (POSIX `stat`s on every core) every
/// `pollInterval`, and a difference means "anything may have changed".
final class SourceWatcher: @unchecked Sendable {
    static let quietPeriod: Duration = .milliseconds(30)
    static let settledPeriod: Duration = .milliseconds(5)
    static let pollInterval: Duration = .milliseconds(500)

    let root: String
    private let stream: AsyncStream<SourceChanges>
    private let continuation: AsyncStream<SourceChanges>.Continuation
    private let stopped = NSLock()
    private var isStopped = false

    init(root: String) {
        self.root = SiteWriter.absolute(root)
        (stream, continuation) = AsyncStream<SourceChanges>.makeStream()
        let thread = Thread { [self] in
            if let fd = Inotify(root: self.root) {
                watch(fd)
            } else {
                poll()
            }
            continuation.finish()
        }
        thread.name = "caravan source watcher"
        thread.start()
    }

    deinit { stop() }

    /// The batches of changes, as they settle.
    var changes: AsyncStream<SourceChanges> { stream }

    /// Asks for a build with no file changed (the clock published or took down a story).
    func nudge() {
        continuation.yield(.paths([]))
    }

    func stop() {
        stopped.withLock { isStopped = true }
    }

    private var shouldStop: Bool { stopped.withLock { isStopped } }

    private func watch(_ inotify: Inotify) {
        defer { inotify.close() }
        var batch: Set<String> = []
        /// Files opened, created or written to and not yet closed.
        var beingWritten: Set<String> = []
        var overflowed = false
        while !shouldStop {
            // Waits for the first change up to a quarter second (to notice `stop`), then for
            // the next one up to the quiet (or settled) period: the batch ends when none comes.
            let wait = beingWritten.isEmpty && !overflowed ? Self.settledPeriod : Self.quietPeriod
            let timeout = batch.isEmpty && !overflowed ? 250 : Int32(wait.components.attoseconds / 1_000_000_000_000_000)
            switch inotify.read(timeout: timeout) {
            case .changed(let changes):
                for change in changes {
                    batch.insert(change.path)
                    switch change.writing {
                    case true?: beingWritten.insert(change.path)
                    case false?: beingWritten.remove(change.path)
                    case nil: break
                    }
                }
            case .overflowed:
                overflowed = true
            case .timedOut:
                guard !batch.isEmpty || overflowed else { continue }
                continuation.yield(overflowed ? .unknown : .paths(batch))
                batch = []
                beingWritten = []
                overflowed = false
            case .failed:
                // Out of watches (or inotify broke): what happened since is unknown.
                continuation.yield(.unknown)
                poll()
                return
            }
        }
    }

    private func poll() {
        var known = Self.snapshot(root)
        while !shouldStop {
            Thread.sleep(forTimeInterval: Double(Self.pollInterval.components.attoseconds) / 1e18)
            var current = Self.snapshot(root)
            guard current != known else { continue }
            // Settle: keep waiting while files are still changing.
            while !shouldStop {
                Thread.sleep(forTimeInterval: Double(Self.quietPeriod.components.attoseconds) / 1e18)
                let next = Self.snapshot(root)
                if next == current { break }
                current = next
            }
            known = current
            continuation.yield(.unknown)
        }
    }

    /// Every source file's path, size, modification time and inode, as one number.
    private static func snapshot(_ root: String) -> UInt64 {
        SourceFingerprint.of(FileSystem(root: root).recordingListings(under: SourceFingerprint.folders),
                             options: BuildOptions(source: root))
    }
}

/// The inotify descriptor and its watches: which folder each watch is, so an event names
/// a path relative to the site folder.
private final class Inotify {
    enum Event {
        /// Each path, with whether the event starts a write (created, written to: true),
        /// ends one (closed after writing, moved in or out, deleted: false), or neither.
        case changed([(path: String, writing: Bool?)])
        case overflowed
        case timedOut
        case failed
    }

    private let fd: Int32
    private let root: String
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_MODIFY
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW)

    init?(root: String) {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        self.root = root
        // The site folder itself, for a source folder made (or removed) later.
        let rootWatch = inotify_add_watch(fd, root, UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_ONLYDIR))
        guard rootWatch >= 0 else {
            Glibc.close(fd)
            return nil
        }
        folders[rootWatch] = ""
        for folder in SourceFingerprint.folders {
            guard addWatches(under: folder) else {
                Glibc.close(fd)
                return nil
            }
        }
    }

    func close() { Glibc.close(fd) }

    /// Watches `folder` and every folder under it (symbolic links are not followed, as the
    /// loader does not follow them into folders); false when inotify has no watches left.
    private func addWatches(under folder: String) -> Bool {
        let wd = inotify_add_watch(fd, root + "/" + folder, Self.mask)
        if wd < 0 { return errno != ENOSPC }
        folders[wd] = folder
        for entry in FileSystem(root: root).list(folder) where entry.kind == .directory && !entry.isSymlink {
            guard addWatches(under: folder + "/" + entry.name) else { return false }
        }
        return true
    }

    func read(timeout milliseconds: Int32) -> Event {
        var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = Glibc.poll(&waiting, 1, milliseconds)
        if ready == 0 || (ready < 0 && errno == EINTR) { return .timedOut }
        guard ready > 0 else { return .failed }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EAGAIN ? .timedOut : .failed }
        var changed: [(path: String, writing: Bool?)] = []
        var offset = 0
        // struct inotify_event: wd, mask, cookie, len, then `len` bytes of NUL-padded name.
        while offset + 16 <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { bytes in
                (bytes.load(fromByteOffset: offset, as: Int32.self), bytes.load(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .overflowed }
            guard let folder = folders[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[wd] = nil
                continue
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let path = folder.isEmpty ? name : nameBytes.isEmpty ? folder : folder + "/" + name
            // In the site folder itself only the source folders matter (not Site/, not .git/).
            if folder.isEmpty, !SourceFingerprint.folders.contains(name) { continue }
            let isFile = mask & UInt32(IN_ISDIR) == 0
            let writing: Bool? = !isFile ? nil
                : mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 ? false
                : mask & UInt32(IN_CREATE | IN_MODIFY) != 0 ? true : nil
            changed.append((path, writing))
            // A folder that appears (made, or moved in) is watched too, with what it holds.
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !addWatches(under: path) {
                return .failed
            }
            // A folder moved away is no longer under the site: its watches would report
            // changes there under the old name.
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_MOVED_FROM) != 0 {
                for (watch, watched) in folders where watched == path || watched.hasPrefix(path + "/") {
                    inotify_rm_watch(fd, watch)
                    folders[watch] = nil
                }
            }
        }
        return .changed(changed)
    }
}

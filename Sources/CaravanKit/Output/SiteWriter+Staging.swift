import Glibc
import Synchronization

extension SiteWriter {
    /// Starts a write that takes files as they are rendered (see `Staging`); `previous` is
    /// the manifest of the build that wrote the folder (empty when there is none). Into a
    /// folder that is missing or empty (`intoNewFolder`), files go straight to their names.
    func begin(after previous: Manifest = Manifest(), intoNewFolder: Bool = false) -> Staging {
        Staging(writer: self, previous: intoNewFolder ? Manifest() : previous, writesInPlace: intoNewFolder)
    }

    /// Removes what an interrupted write left: its temporary files (including those of
    /// pages no later build makes, which nothing else would ever delete) and the folders
    /// that held only those. The engine calls it when its journal says a write was cut short.
    func sweepInterruptedWrite() {
        for path in folder.allFiles() where Self.name(of: path).hasPrefix(Self.temporaryPrefix) {
            folder.remove(path)
            removeEmptyParents(of: path)
        }
        folder.closeFolders()
    }

    /// Empties a folder that an interrupted write was filling from empty (`begin` with
    /// `intoNewFolder`): every file in it is that write's, under its final name.
    func emptyInterruptedFill() {
        for path in folder.allFiles().sorted(by: { $0.utf8.count > $1.utf8.count }) {
            folder.remove(path)
            removeEmptyParents(of: path)
        }
        folder.closeFolders()
    }

    /// A write in progress. `stage` takes each file as soon as it is made, from any thread:
    /// an unchanged file is only noted, a changed one is written under a temporary name
    /// beside its final place, so a large site never has to sit in memory. `commit` renames
    /// the changed files into place, removes what the build no longer makes and returns
    /// the new manifest; `abandon` (a build that failed) removes the temporary files and
    /// the folders made for them, leaving the folder exactly as it was. Into a new folder
    /// (`writesInPlace`) there is nothing a reader could see half-made, and nothing to
    /// replace: files are written under their own names, and `abandon` removes them.
    public final class Staging: Sendable {
        private struct State {
            var entries: [String: Manifest.Entry] = [:]
            var temporaries: [(temporary: String, path: String)] = []
            /// Files written under their own names (`writesInPlace`).
            var placed: [String] = []
            var createdFolders: [String] = []
            var failures: [Diagnostic] = []
            var unchanged = 0
            /// Whether the marker is there, and whether this write put it there.
            var hasMarker = false
            var wroteMarker = false
        }

        private let writer: SiteWriter
        private let previous: Manifest
        private let writesInPlace: Bool
        private let state: Mutex<State>
        private var folder: OutputFolder { writer.folder }

        fileprivate init(writer: SiteWriter, previous: Manifest, writesInPlace: Bool) {
            self.writer = writer
            self.previous = previous
            self.writesInPlace = writesInPlace
            self.state = Mutex(State())
        }

        /// `key` is a page's input key (`BuildOutput.pageKeys`), kept in the manifest.
        public func stage(_ path: String, _ bytes: [UInt8], key: UInt64? = nil) {
            let entry = Manifest.Entry(hash: ContentHash.of(bytes), size: bytes.count, key: key)
            if let old = previous.entries[path], old.hash == entry.hash, old.size == entry.size, folder.fileSize(path) == bytes.count {
                state.withLock { state in
                    state.entries[path] = entry
                    state.unchanged += 1
                }
                return
            }
            var made: [String] = []
            do throws(OutputFolder.Failure) {
                try markFolder()
                if writesInPlace, try folder.writeNewFile(bytes, at: path, made: &made) {
                    state.withLock { state in
                        state.entries[path] = entry
                        state.placed.append(path)
                        state.createdFolders += made
                    }
                    return
                }
                let (parent, isCached) = try folder.openFolder(SiteWriter.folder(of: path), creating: true, made: &made)
                defer { if !isCached { close(parent) } }
                let temporary = try folder.writeTemporary(bytes, in: parent, for: path)
                state.withLock { state in
                    state.entries[path] = entry
                    state.temporaries.append((temporary, path))
                    state.createdFolders += made
                }
            } catch {
                state.withLock { state in
                    state.createdFolders += made
                    state.failures.append(writer.diagnostic(error))
                }
            }
        }

        /// Puts the marker in before the first temporary file: a build interrupted (Ctrl-C)
        /// after that leaves a folder the next build still recognises as its own.
        private func markFolder() throws(OutputFolder.Failure) {
            try state.withLock { (state: inout State) throws(OutputFolder.Failure) in
                guard !state.hasMarker else { return }
                var made: [String] = []
                defer { state.createdFolders += made }
                let (root, _) = try folder.openFolder("", creating: true, made: &made)
                if folder.fileSize(SiteWriter.markerName) == nil {
                    let temporary = try folder.writeTemporary(Array(SiteWriter.markerText.utf8), in: root, for: SiteWriter.markerName)
                    try folder.rename(temporary, to: SiteWriter.markerName, in: root, for: SiteWriter.markerName)
                    state.wroteMarker = true
                }
                state.hasMarker = true
            }
        }

        /// Why a commit did not happen: what went wrong, and whether the folder was already
        /// partly changed (a rename failed after others succeeded) or is as it was.
        struct Failure: Error {
            var diagnostic: Diagnostic
            var folderChanged: Bool
        }

        /// Stages what `build` still holds, keeps its kept pages, then publishes everything
        /// and returns what was done and the new manifest; or, when a file could not be
        /// written, removes everything staged and says what went wrong.
        func commit(_ build: BuildOutput) -> Result<(Report, Manifest), Failure> {
            // Pages came through `stage` as they were rendered, with their keys: what the build
            // still holds (story files, Public/) has none.
            let files = build.files.sorted { $0.key < $1.key }
            _ = files.concurrentMap { [self] file in stage(file.key, file.value, key: nil) }
            var state = self.state.withLock { $0 }
            // Kept pages are those whose keys the previous build stored (in the manifest, or
            // in the builder when it made them); kept search files are matched against the
            // manifest only by the search state, so they are checked.
            for path in build.keptFiles where previous.entries[path] == nil {
                state.failures.append(.error(writer.output + "/" + path, nil, "the previous build did not write this file, so it cannot be kept",
                                             hint: "build again; if it persists, delete \(StateFolder.folderName)/ beside Content/"))
            }
            let kept = build.pages.keptCount + build.keptFiles.count
            state.unchanged += kept
            if let failure = state.failures.sorted(by: { $0.file < $1.file }).first {
                abandon()
                return .failure(Failure(diagnostic: failure, folderChanged: false))
            }
            // Renames in different folders do not wait on each other: on every core.
            let failures = state.temporaries.sorted { $0.path < $1.path }.concurrentMap { [self] temporary, path -> Diagnostic? in
                var made: [String] = []
                do throws(OutputFolder.Failure) {
                    let (parent, isCached) = try folder.openFolder(SiteWriter.folder(of: path), creating: false, made: &made)
                    defer { if !isCached { close(parent) } }
                    try folder.rename(temporary, to: SiteWriter.name(of: path), in: parent, for: path)
                    return nil
                } catch {
                    return writer.diagnostic(error)
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                folder.closeFolders()
                return .failure(Failure(diagnostic: failure, folderChanged: true))
            }
            // Kept files stay as the last build listed them; staged ones take their new
            // entries. The last build's files this one neither staged nor kept go: when the
            // two together are as many as the list holds, there are none (kept files are
            // all in the last list, and nothing is both staged and kept).
            var entries = previous.entries
            for (path, entry) in state.entries { entries[path] = entry }
            var removed: [String] = []
            if entries.count != state.entries.count + kept {
                let keptSet = Set(build.keptPaths)
                removed = previous.entries.keys.filter { state.entries[$0] == nil && !keptSet.contains($0) }
                for path in removed { entries[path] = nil }
            }
            let next = Manifest(entries: entries)
            var report = Report(written: state.temporaries.count + state.placed.count, unchanged: state.unchanged)
            for path in removed.sorted() where SiteWriter.isSafeRelative(path) {
                if folder.remove(path) { report.removed += 1 }
                writer.removeEmptyParents(of: path)
            }
            for name in SiteWriter.legacyStateNames { folder.remove(name) }
            folder.closeFolders()
            return .success((report, next))
        }

        /// Removes everything staged so far; the folder is left as the last build left it.
        public func abandon() {
            let state = self.state.withLock { state in
                defer { state = State() }
                return state
            }
            for (temporary, path) in state.temporaries {
                folder.remove(SiteWriter.folder(of: path).isEmpty ? temporary : SiteWriter.folder(of: path) + "/" + temporary)
            }
            for path in state.placed { folder.remove(path) }
            if state.wroteMarker { folder.remove(SiteWriter.markerName) }
            folder.closeFolders()
            // Threads record the folders they made in any order; the longest path first
            // removes every folder before its parent.
            for made in state.createdFolders.sorted(by: { $0.utf8.count > $1.utf8.count }) {
                folder.removeFolderIfEmpty(made)
            }
        }
    }

    /// A failure to write, as a diagnostic naming the path under the output folder.
    func diagnostic(_ failure: OutputFolder.Failure) -> Diagnostic {
        .error(failure.path.isEmpty ? output : output + "/" + failure.path, nil, failure.description, hint: failure.hint)
    }
}

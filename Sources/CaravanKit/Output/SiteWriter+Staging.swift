import Foundation
import Synchronization

extension SiteWriter {
    /// Starts a write that takes files as they are rendered (see `Staging`); `previous` is
    /// the manifest of the build that wrote the folder (empty when there is none).
    func begin(after previous: Manifest = Manifest()) -> Staging {
        Staging(writer: self, previous: previous)
    }

    /// Removes what an interrupted write left: its temporary files (including those of
    /// pages no later build makes, which nothing else would ever delete) and the folders
    /// that held only those. The engine calls it when its journal says a write was cut short.
    func sweepInterruptedWrite() {
        let names = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String } ?? []
        for path in names where (path.split(separator: "/").last ?? "").hasPrefix(Self.temporaryPrefix) {
            unlink(output + "/" + path)
            removeEmptyParents(of: path)
        }
    }

    /// A write in progress. `stage` takes each file as soon as it is made, from any thread:
    /// an unchanged file is only noted, a changed one is written under a temporary name
    /// beside its final place, so a large site never has to sit in memory. `commit` renames
    /// the changed files into place, removes what the build no longer makes and returns
    /// the new manifest; `abandon` (a build that failed) removes the temporary files and
    /// the folders made for them, leaving the folder exactly as it was.
    public final class Staging: Sendable {
        private struct State {
            var entries: [String: Manifest.Entry] = [:]
            var temporaries: [(temporary: String, path: String)] = []
            var createdFolders: [String] = []
            var failures: [String] = []
            var unchanged = 0
            /// Whether the marker is there, and whether this write put it there.
            var hasMarker = false
            var wroteMarker = false
        }

        private let writer: SiteWriter
        private let previous: Manifest
        private let state = Mutex(State())

        fileprivate init(writer: SiteWriter, previous: Manifest) {
            self.writer = writer
            self.previous = previous
        }

        /// `key` is a page's input key (`BuildOutput.pageKeys`), kept in the manifest.
        public func stage(_ path: String, _ bytes: [UInt8], key: UInt64? = nil) {
            let entry = Manifest.Entry(hash: ContentHash.of(bytes), size: bytes.count, key: key)
            if let old = previous.entries[path], old.hash == entry.hash, old.size == entry.size, writer.fileSize(path) == bytes.count {
                state.withLock { state in
                    state.entries[path] = entry
                    state.unchanged += 1
                }
                return
            }
            do {
                try markFolder()
                let created = try writer.makeFolder(SiteWriter.folder(of: path))
                let temporary = try writer.writeTemporary(path, bytes)
                state.withLock { state in
                    state.entries[path] = entry
                    state.temporaries.append((temporary, path))
                    state.createdFolders += created
                }
            } catch {
                state.withLock { $0.failures.append("\(error)") }
            }
        }

        /// Puts the marker in before the first temporary file: a build interrupted (Ctrl-C)
        /// after that leaves a folder the next build still recognises as its own.
        private func markFolder() throws {
            try state.withLock { state in
                guard !state.hasMarker else { return }
                state.createdFolders += try writer.makeFolder("")
                if writer.fileSize(SiteWriter.markerName) == nil {
                    try writer.publish(writer.writeTemporary(SiteWriter.markerName, Array(SiteWriter.markerText.utf8)), as: SiteWriter.markerName)
                    state.wroteMarker = true
                }
                state.hasMarker = true
            }
        }

        /// Stages what `build` still holds, keeps its kept pages, then publishes everything
        /// and returns what was done and the new manifest.
        func commit(_ build: BuildOutput) throws -> (Report, Manifest) {
            let files = build.files.sorted { $0.key < $1.key }
            _ = files.concurrentMap { [self] file in stage(file.key, file.value, key: build.pageKeys[file.key]) }
            var state = self.state.withLock { $0 }
            for path in build.keptPages {
                guard let entry = previous.entries[path] else {
                    state.failures.append("\(path) was kept from a build that did not write it")
                    continue
                }
                state.entries[path] = entry
                state.unchanged += 1
            }
            if let failure = state.failures.first {
                abandon()
                throw SiteWriter.writeError(failure)
            }
            try markFolder()
            // Renames in different folders do not wait on each other: on every core.
            let failures = state.temporaries.sorted { $0.path < $1.path }.concurrentMap { temporary, path in
                Result { try writer.publish(temporary, as: path) }.failureDescription
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                throw SiteWriter.writeError(failure)
            }
            let next = Manifest(entries: state.entries)
            var report = Report(written: state.temporaries.count, unchanged: state.unchanged)
            for path in previous.entries.keys.filter({ next.entries[$0] == nil }).sorted() where SiteWriter.isSafeRelative(path) {
                if unlink(writer.output + "/" + path) == 0 { report.removed += 1 }
                writer.removeEmptyParents(of: path)
            }
            for name in SiteWriter.legacyStateNames { unlink(writer.output + "/" + name) }
            return (report, next)
        }

        /// Removes everything staged so far; the folder is left as the last build left it.
        public func abandon() {
            let state = self.state.withLock { state in
                defer { state = State() }
                return state
            }
            for (temporary, _) in state.temporaries { unlink(temporary) }
            if state.wroteMarker { unlink(writer.output + "/" + SiteWriter.markerName) }
            // Threads record the folders they made in any order; the longest path first
            // removes every folder before its parent.
            for folder in state.createdFolders.sorted(by: { $0.utf8.count > $1.utf8.count }) {
                rmdir(folder.isEmpty ? writer.output : writer.output + "/" + folder)
            }
        }
    }
}

private extension Result {
    /// What went wrong, as text that can cross threads; nil on success.
    var failureDescription: String? {
        if case .failure(let error) = self { return error.localizedDescription }
        return nil
    }
}

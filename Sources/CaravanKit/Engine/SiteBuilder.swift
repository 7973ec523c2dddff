import Foundation

/// The engine: a long-lived value that owns what the previous build learnt, and is asked to
/// build again. It re-reads only the sources that changed, renders only the pages whose
/// inputs changed, and writes only the files whose bytes changed.
///
/// - `caravan build` makes one per run: what it learnt is kept in the state folder beside
///   the sources (`StateFolder`), never in the output folder.
/// - `caravan serve` keeps one alive between saves, told by its file watcher what changed.
/// - `caravan check` and the tests build in memory (`init(options:)`): the result's
///   `output.files` then holds every file of the site.
///
/// Not thread-safe: one build at a time (serve's `DevSite` actor owns its builder).
public final class SiteBuilder {
    public let options: BuildOptions
    private let destination: Destination
    /// What the last successful build left: what it loaded, the listings of the source
    /// folders, and what it wrote (or, in memory, the files themselves).
    private var cache = SourceCache()
    private var files: FileSystem?
    private var manifest = Manifest()
    private var inMemory: BuildOutput?
    private var hasReadState = false

    private enum Destination {
        case memory
        case folder(SiteWriter, StateFolder)
    }

    /// A builder whose builds stay in memory (`output.files` holds the whole site).
    public init(options: BuildOptions) {
        self.options = options
        destination = .memory
    }

    /// A builder that writes into `output` (created if missing; refused when it is not
    /// Caravan's own or lies in the sources), keeping its state in `<source>/.caravan/`.
    public init(options: BuildOptions, output: String) throws(SiteWriter.Refusal) {
        self.options = options
        let writer = try SiteWriter(output: output, source: options.source)
        destination = .folder(writer, StateFolder(source: options.source, output: writer.output))
    }

    /// The folder builds are written into; nil in memory.
    public var outputFolder: String? {
        if case .folder(let writer, _) = destination { return writer.output }
        return nil
    }

    /// The files of the site as of the last successful build (paths relative to the output).
    public var builtFiles: Set<String> {
        switch destination {
        case .memory: Set(inMemory?.files.keys ?? [:].keys)
        case .folder: Set(manifest.entries.keys)
        }
    }

    /// Builds again. `changes` says what changed since the last build when the caller knows
    /// (a file watcher); otherwise every source folder is listed again.
    public func build(changes: SourceChanges = .unknown) -> BuildResult {
        let start = ContinuousClock.now
        let files = refreshedListings(changes)
        let listed = ("fingerprint", ContinuousClock.now - start)
        var result: BuildResult
        switch destination {
        case .memory:
            result = buildInMemory(files: files)
        case .folder(let writer, let state):
            // One build at a time per output folder: two would undo each other's work.
            let lock: Int32?
            do {
                lock = try state.lock()
            } catch {
                return BuildResult(output: nil, diagnostics: [.error(
                    state.path, nil, "cannot keep the build's state: \(error.localizedDescription)",
                    hint: "caravan keeps it in \(StateFolder.folderName)/ beside Content/: check that the site folder is writable")])
            }
            guard let lock else {
                return BuildResult(output: nil, diagnostics: [.error(
                    writer.output, nil, "another caravan is building into this folder",
                    hint: "wait for it to finish (or stop the `caravan serve` that uses it), then build again")])
            }
            defer { close(lock) }
            result = buildIntoFolder(writer, state, files: files, skipIfUnchanged: { if case .unknown = changes { true } else { false } }())
        }
        result.timings.insert(listed, at: 0)
        return result
    }

    // MARK: - Stages around `Site.build`

    private func refreshedListings(_ changes: SourceChanges) -> FileSystem {
        switch changes {
        case .paths(let paths) where files != nil:
            let inSources = paths.filter { path in SourceFingerprint.folders.contains { path == $0 || path.hasPrefix($0 + "/") } }
            return files!.refreshing(inSources)
        default:
            return FileSystem(root: SiteWriter.absolute(options.source)).recordingListings(under: SourceFingerprint.folders)
        }
    }

    private func buildInMemory(files: FileSystem) -> BuildResult {
        var (result, learnt) = Site.build(options, files: files, cache: cache, previousPageKeys: inMemory?.pageKeys ?? [:], pageOutput: nil)
        guard var output = result.output else { return result }
        // Kept pages are the previous build's bytes.
        for path in output.keptPages {
            output.files[path] = inMemory?.files[path]
        }
        result.output = output
        inMemory = output
        remember(files: files, learnt: learnt)
        return result
    }

    private func buildIntoFolder(_ writer: SiteWriter, _ state: StateFolder, files: FileSystem, skipIfUnchanged: Bool) -> BuildResult {
        let checking = ContinuousClock.now
        if !hasReadState {
            (manifest, cache.frontMatter) = state.read()
            hasReadState = true
        }
        if state.writeWasInterrupted {
            // Some files may hold the interrupted build's bytes: the manifest still says which
            // files are caravan's, but nothing in it is trusted to be unchanged.
            writer.sweepInterruptedWrite()
            state.endWrite()
            manifest = Manifest(entries: manifest.entries.mapValues { _ in Manifest.Entry(hash: 0, size: -1, key: nil) })
        }
        let fingerprint = SourceFingerprint.of(files, options: options)
        let (previousPageKeys, isComplete) = writer.present(manifest)
        let checked = ("previous build", ContinuousClock.now - checking)
        if skipIfUnchanged, isComplete, writer.isMarked, manifest.inputs == fingerprint {
            self.files = files
            return BuildResult(output: nil, diagnostics: [], timings: [checked],
                               report: SiteWriter.Report(unchanged: manifest.entries.count), wasUpToDate: true)
        }
        do {
            try state.beginWrite()
        } catch {
            return BuildResult(output: nil, diagnostics: [.error(
                state.path, nil, "cannot keep the build's state: \(error.localizedDescription)",
                hint: "caravan keeps it in \(StateFolder.folderName)/ beside Content/: check that the site folder is writable")])
        }
        let staging = writer.begin(after: manifest)
        var (result, learnt) = Site.build(
            options, files: files, cache: cache, previousPageKeys: previousPageKeys,
            pageOutput: { path, bytes, key in staging.stage(path, bytes, key: key) })
        result.timings.insert(checked, at: 0)
        guard let output = result.output else {
            staging.abandon()
            state.endWrite()
            return result
        }
        let writing = ContinuousClock.now
        do {
            let (report, committed) = try staging.commit(output)
            var written = committed
            written.inputs = fingerprint
            let frontMatterChanged = !learnt.frontMatter.holdsTheSameTexts(as: cache.frontMatter)
            manifest = written
            do {
                try state.write(manifest: written, frontMatter: frontMatterChanged ? learnt.frontMatter : nil)
            } catch {
                result.diagnostics.append(.warning(
                    state.path, nil, "cannot keep the build's state: \(error.localizedDescription)",
                    hint: "the site was written; the next build will render every page again"))
                state.forgetManifest()
            }
            state.endWrite()
            result.report = report
        } catch {
            // Some files may be in place already: the folder matches neither build, so the
            // next build starts afresh (and sweeps what is left).
            state.forgetManifest()
            manifest = Manifest()
            result.output = nil
            result.diagnostics.append(.error(writer.output, nil, "writing the site failed: \(error.localizedDescription)",
                                             hint: "check the free space and permissions of the output folder, then build again"))
            return result
        }
        result.timings.append(("write", ContinuousClock.now - writing))
        remember(files: files, learnt: learnt)
        return result
    }

    /// Keeps what a successful build learnt for the next one.
    private func remember(files: FileSystem, learnt: SourceCache) {
        self.files = files
        cache = learnt
    }
}

/// What changed in the sources since the last build, when the caller knows.
public enum SourceChanges: Sendable {
    /// Anything may have changed: every source folder is listed again.
    case unknown
    /// Only these paths (relative to the site folder; files or folders, added, changed or
    /// removed), as a file watcher reports them.
    case paths(Set<String>)
}

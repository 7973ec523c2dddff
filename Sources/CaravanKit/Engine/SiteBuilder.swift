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
    private var cache = BuildCache()
    /// The sources as the last successful build read them (its output's inputs), and their
    /// fingerprint when that build worked it out.
    private var files: FileSystem?
    private var filesFingerprint: UInt64?
    /// The sources as last listed, whether or not that build succeeded: a watcher reports
    /// each change once, so the next listing starts from this one.
    private var listing: FileSystem?
    private var manifest = Manifest()
    private var inMemory: BuildOutput?
    /// The paths of `manifest`, as last asked for; forgotten when a build removes files.
    private var builtPaths: Set<String>?
    /// The pages of the last build written into the folder (their keys are its manifest's).
    private var lastPages: BuiltPages?
    /// The manifest's files found missing from the folder when it was read: rendered
    /// again by every build until one succeeds.
    private var missingFiles = MissingFilesCheck()
    private var hasReadState = false
    /// What the builds no longer need, kept by a builder that lives for one build (see `dispose`).
    private var leftovers: [any Sendable] = []
    /// Whether the front matter and search states were read: only once a build is sure to run.
    private var hasReadCaches = false
    private let savesStateAfterEachBuild: Bool
    private var heldLock: Int32?

    private enum Destination {
        case memory
        case folder(SiteWriter, StateFolder)
    }

    /// A builder whose builds stay in memory (`output.files` holds the whole site).
    public init(options: BuildOptions) {
        self.options = options
        destination = .memory
        savesStateAfterEachBuild = false
    }

    /// A builder that writes into `output` (created if missing; refused when it is not
    /// Caravan's own or lies in the sources), keeping its state in `<source>/.caravan/`:
    /// after every build, or with `savesStateAfterEachBuild: false` only when `saveState()`
    /// is called (a long-lived builder saves its time).
    public init(options: BuildOptions, output: String, savesStateAfterEachBuild: Bool = true) throws(SiteWriter.Refusal) {
        self.options = options
        let writer = try SiteWriter(output: output, source: options.source)
        destination = .folder(writer, StateFolder(source: options.source, output: writer.output))
        self.savesStateAfterEachBuild = savesStateAfterEachBuild
    }

    /// The folder builds are written into; nil in memory.
    public var outputFolder: String? {
        if case .folder(let writer, _) = destination { return writer.output }
        return nil
    }

    /// The files of the site as of the last successful build (paths relative to the output).
    public var builtFiles: Set<String> {
        switch destination {
        case .memory:
            return Set(inMemory?.files.keys ?? [:].keys)
        case .folder:
            // A build that removed no file and left as many as there were added none either.
            if let builtPaths, builtPaths.count == manifest.entries.count { return builtPaths }
            builtPaths = Set(manifest.entries.keys)
            return builtPaths!
        }
    }

    /// The story files' git history as the last successful build read it; nil outside git,
    /// or before a build got that far.
    var gitHistory: GitHistory? { cache.gitHistory?.history }

    /// When the clock alone changes what the last build published, in seconds since 1970.
    public var nextScheduledChange: Double? {
        switch destination {
        case .memory: inMemory?.upcoming.first?.moment
        case .folder: manifest.nextChange.map(Double.init)
        }
    }

    /// Builds again. `changes` says what changed since the last build when the caller knows
    /// (a file watcher); otherwise every source folder is listed again.
    public func build(changes: SourceChanges = .unknown) -> BuildResult {
        var result: BuildResult
        let listingTime: Duration
        switch destination {
        case .memory:
            let files: FileSystem
            (files, listingTime) = listed(changes)
            result = buildInMemory(files: files)
        case .folder(let writer, let state):
            // One builder at a time per output folder: two would undo each other's work. A
            // long-lived builder keeps the lock for its life (its state is only in memory).
            if heldLock == nil {
                do {
                    heldLock = try state.lock()
                } catch {
                    return BuildResult(output: nil, diagnostics: [Self.stateProblem(state, error)])
                }
            }
            guard heldLock != nil else {
                return BuildResult(output: nil, diagnostics: [.error(
                    writer.output, nil, "another caravan is building into this folder",
                    hint: "wait for it to finish (or stop the `caravan serve` that uses it), then build again")])
            }
            // A long-lived builder loads the site even when the folder is up to date: the
            // first save must find it in memory, not read all of it.
            let mayBeSkipped = if case .unknown = changes { savesStateAfterEachBuild } else { false }
            // The state folder is read on the other core while this one lists the sources.
            // What only a build needs is read once the build is sure to run: a build found
            // to be up to date would only wait on it.
            let folderState = hasReadState ? nil : BackgroundValue { state.readFolderState(of: writer) }
            let caches = hasReadCaches ? nil : BackgroundValue.startingLater { state.readCaches() }
            if !mayBeSkipped { caches?.start() }
            let files: FileSystem
            (files, listingTime) = listed(changes, earlier: listing == nil ? state.readListings() : StoredListings())
            result = buildIntoFolder(writer, state, files: files, folderState: folderState, caches: caches,
                                     skipIfUnchanged: mayBeSkipped)
            // What was read of the state (the folder's old manifest, the check of its files).
            dispose((folderState, caches))
            if savesStateAfterEachBuild { releaseLock() }
        }
        result.timings.insert(("fingerprint", listingTime), at: 0)
        return result
    }

    // MARK: - Stages around `Site.build`

    /// The sources listed again (only the changed paths when the caller knows them), and
    /// how long that took.
    /// `earlier`: the listings the last run kept, for a builder that has listed nothing yet.
    private func listed(_ changes: SourceChanges, earlier: StoredListings = StoredListings()) -> (FileSystem, Duration) {
        let start = ContinuousClock.now
        let files = refreshedListings(changes, earlier: earlier)
        listing = files
        return (files, ContinuousClock.now - start)
    }

    private func refreshedListings(_ changes: SourceChanges, earlier: StoredListings) -> FileSystem {
        switch changes {
        case .paths(let paths) where listing != nil:
            let inSources = paths.filter { path in SourceFingerprint.folders.contains { path == $0 || path.hasPrefix($0 + "/") } }
            return listing!.refreshing(inSources)
        default:
            return FileSystem(root: SiteWriter.absolute(options.source)).recordingListings(under: SourceFingerprint.folders, earlier: earlier)
        }
    }

    private func buildInMemory(files: FileSystem) -> BuildResult {
        let previous = PreviousBuild(pages: inMemory.map { .built($0.pages) } ?? .none, search: cache.search)
        var (result, learnt) = Site.build(options, files: files, cache: cache, previous: BackgroundValue(ready: previous),
                                          remembering: true, pageOutput: nil, previousFile: { [files = inMemory?.files] in files?[$0] })
        guard var output = result.output else { return result }
        // Kept pages are the previous build's bytes.
        for path in output.keptPaths {
            output.files[path] = inMemory?.files[path]
        }
        result.output = output
        inMemory = output
        remember(files: files, learnt: consume learnt)
        return result
    }

    private func buildIntoFolder(_ writer: SiteWriter, _ state: StateFolder, files: FileSystem, folderState: BackgroundValue<FolderState>?,
                                 caches: BackgroundValue<StoredCaches>?, skipIfUnchanged: Bool) -> BuildResult {
        let checking = ContinuousClock.now
        var stateWasLost = false
        if let folderState = folderState?.value {
            (manifest, missingFiles, stateWasLost) = (folderState.manifest, folderState.missingFiles, folderState.stateWasLost)
            hasReadState = true
        }
        // Unchanged sources are not enough when the clock has since published or taken down
        // a story, or a file was deleted by hand.
        let now = Int((options.now ?? Date()).timeIntervalSince1970)
        let fingerprint = skipIfUnchanged && writer.isMarked ? SourceFingerprint.trusted(files, options: options) : nil
        if let fingerprint, manifest.inputs == fingerprint, manifest.nextChange.map({ now < $0 }) ?? true,
           missingFiles.checkedOnEveryCore.isEmpty {
            self.files = files
            filesFingerprint = fingerprint
            return BuildResult(output: nil, diagnostics: [], timings: [("previous build", ContinuousClock.now - checking)],
                               report: SiteWriter.Report(unchanged: manifest.entries.count), wasUpToDate: true)
        }
        // The build runs: this thread checks the folder's files while the other core reads
        // what the last build left, then a thread of its own goes on with the check beside
        // the build (the plan waits for it), joined once the sources are loaded by the
        // thread that works out what the last build left.
        if let caches {
            caches.start()
            missingFiles.check(until: { caches.isReady })
        }
        missingFiles.start()
        var storedSearch: StoredSearchState?
        if let caches = caches?.value {
            hasReadCaches = true
            cache.documents = caches.documents
            storedSearch = caches.search
            if cache.gitHistory == nil, let stored = caches.gitHistory { cache.gitHistory = (stored.signature, stored.history) }
        }
        let checked = ("previous build", ContinuousClock.now - checking)
        // Into a folder with nothing in it, from which this build keeps nothing, files need
        // no temporary names (half the work of writing a first build); the journal says so,
        // for the sweep after a Ctrl-C.
        let intoNewFolder = lastPages == nil && writer.folder.isMissingOrEmpty
        do {
            let journal = state.interruptedWrite
            if journal == nil || (journal == .filling) != intoNewFolder { try state.beginWrite(fillingNewFolder: intoNewFolder) }
        } catch {
            return BuildResult(output: nil, diagnostics: [Self.stateProblem(state, error)])
        }
        // Only this builder has written the folder since it read it: the pages its last
        // build planned are those the folder holds. Before that, the manifest says, but for
        // the files found missing, checked while the build resolves.
        let previous: BackgroundValue<PreviousBuild>
        if let lastPages {
            previous = BackgroundValue(ready: PreviousBuild(pages: .built(lastPages), search: cache.search))
        } else {
            previous = .startingLater { [manifest, missingFiles, storedSearch, search = cache.search] in
                // The stored index states the manifest still matches, less any with a file
                // deleted or changed by hand: that index is cut again in full.
                let stored = storedSearch.map { manifest.entries.isEmpty ? [:] : $0.states(matching: manifest) }
                let missing = missingFiles.files
                let matching = stored?.filter { language, _ in
                    let folder = SearchIndex.folder(language)
                    return !missing.contains { $0.hasPrefix(folder) }
                }
                return PreviousBuild(pages: .stored(manifest.entries, missing: missing, plan: manifest.plan, keys: manifest.pageKeys),
                                     search: matching ?? search)
            }
        }
        let staging = writer.begin(after: manifest, intoNewFolder: intoNewFolder)
        var (result, learnt) = Site.build(
            options, files: files, cache: cache, previous: previous, remembering: !savesStateAfterEachBuild,
            pageOutput: { path, bytes, key in staging.stage(path, bytes, key: key) },
            previousFile: { [manifest, folder = writer.folder] path in
                guard let entry = manifest.entries[path], let bytes = folder.contents(path),
                      bytes.count == entry.size, ContentHash.of(bytes) == entry.hash else { return nil }
                return bytes
            },
            dispose: { dispose($0) })
        result.timings.insert(checked, at: 0)
        if storedSearch != nil { cache.search = previous.value.search }
        guard let output = result.output else {
            staging.abandon()
            if savesStateAfterEachBuild { state.endWrite() }
            return result
        }
        let writing = ContinuousClock.now
        switch staging.commit(output) {
        case .success(let written):
            (result.report, manifest) = written
            manifest.nextChange = output.upcoming.first.map { Int($0.moment.rounded(.up)) }
            manifest.plan = output.pages.plan
            manifest.pageKeys = output.pages.keys
            lastPages = output.pages
            missingFiles = MissingFilesCheck()
            if written.0.removed > 0 { builtPaths = nil }
            // The journal a long-lived builder keeps open: the folder is no longer new.
            if intoNewFolder, !savesStateAfterEachBuild { try? state.beginWrite() }
        case .failure(let failure):
            if failure.folderChanged {
                // Some files are in place already: the folder matches neither build, so the
                // next build trusts nothing in it (and sweeps what is left).
                state.forgetManifest()
                manifest = Manifest()
                lastPages = nil
                builtPaths = nil
                hasReadState = false
            } else if savesStateAfterEachBuild {
                state.endWrite()
            }
            result.output = nil
            result.diagnostics.append(failure.diagnostic)
            return result
        }
        remember(files: files, fingerprint: fingerprint, learnt: consume learnt)
        if stateWasLost {
            let unknown = writer.filesNotIn(manifest)
            if !unknown.isEmpty {
                result.diagnostics.append(.warning(
                    writer.output, nil,
                    "\(unknown.count) file\(unknown.count == 1 ? "" : "s") in this folder \(unknown.count == 1 ? "was" : "were") not made by this build, "
                        + "and without the build state (\(StateFolder.folderName)/ beside Content/) caravan cannot tell whether it made \(unknown.count == 1 ? "it" : "them"): "
                        + unknown.prefix(3).joined(separator: ", ") + (unknown.count > 3 ? ", …" : ""),
                    hint: "left in place; delete what should not be published, or build into a new folder"))
            }
        }
        if savesStateAfterEachBuild {
            do {
                try saveState()
            } catch {
                result.diagnostics.append(.warning(
                    state.path, nil, "cannot keep the build's state: \(error.localizedDescription)",
                    hint: "the site was written; the next build will render every page again"))
                state.forgetManifest()
            }
            dispose(replacing(&cache, with: BuildCache()))
        }
        result.timings.append(("write", ContinuousClock.now - writing))
        return result
    }

    /// Writes what the builds so far learnt into the state folder, for the next run, and
    /// closes the journal a write keeps open. `caravan serve` calls it when it stops (its
    /// builder does not save after every build); a serve that is killed leaves the journal,
    /// and the next run then trusts nothing the folder holds.
    public func saveState() throws {
        // A long-lived builder holds the folder's lock until it has saved.
        defer { if !savesStateAfterEachBuild { releaseLock() } }
        guard case .folder(_, let state) = destination, let files, hasReadState else { return }
        manifest.inputs = filesFingerprint ?? SourceFingerprint.trusted(files, options: options)
        // Each file takes tens of milliseconds to encode at 5 000 stories: side by side.
        let (manifest, cache) = (manifest, cache)
        let documents = cache.encodedDocuments ?? BackgroundValue { cache.loadedDocuments.bytes }
        let search = BackgroundValue { StoredSearchState(cache.search, manifest: manifest).bytes }
        let listings = BackgroundValue { StoredListings(files).bytes }
        var gitHistory: [UInt8]?
        if let read = cache.gitHistory, let history = read.history, GitHistory.followsCommits(read.signature) {
            gitHistory = StoredGitHistory(signature: read.signature, history: history).bytes
        }
        try state.write(manifest: manifest.bytes, documents: documents.value, search: search.value, listings: listings.value,
                        gitHistory: gitHistory)
        state.endWrite()
        state.removeStatesOfRemovedOutputs()
    }

    private func releaseLock() {
        if let heldLock { close(heldLock) }
        heldLock = nil
    }

    deinit { releaseLock() }

    /// Lets go of what a build no longer needs: on another thread for a builder that goes
    /// on (serve, tests), and not before the builder itself goes for one that lives for one
    /// build: `caravan build` then exits, and the system takes back its memory at once.
    /// Freed object by object, it took tens of milliseconds of a core the build was still
    /// writing and saving its state with.
    private func dispose(_ value: any Sendable) {
        if savesStateAfterEachBuild { leftovers.append(value) } else { releaseInBackground(value) }
    }

    private static func stateProblem(_ state: StateFolder, _ error: any Error) -> Diagnostic {
        .error(state.path, nil, "cannot keep the build's state: \(error.localizedDescription)",
               hint: "caravan keeps it in \(StateFolder.folderName)/ beside Content/: check that the site folder is writable")
    }

    /// Keeps what a successful build learnt for the next one.
    private func remember(files: FileSystem, fingerprint: UInt64? = nil, learnt: consuming BuildCache) {
        self.files = files
        filesFingerprint = fingerprint
        // The last build's cache (every story's front matter, as read) goes.
        dispose(replacing(&cache, with: learnt))
    }
}

/// `value`'s old contents, `new` in their place (the old value's last owner is the caller).
private func replacing<T>(_ value: inout T, with new: T) -> T {
    var old = new
    swap(&old, &value)
    return old
}

/// What changed in the sources since the last build, when the caller knows.
public enum SourceChanges: Sendable {
    /// Anything may have changed: every source folder is listed again.
    case unknown
    /// Only these paths (relative to the site folder; files or folders, added, changed or
    /// removed), as a file watcher reports them.
    case paths(Set<String>)
}

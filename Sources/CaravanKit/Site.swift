import Foundation

/// What the person running caravan chose for a build. Nothing here is plumbing: what the
/// previous build learnt is the engine's (`SiteBuilder`), not an option.
public struct BuildOptions: Sendable {
    /// The folder holding `Content/`, `Templates/` and `Public/`.
    public var source: String
    /// Publish stories marked `draft: true` too (for previews).
    public var includeDrafts: Bool
    /// Make the search pages and index (unless site.yaml says `search: false`).
    public var includeSearch: Bool
    /// Publish stories dated later than the build too (`--future`, for previews; they are
    /// marked as scheduled).
    public var includeFuture = false
    /// The moment to publish as of; nil is the time each build starts. Stories dated later
    /// wait, and `expires` takes stories down, against it.
    public var now: Date?
    /// Called with the stage name and how much of it is done (`pages`, 3000, 12068), from
    /// any thread; the command line draws a progress line from it on a terminal.
    public var progress: (@Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void)?
    /// The public address to use instead of `baseURL` in site.yaml (`--base-url`: a preview
    /// or staging host); nil keeps site.yaml's.
    public var baseURL: String?

    public init(source: String, includeDrafts: Bool = false, includeSearch: Bool = true, baseURL: String? = nil,
                progress: (@Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void)? = nil) {
        self.source = source
        self.includeDrafts = includeDrafts
        self.includeSearch = includeSearch
        self.baseURL = baseURL
        self.progress = progress
    }

    /// The options that change what a build produces, as text for fingerprints and keys.
    var fingerprint: String { "drafts=\(includeDrafts)|search=\(includeSearch)|future=\(includeFuture)" + (baseURL.map { "|base=\($0)" } ?? "") }

    /// Why `url` cannot be a base URL (`--base-url`), or nil when it can.
    public static func baseURLProblem(_ url: String) -> String? {
        url.hasPrefix("https://") || url.hasPrefix("http://") ? nil
            : "--base-url must start with https:// or http://, e.g. --base-url https://staging.example.com/"
    }
}

/// A build's outcome: the site when there were no errors, and every diagnostic found.
public struct BuildResult: Sendable {
    public var output: BuildOutput?
    public var diagnostics: [Diagnostic]
    /// How long each stage took, in order, for `caravan build --timings`.
    public var timings: [(stage: String, duration: Duration)] = []
    /// What writing into the output folder did; nil for a build kept in memory or a failed one.
    public var report: SiteWriter.Report?
    /// True when nothing had changed since the build that wrote the output folder, so
    /// nothing was built or written.
    public var wasUpToDate = false

    public var succeeded: Bool { output != nil || wasUpToDate }
}

/// One build, stage by stage: load → resolve → plan → render. Each stage takes plain values
/// and returns plain values plus diagnostics. What the previous build learnt comes in, what
/// this one learnt goes out; keeping it and writing the output are `SiteBuilder`'s.
enum Site {
    /// `files` reads the sources (with the listings already read, if any); `cache` is what
    /// the previous build loaded, and `previous` what it left in the output (a page whose
    /// input key is unchanged is kept, not rendered), started once the sources are loaded
    /// and waited for by the plan; `remembering` says whether the cache returned will serve
    /// another build in this process (the resolved site and the plan are then kept too);
    /// `pageOutput` takes each rendered page as it is made (nil keeps
    /// pages in `BuildOutput.files`); `previousFile` reads back a file the previous build
    /// wrote, as written (the search index updates its files from them); `dispose` takes
    /// what the build no longer needs.
    static func build(
        _ options: BuildOptions, files: FileSystem, cache: BuildCache, previous: BackgroundValue<PreviousBuild>, remembering: Bool,
        pageOutput: (@Sendable (_ path: String, _ bytes: [UInt8], _ key: UInt64?) -> Void)?,
        previousFile: @escaping @Sendable (String) -> [UInt8]?,
        dispose: (any Sendable) -> Void = { releaseInBackground($0) }
    ) -> (BuildResult, BuildCache) {
        var diagnostics: [Diagnostic] = []
        var timings: [(String, Duration)] = []
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            timings.append((stage, now - clock))
            clock = now
        }
        func finish(_ output: BuildOutput?, _ cache: BuildCache) -> (BuildResult, BuildCache) {
            let sorted = diagnostics.sortedForDisplay().collapsedPerLine()
            return (BuildResult(output: sorted.hasErrors ? nil : output, diagnostics: sorted, timings: timings), cache)
        }

        // The story files' git history (for translation status) is read while loading,
        // once per commit: a rebuild with the same repository state keeps what was read.
        let gitSignature = GitHistory.signature(source: options.source)
        let gitHistory: BackgroundValue<GitHistory?>
        if let previous = cache.gitHistory, previous.signature == gitSignature {
            gitHistory = BackgroundValue(ready: previous.history)
        } else {
            gitHistory = gitSignature == nil ? BackgroundValue(ready: nil) : BackgroundValue { [source = options.source] in GitHistory.read(source: source) }
        }

        // 1. Load: read every source file, parse front matter and data.
        options.progress?("load", 0, 1)
        var loader = ContentLoader(files: files, previous: cache)
        let read = loader.load()
        diagnostics += loader.diagnostics
        lap("load")
        guard let read else { return finish(nil, loader.cache) }
        let loaded = read.withBaseURL(options.baseURL)
        // Resolving runs on one core: working out what the last build left takes the other.
        previous.start()

        // Templates compile on another thread while resolving and planning, which run on one;
        // unless neither they nor the strings and settings they are compiled with changed.
        var learnt = loaded.cache
        // What the state folder keeps of the files is known once they are loaded: encoded
        // beside resolving, not after the pages, where the whole build would wait on it.
        if !remembering { learnt.encodedDocuments = BackgroundValue { [learnt] in learnt.loadedDocuments.bytes } }
        let templatesKey = TemplateSet.key(loaded)
        let compiled: BackgroundValue<(TemplateSet, [Diagnostic])>
        if let previous = cache.templates, previous.key == templatesKey {
            compiled = BackgroundValue(ready: (previous.set, previous.diagnostics))
        } else {
            compiled = BackgroundValue {
                TemplateSet.compile(
                    loaded.templates, strings: loaded.strings,
                    languages: loaded.config.languages.map { ($0.code, PageContext.languageValues($0, strings: loaded.strings[$0.code])) })
            }
        }

        // What each page's key is made of but for its own content: worked out beside resolving.
        let inputKeys = BackgroundValue { [options] in InputKeys(loaded, options: options) }

        // 2. Resolve: group translations, drop drafts, check references. When no front matter
        // changed, the last build's stories only take the new bodies.
        learnt.gitHistory = gitSignature.map { ($0, gitHistory.value) }
        let lags = TranslationStatus(history: gitHistory.value, languages: loaded.config.languages.map(\.code)).lags(loaded.documents)
        let resolver = Resolver(includeDrafts: options.includeDrafts, includeSearch: options.includeSearch,
                                includeFuture: options.includeFuture, now: (options.now ?? Date()).timeIntervalSince1970,
                                translationLags: lags)
        let resolveKey = resolver.key(loaded)
        let site: ResolvedSite
        let resolveDiagnostics: [Diagnostic]
        var changedBodies: [String]?
        if let previous = cache.resolved, previous.key == resolveKey {
            (site, changedBodies) = previous.site.updated(from: loaded)
            resolveDiagnostics = previous.diagnostics
        } else {
            (site, resolveDiagnostics) = resolver.resolve(loaded)
        }
        if remembering { learnt.resolved = (resolveKey, site, resolveDiagnostics) }
        diagnostics += resolveDiagnostics
        lap("resolve")

        // 3. Plan every page; keep those whose inputs did not change since the last build.
        // When only bodies changed, only the keys of the pages showing them are new.
        let inputs = inputKeys.value
        let previous = previous.value

        // The search index is made from the sources, not the pages: it is cut on another
        // thread from here on, beside the plan, the Markdown and the pages, and its files go
        // out as soon as they are cut (left for the end, thousands of small files waited on
        // the disk alone). A rebuild after one edit updates it in about 25 ms at 5 000
        // stories, which the plan (on about one and a half cores) leaves room for. A build
        // already failing cuts none; one that fails later waits for it, and its files are
        // undone with the rest.
        let lastSite = changedBodies == nil ? nil : cache.resolved?.site
        let search = !site.config.search || diagnostics.hasErrors ? nil
            : BackgroundValue { [site, shared = inputs.shared, previous = previous.search, pageOutput] in
                var output = SearchStage(site: site, shared: shared, previous: previous, lastSite: lastSite, previousFile: previousFile).run()
                if let pageOutput {
                    for (path, bytes) in output.files { pageOutput(path, bytes, nil) }
                    output.files = [:]
                }
                return output
            }

        var planKey = ContentHash()
        planKey.add(resolveKey)
        planKey.add(inputs.fingerprint)
        // Pictures come and go without a body changing, and story pages check theirs.
        planKey.add(site.folderFilesKey)
        let plan: RenderPlan
        if let changedBodies, let cached = cache.plan, cached.key == planKey.value {
            plan = RenderPlan(updating: cached, site: site, inputs: inputs, changedBodies: changedBodies, previous: previous.pages)
        } else {
            // Pages last planned from the same front matter, settings and templates (by the
            // `caravan build` before an edit of a few bodies) keep their stored keys, unless
            // they show a body that changed since (or that the last run did not record).
            let newBodies = loaded.documentsWithNewBodies
            plan = RenderPlan(site: site, key: planKey.value, inputs: inputs, previous: previous.pages, indexingBodies: remembering,
                              changedBodies: newBodies.count <= 16 ? newBodies : nil)
        }
        if remembering { learnt.plan = plan }
        diagnostics += OutputCollisions.check(plan, site: site)
        lap("plan")

        // 4. Render: Markdown to HTML, then the pages through their templates.
        let (templates, templateDiagnostics) = compiled.value
        diagnostics += templateDiagnostics
        if remembering { learnt.templates = (templatesKey, templates, templateDiagnostics) }
        lap("templates")
        options.progress?("markdown", 0, 1)
        let markdown = MarkdownStage(site: site, cache: remembering ? cache.markdown : nil).run(only: plan.documents, pages: plan.addresses)
        diagnostics += markdown.diagnostics
        if let kept = markdown.cache { learnt.markdown = kept }
        lap("markdown")
        guard !diagnostics.hasErrors else {
            // Its files are the writer's until the failed build is undone.
            _ = search?.value
            return finish(nil, learnt)
        }
        let stage = PageStage(site: site, plan: plan, documents: markdown.documents, templates: templates, progress: options.progress,
                              pageOutput: pageOutput)
        var (output, pageDiagnostics) = stage.run()
        output.renderedMarkdownCount = markdown.renderedCount
        diagnostics += pageDiagnostics
        let searchOutput = search?.value
        if let searchOutput {
            output.files.merge(searchOutput.files) { _, new in new }
            output.keptFiles = searchOutput.kept
        }
        learnt.search = searchOutput?.states ?? [:]
        output.upcoming = site.upcoming
        lap("pages")
        // Freeing every document, story and rendered text object by object takes tens of
        // milliseconds of a core: `dispose` does it on another thread while the build goes
        // on writing, or leaves it to the system when the process ends with the build.
        dispose((consume loader, consume loaded, consume site, consume plan, consume markdown, consume stage))
        return finish(output, learnt)
    }
}

/// What `caravan build` is asked to do.
public struct BuildOptions: Sendable {
    /// The folder holding `Content/`, `Templates/` and `Public/`.
    public var source: String
    /// Publish stories marked `draft: true` too (for previews).
    public var includeDrafts: Bool
    /// Called with the stage name and how much of it is done (`pages`, 3000, 12068), from
    /// any thread; the command line draws a progress line from it on a terminal.
    public var progress: (@Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void)?
    /// The pages the output folder already holds, by site path, with the input key each was
    /// rendered from (`SiteWriter.previousBuild()`): a page whose key is unchanged is not
    /// rendered again but kept (`BuildOutput.keptPages`). Empty renders every page.
    /// `SiteWriter.build(_:after:)` fills this and the two below.
    public var previousPageKeys: [String: UInt64] = [:]
    /// Front matter parsed by the previous build (`SiteWriter.PreviousBuild.frontMatter`):
    /// unchanged front matter is taken from it instead of being parsed again.
    public var previousFrontMatter = YAMLCache()
    /// The source folders' listings, when `SourceFingerprint` has just read them: the loader
    /// uses them instead of listing the folders again. Nil lists them.
    public var listings: SourceListings?
    /// Where rendered pages go as soon as each is made, with its input key (the command
    /// line stages them with `SiteWriter.Staging.stage`, so a large site is never held in
    /// memory whole); nil keeps them in `BuildOutput.files`. Called from any thread.
    public var pageOutput: (@Sendable (_ path: String, _ bytes: [UInt8], _ key: UInt64) -> Void)?

    public init(source: String, includeDrafts: Bool = false,
                progress: (@Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void)? = nil) {
        self.source = source
        self.includeDrafts = includeDrafts
        self.progress = progress
    }
}

/// A build's outcome: the site when there were no errors, and every diagnostic found.
public struct BuildResult: Sendable {
    public var output: BuildOutput?
    public var diagnostics: [Diagnostic]
    /// How long each stage took, in order, for `caravan build --timings`.
    public var timings: [(stage: String, duration: Duration)] = []

    public var succeeded: Bool { output != nil }
}

/// The build, stage by stage: load → resolve → render. Each stage takes plain values
/// and returns plain values plus diagnostics; writing is the caller's (see `SiteWriter`).
public enum Site {
    public static func build(_ options: BuildOptions) -> BuildResult {
        var diagnostics: [Diagnostic] = []
        var timings: [(String, Duration)] = []
        var clock = ContinuousClock.now
        func lap(_ stage: String) {
            let now = ContinuousClock.now
            timings.append((stage, now - clock))
            clock = now
        }
        func finish(_ output: BuildOutput?) -> BuildResult {
            let sorted = diagnostics.sortedForDisplay()
            return BuildResult(output: sorted.hasErrors ? nil : output, diagnostics: sorted, timings: timings)
        }

        // 1. Load: read every source file, parse front matter and data.
        options.progress?("load", 0, 1)
        var loader = ContentLoader(root: options.source, previousFrontMatter: options.previousFrontMatter, listings: options.listings)
        let loaded = loader.load()
        diagnostics += loader.diagnostics
        lap("load")
        guard let loaded else { return finish(nil) }

        // Templates compile on another thread while resolving and planning, which run on one.
        let compiled = BackgroundValue {
            TemplateSet.compile(
                loaded.templates, strings: loaded.strings,
                languageValues: Dictionary(uniqueKeysWithValues: loaded.config.languages.map {
                    ($0.code, PageContext.languageValues($0, strings: loaded.strings[$0.code]))
                }))
        }

        // 2. Resolve: group translations, drop drafts, check references.
        let (site, resolveDiagnostics) = Resolver(includeDrafts: options.includeDrafts).resolve(loaded)
        diagnostics += resolveDiagnostics
        lap("resolve")

        // 3. Plan every page; keep those whose inputs did not change since the last build.
        let plan = RenderPlan(
            site: site, inputs: InputKeys(loaded, includeDrafts: options.includeDrafts),
            previousPageKeys: options.previousPageKeys)
        lap("plan")

        // 4. Render: Markdown to HTML, then the pages through their templates.
        let (templates, templateDiagnostics) = compiled.value
        diagnostics += templateDiagnostics
        lap("templates")
        options.progress?("markdown", 0, 1)
        let (documents, markdownDiagnostics) = MarkdownStage(site: site).run(only: plan.documents)
        diagnostics += markdownDiagnostics
        lap("markdown")
        guard !diagnostics.hasErrors else { return finish(nil) }
        let stage = PageStage(site: site, plan: plan, documents: documents, templates: templates, progress: options.progress,
                              pageOutput: options.pageOutput)
        var (output, pageDiagnostics) = stage.run()
        output.frontMatter = loaded.frontMatter
        diagnostics += pageDiagnostics
        lap("pages")
        // Freeing every document, story and rendered text object by object takes tens of
        // milliseconds on one core; the build goes on writing meanwhile.
        releaseInBackground((consume loader, consume loaded, consume site, consume plan, consume documents, consume stage))
        return finish(output)
    }
}

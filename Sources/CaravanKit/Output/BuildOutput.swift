/// A finished build in memory: every file of the site, by site-relative path.
/// `build` writes it, `serve` serves it, `check` inspects it, tests assert on it.
public struct BuildOutput: Sendable {
    public var files: [String: [UInt8]]
    /// HTML pages, by language code (the landing and 404 pages are counted under "").
    public var pagesPerLanguage: [String: Int]
    /// Pages rendered by this build; the others were kept.
    public var renderedPageCount = 0
    /// Markdown bodies rendered by this build; the others were kept in memory by a
    /// long-lived builder (`MarkdownCache`) or not shown on any page rendered.
    public var renderedMarkdownCount = 0
    /// Every page (and feed, sitemap) of the build, rendered or kept.
    public var pages = BuiltPages()
    /// Other files the previous build wrote that stay as they are (search index files an
    /// edit did not reach).
    public var keptFiles: Set<String> = []
    /// What the clock will change on the site, soonest first (stories to go live or
    /// expire): a build says when to build again.
    public var upcoming: [ScheduledChange] = []

    public init(files: [String: [UInt8]] = [:], pagesPerLanguage: [String: Int] = [:]) {
        self.files = files
        self.pagesPerLanguage = pagesPerLanguage
    }

    /// Pages (and feeds, sitemap) not rendered because their inputs did not change since
    /// the previous build: their files are kept as they are.
    public var keptPages: Set<String> { Set(pages.keptPaths) }

    /// The kept pages, then the kept files.
    var keptPaths: [String] { pages.keptPaths + keptFiles }

    /// The input key of every page, by path (see `InputKeys`).
    public var pageKeys: [String: UInt64] { pages.keysByPath }

    /// The text of a file, for tests and the dev server.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Every page (and feed, sitemap) a build planned, in the plan's order: where it is
/// written, its input key, and whether its file was kept from the previous build instead of
/// rendered. The arrays are the plan's own: a build that renders one page of 20 000 neither
/// copies nor hashes the others' paths.
public struct BuiltPages: Sendable {
    let paths: [String]
    let keys: [UInt64]
    let isKept: [Bool]
    /// The key of the plan these pages came from (`RenderPlan.key`).
    let plan: UInt64?

    init(paths: [String] = [], keys: [UInt64] = [], isKept: [Bool] = [], plan: UInt64? = nil) {
        self.paths = paths
        self.keys = keys
        self.isKept = isKept
        self.plan = plan
    }

    var count: Int { paths.count }
    var keptCount: Int { isKept.count { $0 } }
    var keptPaths: [String] { isKept.indices.filter { isKept[$0] }.map { paths[$0] } }
    var keysByPath: [String: UInt64] { Dictionary(zip(paths, keys), uniquingKeysWith: { _, last in last }) }
}

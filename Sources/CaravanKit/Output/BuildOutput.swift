/// A finished build in memory: every file of the site, by site-relative path.
/// `build` writes it, `serve` serves it, `check` inspects it, tests assert on it.
public struct BuildOutput: Sendable {
    public var files: [String: [UInt8]]
    /// HTML pages, by language code (the landing and 404 pages are counted under "").
    public var pagesPerLanguage: [String: Int]
    /// Pages rendered by this build; the others were kept.
    public var renderedPageCount = 0
    /// Pages (and feeds, sitemap) not rendered because their inputs did not change since
    /// the previous build: their files are kept as they are.
    public var keptPages: Set<String> = []
    /// Other files the previous build wrote that stay as they are (search index files an
    /// edit did not reach).
    public var keptFiles: Set<String> = []
    /// What the clock will change on the site, soonest first (stories to go live or
    /// expire): a build says when to build again.
    public var upcoming: [ScheduledChange] = []
    /// The input key of every page, by path, for the manifest (see `InputKeys`).
    public var pageKeys: [String: UInt64] = [:]

    public init(files: [String: [UInt8]] = [:], pagesPerLanguage: [String: Int] = [:]) {
        self.files = files
        self.pagesPerLanguage = pagesPerLanguage
    }

    /// The text of a file, for tests and the dev server.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

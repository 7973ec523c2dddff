/// Links a story writes as addresses rather than as story links (`@/articles/<slug>`),
/// checked against every file the build makes: a relative address that leads nowhere, and
/// a site-absolute one (`/en/articles/x/`), which works on one host at its root but breaks
/// when the site sits in a sub-folder or is opened from disk. Both are warnings: the site
/// is still built, and `caravan check --strict` fails on them.
struct AddressLinks {
    /// Where the plan's pages go.
    private let pages: PageAddresses
    /// The build's other files, site-relative: story files, `Public/`.
    private let files: Set<String>
    private let languages: Set<String>
    private let pageSlugs: Set<String>

    /// `pages`: where the plan's pages go (`RenderPlan.addresses`).
    init(site: ResolvedSite, pages: PageAddresses) {
        self.pages = pages
        var files: Set<String> = []
        for asset in site.assets {
            let story = site.story(asset.kind, asset.slug)
            for language in story?.translations.keys ?? [:].keys {
                files.insert(Route.story(story!, in: language).path + asset.name)
            }
        }
        for file in site.publicFiles { files.insert(file.path) }
        self.files = files
        languages = Set(site.config.languages.map(\.code))
        pageSlugs = Set(site.pages.map(\.slug))
    }

    static let brokenHint = "check the address; to link to another story write `@/articles/<slug>` (a page: `@/pages/<slug>`), "
        + "and put files the story links to in its folder"

    /// The warning for a link written in `document`, shown on the page at `page`
    /// (`en/articles/x/index.html`); nil for story links, other websites and good addresses.
    func diagnostic(for link: RenderedMarkdown.Destination, in document: SourceDocument, page: String) -> Diagnostic? {
        let url = link.url
        if url.hasPrefix(InternalLinks.prefix) || url.hasPrefix("//") { return nil }
        if url.hasPrefix("/") {
            return .warning(
                document.path, link.location,
                "the link `\(url)` starts at the site's root, so it breaks when the site sits in a sub-folder or is opened from disk",
                hint: storyLink(for: url).map { "link the story by its folder name: `\($0)`" }
                    ?? "write the address relative to this page, or `@/articles/<slug>` for a story")
        }
        guard let target = LinkCheck.resolve(url, from: page), !LinkCheck.leadsToFile(target, exists: { pages.page(at: $0) != nil || files.contains($0) }) else { return nil }
        return .warning(document.path, link.location, "the link `\(url)` leads to no page or file of the site (on \(page))",
                        hint: Self.brokenHint)
    }

    /// `@/articles/x#y` for `/en/articles/x/#y`, `@/pages/about` for `/en/about/`: what the
    /// editor meant, when the address is one of a story's.
    func storyLink(for url: String) -> String? {
        var path = Substring(url)
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        var parts = path.split(separator: "/").map(String.init)
        if parts.last == "index.html" { parts.removeLast() }
        guard let language = parts.first, languages.contains(language) else { return nil }
        if parts.count == 3, parts[1] == "articles", Slug.isValid(parts[2]) { return "@/articles/\(parts[2])" + fragment }
        if parts.count == 2, pageSlugs.contains(parts[1]) { return "@/pages/\(parts[1])" + fragment }
        return nil
    }
}

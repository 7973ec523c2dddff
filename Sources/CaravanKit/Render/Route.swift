/// The URL scheme, in one place. A route is a folder path relative to the site root
/// (`en/articles/x/`, empty for the root) or a file path (`404.html`).
struct Route: Sendable, Hashable {
    /// Site-relative, no leading slash: `en/articles/x/` or `404.html`.
    var path: String

    static let landing = Route(path: "")
    static let notFound = Route(path: "404.html")

    static func home(_ language: String, page: Int = 1) -> Route {
        Route(path: page == 1 ? "\(language)/" : "\(language)/page/\(page)/")
    }

    static func article(_ slug: String, in language: String) -> Route {
        Route(path: "\(language)/articles/\(slug)/")
    }

    /// An article in its language and its translation side by side (中英对照).
    static func bilingual(_ slug: String, in language: String) -> Route {
        Route(path: "\(language)/articles/\(slug)/bilingual/")
    }

    static func page(_ slug: String, in language: String) -> Route {
        Route(path: "\(language)/\(slug)/")
    }

    static func stats(_ language: String) -> Route {
        Route(path: "\(language)/stats/")
    }

    static func corridors(_ language: String) -> Route {
        Route(path: "\(language)/corridors/")
    }

    static func corridor(_ id: String, in language: String) -> Route {
        Route(path: "\(language)/corridors/\(id)/")
    }

    static func archive(_ month: Archive.Month, in language: String, page: Int = 1) -> Route {
        Route(path: page == 1 ? "\(language)/archive/\(month.path)/" : "\(language)/archive/\(month.path)/page/\(page)/")
    }

    static func search(_ language: String) -> Route {
        Route(path: "\(language)/search/")
    }

    static func tags(_ language: String) -> Route {
        Route(path: "\(language)/tags/")
    }

    static func tag(_ id: String, in language: String, page: Int = 1) -> Route {
        Route(path: page == 1 ? "\(language)/tags/\(id)/" : "\(language)/tags/\(id)/page/\(page)/")
    }

    static func feed(_ language: String) -> Route {
        Route(path: "\(language)/feed.xml")
    }

    static func story(_ story: Story, in language: String) -> Route {
        story.kind == .article ? article(story.slug, in: language) : page(story.slug, in: language)
    }

    /// A file at the site root or inside a route folder: `style.css`.
    static func file(_ path: String) -> Route { Route(path: path) }

    var isFolder: Bool { path.isEmpty || path.hasSuffix("/") }

    /// The file the route is written to: folders get `index.html`.
    var outputPath: String { isFolder ? path + "index.html" : path }

    /// The folder the page's relative links start from.
    var folderDepth: Int {
        // Route paths have no empty segments, so the slashes are the folders to climb.
        var depth = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return depth
    }

    /// A link from this page to `target` that works on any host and in any sub-folder,
    /// and from a local disk: relative, and naming `index.html` explicitly (object
    /// storage and `file://` do not add it).
    func link(to target: Route) -> String {
        // Made in one buffer: pages make tens of links each.
        let depth = folderDepth
        var link = ""
        link.reserveCapacity(3 * depth + target.path.utf8.count + 10)
        for _ in 0..<depth { link += "../" }
        link += target.path
        if target.isFolder { link += "index.html" }
        return link
    }

    /// The public address of the route, for canonical links, feeds and the sitemap.
    func absoluteURL(in config: SiteConfig) -> String? {
        config.absoluteURL(path)
    }
}

/// Links between stories: an editor writes `[text](@/articles/<slug>)` (or
/// `@/pages/<slug>`, optionally with `#section`) and gets a link to that story in the
/// same language, falling back to another language when it has no such translation.
struct InternalLinks: Sendable {
    static let prefix = "@/"

    enum Resolution: Equatable {
        case found(href: String)
        /// The story exists, but not in the reader's language.
        case otherLanguage(href: String, language: String)
        case unknown(slug: String, kind: SourceDocument.Kind, suggestion: String?)
        case malformed
    }

    /// Stories are looked up in the site's own index: a dictionary of every story, made
    /// for each build, cost a one-edit rebuild more than the links it resolves.
    private let site: ResolvedSite

    init(site: ResolvedSite) {
        self.site = site
    }

    func resolve(_ url: String, from route: Route, language: String) -> Resolution {
        guard url.hasPrefix(Self.prefix) else { return .malformed }
        var path = String(url.dropFirst(Self.prefix.count))
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        while path.hasSuffix("/") { path.removeLast() }
        let parts = path.split(separator: "/")
        guard parts.count == 2, let kind = SourceDocument.Kind(folder: parts[0]) else {
            return .malformed
        }
        let slug = String(parts[1])
        guard let story = site.story(kind, slug) else {
            let candidates = (kind == .article ? site.articles : site.pages).map(\.slug)
            return .unknown(slug: slug, kind: kind, suggestion: Suggestion.closest(to: slug, in: candidates))
        }
        if story.translations[language] != nil {
            return .found(href: route.link(to: .story(story, in: language)) + fragment)
        }
        let other = site.config.languages.map(\.code).first { story.translations[$0] != nil }!
        return .otherLanguage(href: route.link(to: .story(story, in: other)) + fragment, language: other)
    }

    /// The address to write into the page, when there is one.
    func href(_ url: String, from route: Route, language: String) -> String? {
        switch resolve(url, from: route, language: language) {
        case .found(let href), .otherLanguage(let href, _): href
        case .unknown, .malformed: nil
        }
    }
}

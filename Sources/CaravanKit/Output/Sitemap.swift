/// `/sitemap.xml` (sitemaps.org) with every page, its last change, and for pages with
/// translations an `xhtml:link rel="alternate" hreflang` per translation plus `x-default`,
/// the same set the pages themselves list.
struct Sitemap {
    let site: ResolvedSite

    func xml(for plans: [PagePlan]) -> String? {
        let config = site.config
        guard config.baseURL != nil else { return nil }
        // One entry per page, worked out on every core: a large site has tens of thousands.
        let entries = plans.concurrentMap { plan -> String in
            // Not the bilingual views: their canonical page is the article.
            guard plan.templateName != nil, plan.templateName != "404", plan.templateName != "bilingual" else { return "" }
            guard let url = plan.route.absoluteURL(in: config) else { return "" }
            var entry = "<url>\n<loc>\(e(url))</loc>\n<lastmod>\(lastModified(plan).rfc3339)</lastmod>\n"
            for (hreflang, target) in alternates(of: plan) {
                entry += "<xhtml:link rel=\"alternate\" hreflang=\"\(hreflang)\" href=\"\(e(target.absoluteURL(in: config)!))\"/>\n"
            }
            return entry + "</url>\n"
        }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """ + entries.joined() + "</urlset>\n"
    }

    /// The alternates in the order pages list them: site languages, then `x-default`.
    private func alternates(of plan: PagePlan) -> [(String, Route)] {
        if case .landing = plan {
            return site.config.languages.count > 1
                ? site.config.languages.map { ($0.htmlLang, Route.home($0.code)) } + [("x-default", .landing)]
                : []
        }
        let (routes, xDefault) = plan.translations(in: site)
        guard routes.count > 1 else { return [] }
        var result = site.config.languages.compactMap { language in routes[language.code].map { (language.htmlLang, $0) } }
        if let fallback = xDefault ?? routes[site.config.defaultLanguage.code] ?? result.first?.1 {
            result.append(("x-default", fallback))
        }
        return result
    }

    /// The newest date of what the page shows.
    private func lastModified(_ plan: PagePlan) -> ContentDate {
        let newest = site.newestDate ?? ContentDate.parse("1970-01-01")!
        switch plan {
        case .story(let story, let language), .bilingual(let story, let language, _):
            let frontMatter = story.translations[language.code]!.frontMatter
            return frontMatter.lastModified
        case .home(let language, let page, _):
            let size = site.config.pageSize
            return site.articles(in: language.code).dropFirst((page - 1) * size).first?.date ?? newest
        case .corridors:
            return site.config.languages.compactMap { language in
                site.data.corridors.compactMap { site.articles(in: language.code, about: $0.id).first?.date }.max()
            }.max() ?? newest
        case .corridor(let corridor, _):
            return site.config.languages.compactMap { site.articles(in: $0.code, about: corridor.id).first?.date }.max() ?? newest
        case .archive(let month, let language, let page, _):
            let size = site.config.pageSize
            return Archive(site: site, language: language.code).articles(in: month).dropFirst((page - 1) * size).first?.date ?? newest
        case .tag(let tag, let language, let page, _):
            let size = site.config.pageSize
            return site.articles(in: language.code, tagged: tag.id).dropFirst((page - 1) * size).first?.date ?? newest
        case .landing, .stats, .tags, .search, .notFound, .feed, .sitemap, .robots:
            return newest
        }
    }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// `/robots.txt`: everything may be crawled; the sitemap's address when it has one.
enum Robots {
    static func text(_ config: SiteConfig) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let sitemap = config.absoluteURL("sitemap.xml") { text += "\nSitemap: \(sitemap)\n" }
        return text
    }
}

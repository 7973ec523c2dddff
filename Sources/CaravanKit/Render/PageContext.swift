/// Builds the values every page template sees, in one place, so what a template may use
/// is visible here. Values are finished text, lists and yes/no only (`TemplateValue`):
/// a value that does not apply is left out, as Mustache renders a missing key as nothing.
struct PageContext {
    let site: ResolvedSite
    /// What every page of a language shares, by how many folders deep it lies (its links
    /// climb as many): worked out once per build instead of on every page.
    private let shared: [String: [TemplateObject]]
    /// The pages in each language's navigation: their own entry is marked current, so they
    /// make theirs themselves.
    private let navigationRoutes: [String: Set<Route>]
    /// Pages deeper than this make the shared values themselves (`en/articles/x/bilingual/` is 4).
    private static let deepestShared = 6
    /// Each language's publication days as its pages write them (`date_format`), by
    /// `dayKey`: a story is listed on a dozen pages, and a site has far fewer days than stories.
    private let dayTexts: [String: [Int: String]]

    /// `preparingDays`: whether to write every publication day once, ahead, for the many
    /// pages of a full build; a rebuild rendering a few pages writes the days they show.
    init(site: ResolvedSite, preparingDays: Bool = true) {
        self.site = site
        var shared: [String: [TemplateObject]] = [:]
        var navigationRoutes: [String: Set<Route>] = [:]
        for language in site.config.languages {
            navigationRoutes[language.code] = Set(Self.navigationTargets(site, language.code).map(\.route))
            shared[language.code] = (0...Self.deepestShared).map { depth in
                let route = Route(path: String(repeating: "_/", count: depth))
                var values = Self.sharedValues(site, route: route, language: language) { route.link(to: $0) }
                // Room for what a page adds: a page's copy then never grows its table (a
                // rehash of every name) while its own values go in.
                values.reserveCapacity(values.count + 64)
                return values
            }
        }
        self.shared = shared
        self.navigationRoutes = navigationRoutes
        var dayTexts: [String: [Int: String]] = [:]
        for story in [site.articles, site.pages].joined() where preparingDays {
            for (language, document) in story.translations {
                let date = document.frontMatter.date
                guard dayTexts[language]?[Self.dayKey(date)] == nil, let strings = site.strings[language] else { continue }
                dayTexts[language, default: [:]][Self.dayKey(date)] = strings.format(date)
            }
        }
        self.dayTexts = dayTexts
    }

    /// `date` as the pages of `language` write a day: "2024年5月17日", "17 May 2024".
    func dayText(_ date: ContentDate, in language: String) -> String {
        dayTexts[language]?[Self.dayKey(date)] ?? site.strings[language]?.format(date) ?? date.iso
    }

    private static func dayKey(_ date: ContentDate) -> Int {
        (date.year * 100 + date.month) * 100 + date.day
    }

    /// The context shared by every page: language, UI strings, navigation, language switch
    /// and `hreflang` alternates. `translations` maps language codes to the same page in
    /// that language (including this one); `fallbacks` are where the visible switch goes
    /// for languages without an equivalent page.
    func base(
        route: Route, language: Language, title: String, description: String,
        translations: [String: Route], fallbacks: [String: Route] = [:], isHome: Bool = false,
        absoluteLinks: Bool = false
    ) -> TemplateObject {
        let config = site.config
        // The 404 page is served at any missing address, where relative links would start
        // from the wrong folder; it links absolutely when the public address is known.
        func link(_ target: Route) -> String {
            (absoluteLinks ? target.absoluteURL(in: config) : nil) ?? route.link(to: target)
        }
        var context: TemplateObject
        if !absoluteLinks, let byDepth = shared[language.code], route.folderDepth < byDepth.count,
           navigationRoutes[language.code]?.contains(route) == false {
            context = byDepth[route.folderDepth]
        } else {
            context = Self.sharedValues(site, route: route, language: language, link: link)
        }
        context["title"] = .text(title)
        context["page_title"] = .text(isHome ? title : "\(title) · \(config.title[language.code] ?? "")")
        context["description"] = .text(description)
        if let canonical = route.absoluteURL(in: config) { context["canonical"] = .text(canonical) }
        // The visible switch: every other language, in site order.
        var switchLinks: [TemplateObject] = []
        for other in config.languages where other.code != language.code {
            guard let target = translations[other.code] ?? fallbacks[other.code] else { continue }
            switchLinks.append([
                "name": .text(other.name), "href": .text(link(target)), "hreflang": .text(other.htmlLang),
                "label": .text(site.strings[other.code]?["read_in"] ?? other.name),
            ])
        }
        // Open Graph: the page's locale and those of its translations.
        context["og_locale_alternates"] = .list(config.languages
            .filter { $0.code != language.code && translations[$0.code] != nil }.map(\.locale))
        context["translations"] = .list(switchLinks)
        context["has_translations"] = .flag(!switchLinks.isEmpty)
        context["alternates"] = .list(alternates(route: route, translations: translations))
        return context
    }

    /// What does not depend on the page itself, only on its language and where links
    /// start from (`link`); the navigation marks `route`'s own entry current.
    private static func sharedValues(_ site: ResolvedSite, route: Route, language: Language, link: (Route) -> String) -> TemplateObject {
        let config = site.config
        var context = languageValues(language, strings: site.strings[language.code])
        context.merge([
            "site_title": .text(config.title[language.code] ?? ""),
            "site_description": .text(config.description[language.code] ?? ""),
            "stylesheet": .text(link(.file("style.css"))),
            "home_href": .text(link(.home(language.code))),
            "landing_href": .text(link(.landing)),
            "nav": .list(navigationTargets(site, language.code).map { label, target -> TemplateObject in
                ["label": .text(label), "href": .text(link(target)), "current": .flag(route == target)]
            }),
            "og_type": "website",
        ]) { _, page in page }
        if config.baseURL != nil { context["feed_href"] = .text(link(.feed(language.code))) }
        // The site's icon and default share picture, when Public/ has them (an article's own
        // picture replaces the share picture).
        if site.hasPublicFile(favicon) { context["favicon"] = .text(link(.file(favicon))) }
        if site.hasPublicFile(sharePicture), let url = Route.file(sharePicture).absoluteURL(in: config) {
            context["og_image"] = .text(url)
        }
        return context
    }

    static let favicon = "favicon.svg"
    static let sharePicture = "share.png"

    /// What a page's language fixes: `lang` (code, html_lang, name, locale) and `i18n` (the
    /// UI strings). Only the top of a page's context has these two names, so the template
    /// compiler writes them in as text, one program per language (`TemplateSet.compile`).
    static func languageValues(_ language: Language, strings: UIStrings?) -> TemplateObject {
        [
            "lang": [
                "code": .text(language.code), "html_lang": .text(language.htmlLang),
                "name": .text(language.name), "locale": .text(language.locale),
            ],
            "i18n": .object(strings?.templateValues ?? [:]),
        ]
    }

    /// `<link rel="alternate" hreflang>` for each language version, itself included, plus
    /// `x-default` (the default language's version, or the landing page for home pages).
    func alternates(route: Route, translations: [String: Route], xDefault: Route? = nil) -> [TemplateObject] {
        guard translations.count > 1 else { return [] }
        let config = site.config
        func href(_ target: Route) -> String {
            target.absoluteURL(in: config) ?? route.link(to: target)
        }
        var result: [TemplateObject] = []
        for language in config.languages {
            if let target = translations[language.code] {
                result.append(["hreflang": .text(language.htmlLang), "href": .text(href(target))])
            }
        }
        let defaultTarget = xDefault ?? translations[config.defaultLanguage.code] ?? translations.values.first!
        result.append(["hreflang": "x-default", "href": .text(href(defaultTarget))])
        return result
    }

    /// The navigation's entries in `language`: the site's sections, then its pages.
    private static func navigationTargets(_ site: ResolvedSite, _ language: String) -> [(label: String, route: Route)] {
        let strings = site.strings[language]
        var targets: [(label: String, route: Route)] = [
            (strings?["nav_home"] ?? "", .home(language)),
            (strings?["nav_corridors"] ?? "", .corridors(language)),
            (strings?["nav_stats"] ?? "", .stats(language)),
            (strings?["nav_tags"] ?? "", .tags(language)),
        ]
        if site.config.search { targets.append((strings?["nav_search"] ?? "", .search(language))) }
        for page in site.pages {
            guard let document = page.translations[language] else { continue }
            targets.append((document.frontMatter.title, .story(page, in: language)))
        }
        return targets
    }

    /// One entry of an article list.
    func listItem(_ story: Story, language: String, from route: Route, summary: String) -> TemplateObject {
        let document = story.translations[language]!
        var item: TemplateObject = [
            "title": .text(document.frontMatter.title),
            "href": .text(route.link(to: .story(story, in: language))),
            "date_iso": .text(document.frontMatter.date.rfc3339),
            "date_text": .text(dayText(document.frontMatter.date, in: language)),
            "draft": .flag(document.frontMatter.draft),
        ]
        if !summary.isEmpty {
            item["summary"] = .text(summary)
        }
        return item
    }
}

/// Builds the values every page template sees, in one place, so what a template may use
/// is visible here. Values are finished strings, lists and booleans only: Mustache
/// renders a missing key as nothing and a stored nil as the word "nil".
struct PageContext {
    let site: ResolvedSite

    /// The context shared by every page: language, UI strings, navigation, language switch
    /// and `hreflang` alternates. `translations` maps language codes to the same page in
    /// that language (including this one); `fallbacks` are where the visible switch goes
    /// for languages without an equivalent page.
    func base(
        route: Route, language: Language, title: String, description: String,
        translations: [String: Route], fallbacks: [String: Route] = [:], isHome: Bool = false,
        absoluteLinks: Bool = false
    ) -> [String: Any] {
        let config = site.config
        // The 404 page is served at any missing address, where relative links would start
        // from the wrong folder; it links absolutely when the public address is known.
        func link(_ target: Route) -> String {
            (absoluteLinks ? target.absoluteURL(in: config) : nil) ?? route.link(to: target)
        }
        let strings = site.strings[language.code]
        var context: [String: Any] = [
            "lang": ["code": language.code, "html_lang": language.htmlLang, "name": language.name, "locale": language.locale],
            "i18n": strings?.values ?? [:],
            "site_title": config.title[language.code] ?? "",
            "site_description": config.description[language.code] ?? "",
            "title": title,
            "page_title": isHome ? title : "\(title) · \(config.title[language.code] ?? "")",
            "description": description,
            "stylesheet": link(.file("style.css")),
            "home_href": link(.home(language.code)),
            "landing_href": link(.landing),
            "nav": navigation(route: route, language: language.code, link: link),
        ]
        if let canonical = route.absoluteURL(in: config) {
            context["canonical"] = canonical
            context["feed_href"] = link(.feed(language.code))
        }
        // The visible switch: every other language, in site order.
        var switchLinks: [[String: Any]] = []
        for other in config.languages where other.code != language.code {
            guard let target = translations[other.code] ?? fallbacks[other.code] else { continue }
            switchLinks.append([
                "name": other.name, "href": link(target), "hreflang": other.htmlLang,
                "label": site.strings[other.code]?["read_in"] ?? other.name,
            ])
        }
        // Open Graph: the page's locale and those of its translations.
        context["og_type"] = "website"
        context["og_locale_alternates"] = config.languages
            .filter { $0.code != language.code && translations[$0.code] != nil }.map(\.locale)
        context["translations"] = switchLinks
        context["has_translations"] = !switchLinks.isEmpty
        context["alternates"] = alternates(route: route, translations: translations)
        return context
    }

    /// `<link rel="alternate" hreflang>` for each language version, itself included, plus
    /// `x-default` (the default language's version, or the landing page for home pages).
    func alternates(route: Route, translations: [String: Route], xDefault: Route? = nil) -> [[String: String]] {
        guard translations.count > 1 else { return [] }
        let config = site.config
        func href(_ target: Route) -> String {
            target.absoluteURL(in: config) ?? route.link(to: target)
        }
        var result: [[String: String]] = []
        for language in config.languages {
            if let target = translations[language.code] {
                result.append(["hreflang": language.htmlLang, "href": href(target)])
            }
        }
        let defaultTarget = xDefault ?? translations[config.defaultLanguage.code] ?? translations.values.first!
        result.append(["hreflang": "x-default", "href": href(defaultTarget)])
        return result
    }

    private func navigation(route: Route, language: String, link: (Route) -> String) -> [[String: Any]] {
        let strings = site.strings[language]
        var items: [[String: Any]] = [[
            "label": strings?["nav_home"] ?? "", "href": link(.home(language)),
            "current": route == .home(language),
        ]]
        let stats = Route.stats(language)
        items.append(["label": strings?["nav_stats"] ?? "", "href": link(stats), "current": route == stats])
        let tags = Route.tags(language)
        items.append(["label": strings?["nav_tags"] ?? "", "href": link(tags), "current": route == tags])
        for page in site.pages {
            guard let document = page.translations[language] else { continue }
            let target = Route.story(page, in: language)
            items.append(["label": document.frontMatter.title, "href": link(target), "current": route == target])
        }
        return items
    }

    /// One entry of an article list.
    func listItem(_ story: Story, language: String, from route: Route, summary: String) -> [String: Any] {
        let document = story.translations[language]!
        var item: [String: Any] = [
            "title": document.frontMatter.title,
            "href": route.link(to: .story(story, in: language)),
            "date_iso": document.frontMatter.date.rfc3339,
            "date_text": site.strings[language]?.format(document.frontMatter.date) ?? document.frontMatter.date.iso,
        ]
        if !summary.isEmpty {
            item["summary"] = summary
        }
        return item
    }
}

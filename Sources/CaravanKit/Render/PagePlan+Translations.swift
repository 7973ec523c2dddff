extension PagePlan {
    /// The same page in each language that has it (this page included), by language code,
    /// and the page `x-default` points at. Used for the language switch, `hreflang`
    /// alternates and the sitemap, so all three always agree.
    func translations(in site: ResolvedSite) -> (routes: [String: Route], xDefault: Route?) {
        let languages = site.config.languages
        switch self {
        case .landing:
            // The landing is the language chooser: the homes' x-default.
            return ([:], .landing)
        case .notFound, .feed, .sitemap, .robots:
            return ([:], nil)
        case .home(let language, let page, _):
            var routes: [String: Route] = [:]
            for other in languages {
                let count = site.articles(in: other.code).count
                if other.code == language.code || (page - 1) * site.config.pageSize < max(count, 1) {
                    routes[other.code] = .home(other.code, page: page)
                }
            }
            return (routes, page == 1 ? .landing : nil)
        case .story(let story, _):
            var routes: [String: Route] = [:]
            for code in story.translations.keys { routes[code] = .story(story, in: code) }
            return (routes, nil)
        case .bilingual(let story, let language, let other):
            // The switch goes to the same pair led by the other language.
            return ([language.code: .bilingual(story.slug, in: language.code), other.code: .bilingual(story.slug, in: other.code)], nil)
        case .archive(let month, _, let page, _):
            var routes: [String: Route] = [:]
            for other in languages where (page - 1) * site.config.pageSize < Archive(site: site, language: other.code).articles(in: month).count {
                routes[other.code] = .archive(month, in: other.code, page: page)
            }
            return (routes, nil)
        case .tags:
            return (Dictionary(uniqueKeysWithValues: languages.map { ($0.code, Route.tags($0.code)) }), nil)
        case .tag(let tag, _, let page, _):
            var routes: [String: Route] = [:]
            for other in languages where (page - 1) * site.config.pageSize < site.articles(in: other.code, tagged: tag.id).count {
                routes[other.code] = .tag(tag.id, in: other.code, page: page)
            }
            return (routes, nil)
        case .stats:
            return (Dictionary(uniqueKeysWithValues: languages.map { ($0.code, Route.stats($0.code)) }), nil)
        case .search:
            return (Dictionary(uniqueKeysWithValues: languages.map { ($0.code, Route.search($0.code)) }), nil)
        case .corridors:
            return (Dictionary(uniqueKeysWithValues: languages.map { ($0.code, Route.corridors($0.code)) }), nil)
        case .corridor(let corridor, _):
            return (Dictionary(uniqueKeysWithValues: languages.map { ($0.code, Route.corridor(corridor.id, in: $0.code)) }), nil)
        }
    }
}

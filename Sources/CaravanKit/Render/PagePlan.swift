/// Every page the site has, decided before any is rendered: the routes are known up
/// front, so every page can link any other.
enum PagePlan: Sendable {
    case landing
    case home(language: Language, page: Int, pageCount: Int)
    case story(Story, language: Language)
    case tags(language: Language)
    case tag(Tag, language: Language, page: Int, pageCount: Int)
    case stats(language: Language)
    case corridor(Corridor, language: Language)
    case notFound

    static func all(for site: ResolvedSite) -> [PagePlan] {
        var plans: [PagePlan] = [.landing, .notFound]
        for language in site.config.languages {
            let count = site.articles(in: language.code).count
            let pageCount = max(1, (count + site.config.pageSize - 1) / site.config.pageSize)
            for page in 1...pageCount {
                plans.append(.home(language: language, page: page, pageCount: pageCount))
            }
            for story in site.articles + site.pages where story.translations[language.code] != nil {
                plans.append(.story(story, language: language))
            }
            plans.append(.tags(language: language))
            for tag in site.data.tags {
                let count = site.articles(in: language.code, tagged: tag.id).count
                guard count > 0 else { continue }
                let pageCount = (count + site.config.pageSize - 1) / site.config.pageSize
                for page in 1...pageCount {
                    plans.append(.tag(tag, language: language, page: page, pageCount: pageCount))
                }
            }
            plans.append(.stats(language: language))
            for corridor in site.data.corridors {
                plans.append(.corridor(corridor, language: language))
            }
        }
        return plans
    }

    var route: Route {
        switch self {
        case .landing: .landing
        case .notFound: .notFound
        case .home(let language, let page, _): .home(language.code, page: page)
        case .story(let story, let language): .story(story, in: language.code)
        case .tags(let language): .tags(language.code)
        case .tag(let tag, let language, let page, _): .tag(tag.id, in: language.code, page: page)
        case .stats(let language): .stats(language.code)
        case .corridor(let corridor, let language): .corridor(corridor.id, in: language.code)
        }
    }

    /// The language code the page counts under in the build summary ("" for shared pages).
    var languageCode: String {
        switch self {
        case .landing, .notFound: ""
        case .home(let language, _, _), .story(_, let language), .stats(let language), .corridor(_, let language),
             .tags(let language), .tag(_, let language, _, _):
            language.code
        }
    }
}

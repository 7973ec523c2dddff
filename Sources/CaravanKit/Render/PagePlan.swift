/// Every page the site has, and every file made from its content (feeds, sitemap,
/// robots.txt), decided before any is rendered: the routes are known up front, so every
/// page can link any other, and each can be kept when its inputs did not change.
enum PagePlan: Sendable {
    case landing
    case home(language: Language, page: Int, pageCount: Int)
    case story(Story, language: Language)
    /// An article in `language` paired block by block with its translation in `other`.
    case bilingual(Story, language: Language, other: Language)
    case tags(language: Language)
    /// The search form; `search.js` lists what it finds from the index files.
    case search(language: Language)
    /// One month of a language's articles.
    case archive(Archive.Month, language: Language, page: Int, pageCount: Int)
    case tag(Tag, language: Language, page: Int, pageCount: Int)
    case stats(language: Language)
    /// Every corridor of the data, with its places and latest report.
    case corridors(language: Language)
    case corridor(Corridor, language: Language)
    case notFound
    /// The Atom feed of a language, the sitemap and robots.txt: files, not pages. Feeds and
    /// the sitemap need absolute addresses, so they exist only with a `baseURL`.
    case feed(language: Language)
    case sitemap
    case robots

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
            for story in site.articles {
                if let other = bilingualPartner(of: story, in: language, site: site) {
                    plans.append(.bilingual(story, language: language, other: other))
                }
            }
            let archive = Archive(site: site, language: language.code)
            for month in archive.months {
                let count = archive.articles(in: month).count
                let pageCount = (count + site.config.pageSize - 1) / site.config.pageSize
                for page in 1...pageCount {
                    plans.append(.archive(month, language: language, page: page, pageCount: pageCount))
                }
            }
            plans.append(.tags(language: language))
            if site.config.search { plans.append(.search(language: language)) }
            for tag in site.data.tags {
                let count = site.articles(in: language.code, tagged: tag.id).count
                guard count > 0 else { continue }
                let pageCount = (count + site.config.pageSize - 1) / site.config.pageSize
                for page in 1...pageCount {
                    plans.append(.tag(tag, language: language, page: page, pageCount: pageCount))
                }
            }
            plans.append(.stats(language: language))
            plans.append(.corridors(language: language))
            for corridor in site.data.corridors {
                plans.append(.corridor(corridor, language: language))
            }
            if site.config.baseURL != nil { plans.append(.feed(language: language)) }
        }
        if site.config.baseURL != nil { plans.append(.sitemap) }
        plans.append(.robots)
        return plans
    }

    /// The same page, showing its story as `site` has it (a plan updated after an edit to
    /// a story's body).
    func showingStories(of site: ResolvedSite) -> PagePlan {
        switch self {
        case .story(let story, let language):
            site.story(story.kind, story.slug).map { .story($0, language: language) } ?? self
        case .bilingual(let story, let language, let other):
            site.story(story.kind, story.slug).map { .bilingual($0, language: language, other: other) } ?? self
        default:
            self
        }
    }

    /// The language an article in `language` is read beside: with two site languages, the
    /// other one, when the article has it.
    static func bilingualPartner(of story: Story, in language: Language, site: ResolvedSite) -> Language? {
        guard story.kind == .article, story.translations[language.code] != nil else { return nil }
        return site.config.languages.first { $0.code != language.code && story.translations[$0.code] != nil }
    }

    var route: Route {
        switch self {
        case .landing: .landing
        case .notFound: .notFound
        case .home(let language, let page, _): .home(language.code, page: page)
        case .story(let story, let language): .story(story, in: language.code)
        case .bilingual(let story, let language, _): .bilingual(story.slug, in: language.code)
        case .tags(let language): .tags(language.code)
        case .search(let language): .search(language.code)
        case .archive(let month, let language, let page, _): .archive(month, in: language.code, page: page)
        case .tag(let tag, let language, let page, _): .tag(tag.id, in: language.code, page: page)
        case .stats(let language): .stats(language.code)
        case .corridors(let language): .corridors(language.code)
        case .corridor(let corridor, let language): .corridor(corridor.id, in: language.code)
        case .feed(let language): .feed(language.code)
        case .sitemap: .file("sitemap.xml")
        case .robots: .file("robots.txt")
        }
    }

    /// The template an HTML page is rendered through; nil for the files that are not pages.
    var templateName: String? {
        switch self {
        case .landing: "landing"
        case .notFound: "404"
        case .home, .tag, .archive: "list"
        case .story(let story, _): story.kind == .article ? "article" : "page"
        case .bilingual: "bilingual"
        case .tags: "tags"
        case .search: "search"
        case .stats: "stats"
        case .corridors: "corridors"
        case .corridor: "corridor"
        case .feed, .sitemap, .robots: nil
        }
    }

    /// The language code the page counts under in the build summary ("" for shared pages).
    var languageCode: String {
        switch self {
        case .landing, .notFound, .sitemap, .robots: ""
        case .home(let language, _, _), .story(_, let language), .bilingual(_, let language, _), .stats(let language), .corridors(let language), .corridor(_, let language),
             .tags(let language), .search(let language), .tag(_, let language, _, _), .archive(_, let language, _, _), .feed(let language):
            language.code
        }
    }
}

/// A paginated list of articles (a language's home, a tag): the articles of one page,
/// previous/next links, and the language switch to the same page elsewhere.
struct ArticleList {
    let context: PageContext
    let documents: RenderedDocuments
    private var site: ResolvedSite { context.site }

    /// `route(n)` is the address of page n of this list.
    func values(
        plan: PagePlan, language: Language, title: String, heading: String, articles: [Story],
        page: Int, pageCount: Int, isHome: Bool = false, route: (Int) -> Route
    ) -> TemplateObject {
        let here = route(page)
        let slice = Self.page(page, of: articles, size: site.config.pageSize)
        // Page n in another language exists only when that language has as many articles;
        // otherwise the switch goes to that language's home.
        let (translations, xDefault) = plan.translations(in: site)
        var fallbacks: [String: Route] = [:]
        for other in site.config.languages where translations[other.code] == nil {
            fallbacks[other.code] = .home(other.code)
        }
        let strings = site.strings[language.code]
        var values = context.base(
            route: here, language: language, title: title,
            description: site.config.description[language.code] ?? "",
            translations: translations, fallbacks: fallbacks, isHome: isHome)
        values["alternates"] = .list(context.alternates(route: here, translations: translations, xDefault: xDefault))
        values["heading"] = .text(heading)
        values["articles"] = .list(slice.map {
            context.listItem($0, language: language.code, from: here, summary: documents.summary($0, language.code))
        })
        values["has_articles"] = .flag(!slice.isEmpty)
        var pagination: TemplateObject = [
            "label": .text(strings?.format("page_of", ["n": String(page), "total": String(pageCount)]) ?? ""),
        ]
        if page > 1 { pagination["prev_href"] = .text(here.link(to: route(page - 1))) }
        if page < pageCount { pagination["next_href"] = .text(here.link(to: route(page + 1))) }
        values["pagination"] = pageCount > 1 ? .object(pagination) : false
        return values
    }

    /// The articles on page `number` (from 1) of a list.
    static func page(_ number: Int, of articles: [Story], size: Int) -> ArraySlice<Story> {
        articles.dropFirst((number - 1) * size).prefix(size)
    }
}

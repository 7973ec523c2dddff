/// The tag index and the (paginated) list of each tag.
struct TagViewModels {
    let context: PageContext
    let documents: RenderedDocuments
    private var site: ResolvedSite { context.site }

    /// `/<lang>/tags/`: every tag used in this language, with its article count.
    func index(_ language: Language) -> TemplateObject {
        let route = Route.tags(language.code)
        let strings = site.strings[language.code]!
        var values = context.base(
            route: route, language: language, title: strings["tags_title"], description: strings["tags_description"],
            translations: PagePlan.tags(language: language).translations(in: site).routes)
        let tags = site.data.tags.compactMap { tag -> TemplateObject? in
            let count = site.articles(in: language.code, tagged: tag.id).count
            guard count > 0 else { return nil }
            return [
                "name": .text(tag.name[language.code] ?? tag.id), "href": .text(route.link(to: .tag(tag.id, in: language.code))),
                "count": .text(strings.format(count == 1 ? "tag_count_one" : "tag_count", ["n": String(count)])),
            ]
        }
        values["tags"] = .list(tags)
        values["has_tags"] = .flag(!tags.isEmpty)
        return values
    }

    /// `/<lang>/tags/<id>/`: the tag's articles, newest first, paginated like the home page.
    func tag(_ tag: Tag, _ language: Language, page: Int, pageCount: Int) -> TemplateObject {
        let plan = PagePlan.tag(tag, language: language, page: page, pageCount: pageCount)
        let strings = site.strings[language.code]!
        let name = tag.name[language.code] ?? tag.id
        let articles = site.articles(in: language.code, tagged: tag.id)
        return ArticleList(context: context, documents: documents).values(
            plan: plan, language: language, title: strings.format("tag_title", ["name": name]),
            heading: strings.format("tag_title", ["name": name]), articles: articles, page: page, pageCount: pageCount
        ) { .tag(tag.id, in: language.code, page: $0) }
    }
}

/// `/<lang>/search/`: the form, where `search.js` finds the index, and what it says.
struct SearchViewModel {
    let context: PageContext
    private var site: ResolvedSite { context.site }

    func page(_ language: Language) -> TemplateObject {
        let route = Route.search(language.code)
        let strings = site.strings[language.code]!
        var values = context.base(
            route: route, language: language, title: strings["search_title"], description: strings["search_description"],
            translations: PagePlan.search(language: language).translations(in: site).routes)
        values["script_href"] = .text(route.link(to: .file(SearchScript.path)))
        // The index files sit in `data/` under the search page (`SearchIndex.folder`).
        values["index_href"] = .text("data/")
        values["tags_href"] = .text(route.link(to: .tags(language.code)))
        values["corridors_href"] = .text(route.link(to: .corridors(language.code)))
        // Nothing found: the suggestion to search the other language's stories.
        if let other = site.config.languages.first(where: { $0.code != language.code }) {
            values["other"] = .object([
                "href": .text(route.link(to: .search(other.code))), "html_lang": .text(other.htmlLang),
            ])
        }
        return values
    }
}

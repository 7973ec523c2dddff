/// `/<lang>/articles/<slug>/bilingual/`: an article in the page's language with its
/// translation beside it, block by block where the two line up (`BilingualAlignment`).
struct BilingualViewModel {
    let context: PageContext
    let documents: RenderedDocuments
    private var site: ResolvedSite { context.site }

    func page(_ story: Story, _ language: Language, beside other: Language) -> TemplateObject {
        let route = Route.bilingual(story.slug, in: language.code)
        let article = Route.article(story.slug, in: language.code)
        let head = story.translations[language.code]!.frontMatter
        let otherHead = story.translations[other.code]!.frontMatter
        let strings = site.strings[language.code]
        let translations = PagePlan.bilingual(story, language: language, other: other).translations(in: site).routes
        var values = context.base(
            route: route, language: language, title: head.title + " · " + (strings?["bilingual_view"] ?? ""),
            description: documents.summary(story, language.code), translations: translations)
        // One page per article is the page search engines should show; this view points there.
        values["canonical"] = article.absoluteURL(in: site.config).map(TemplateValue.text)
        values["alternates"] = .list([TemplateValue]())
        let alignment = BilingualAlignment(
            blocks(story, language.code, from: article, to: route, idPrefix: ""),
            blocks(story, other.code, from: .article(story.slug, in: other.code), to: route, idPrefix: other.code + "-"))
        values["article_href"] = .text(route.link(to: article))
        values["headline"] = .text(head.title)
        values["date_iso"] = .text(head.date.rfc3339)
        values["date_text"] = .text(context.dayText(head.date, in: language.code))
        values["other"] = [
            "html_lang": .text(other.htmlLang), "name": .text(other.name), "title": .text(otherHead.title),
            "href": .text(route.link(to: .article(story.slug, in: other.code))),
        ]
        values["is_aligned"] = .flag(alignment.divergences.isEmpty)
        values["pairs"] = .list(alignment.pairs.map { pair -> TemplateObject in
            ["first": .text(pair.first.joined()), "second": .text(pair.second.joined())]
        })
        return values
    }

    /// The article's blocks in `language`, their links made to work from the bilingual page
    /// and, for the translation, their ids prefixed so the page has each id once.
    private func blocks(_ story: Story, _ language: String, from source: Route, to page: Route, idPrefix: String)
        -> [(html: Substring, isHeading: Bool)] {
        guard let rendered = documents[story, language] else { return [] }
        return rendered.blockHTML.map { block in
            (RelativeLinks.rebase(String(block.html), from: source, to: page, idPrefix: idPrefix)[...], block.isHeading)
        }
    }
}

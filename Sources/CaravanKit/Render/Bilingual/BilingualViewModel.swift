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
        let translation = Route.article(story.slug, in: other.code)
        let first = documents[story, language.code], second = documents[story, other.code]
        let alignment = BilingualAlignment(first?.blockRanges ?? [], second?.blockRanges ?? [])
        values["article_href"] = .text(route.link(to: article))
        values["headline"] = .text(head.title)
        values["date_iso"] = .text(head.date.rfc3339)
        values["date_text"] = .text(context.dayText(head.date, in: language.code))
        values["other"] = [
            "html_lang": .text(other.htmlLang), "name": .text(other.name), "title": .text(otherHead.title),
            "href": .text(route.link(to: translation)),
        ]
        values["is_aligned"] = .flag(alignment.divergences.isEmpty)
        values["pairs"] = .list(alignment.pairs.map { pair -> TemplateObject in
            [
                "first": .bytes(Self.html(of: pair.first, in: first, from: article, to: route, idPrefix: "")),
                "second": .bytes(Self.html(of: pair.second, in: second, from: translation, to: route, idPrefix: other.code + "-")),
            ]
        })
        return values
    }

    /// The blocks at `ranges` of an article's HTML, end to end, their links made to work
    /// from the bilingual page and, for the translation, their ids prefixed so the page has
    /// each id once.
    private static func html(of ranges: [Range<Int>], in rendered: RenderedMarkdown?, from source: Route, to page: Route,
                             idPrefix: String) -> [UInt8] {
        guard let html = rendered?.html else { return [] }
        var result: [UInt8] = []
        result.reserveCapacity(ranges.reduce(64) { $0 + $1.count })
        for range in ranges {
            RelativeLinks.rebase(html, range, from: source, to: page, idPrefix: idPrefix, into: &result)
        }
        return result
    }
}

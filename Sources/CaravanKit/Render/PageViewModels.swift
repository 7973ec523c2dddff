/// The template and context of each kind of page.
struct PageViewModels {
    let site: ResolvedSite
    let documents: RenderedDocuments
    private var context: PageContext { PageContext(site: site) }

    func model(for plan: PagePlan) -> (template: String, context: [String: Any]) {
        switch plan {
        case .landing: ("landing", landing())
        case .notFound: ("404", notFound())
        case .home(let language, let page, let pageCount): ("list", home(language, page: page, pageCount: pageCount))
        case .story(let story, let language): (story.kind == .article ? "article" : "page", storyPage(story, language))
        case .tags(let language): ("tags", TagViewModels(site: site, documents: documents).index(language))
        case .tag(let tag, let language, let page, let pageCount):
            ("list", TagViewModels(site: site, documents: documents).tag(tag, language, page: page, pageCount: pageCount))
        case .stats(let language): ("stats", StatsViewModels(site: site).stats(language))
        case .corridor(let corridor, let language): ("corridor", StatsViewModels(site: site).corridor(corridor, language))
        }
    }

    private func home(_ language: Language, page: Int, pageCount: Int) -> [String: Any] {
        let strings = site.strings[language.code]
        let title = page == 1
            ? site.config.title[language.code] ?? ""
            : strings?.format("page_title", ["n": String(page)]) ?? ""
        return ArticleList(site: site, documents: documents).values(
            plan: .home(language: language, page: page, pageCount: pageCount), language: language, title: title,
            heading: strings?["latest"] ?? "", articles: site.articles(in: language.code),
            page: page, pageCount: pageCount, isHome: page == 1
        ) { .home(language.code, page: $0) }
    }

    private func storyPage(_ story: Story, _ language: Language) -> [String: Any] {
        let route = Route.story(story, in: language.code)
        let document = story.translations[language.code]!
        let frontMatter = document.frontMatter
        let translations = PagePlan.story(story, language: language).translations(in: site).routes
        let strings = site.strings[language.code]
        var values = context.base(
            route: route, language: language, title: frontMatter.title,
            description: documents.summary(story, language.code), translations: translations)
        var article: [String: Any] = [
            "title": frontMatter.title,
            "body_html": documents[story, language.code]?.html ?? "",
            "date_iso": frontMatter.date.rfc3339,
            "date_text": strings?.format(frontMatter.date) ?? frontMatter.date.iso,
            "tags": frontMatter.tags.compactMap { reference -> [String: String]? in
                guard let tag = site.data.tag(reference.text) else { return nil }
                return ["name": tag.name[language.code] ?? tag.id, "href": route.link(to: .tag(tag.id, in: language.code))]
            },
            "has_tags": !frontMatter.tags.isEmpty,
        ]
        if let summary = frontMatter.summary, !summary.isEmpty { article["summary"] = summary }
        if let author = frontMatter.author { article["author"] = author }
        if let updated = frontMatter.updated, updated != frontMatter.date {
            article["updated"] = ["iso": updated.rfc3339, "text": strings?.format(updated) ?? updated.iso]
        }
        if let image = frontMatter.image {
            article["image"] = ["src": MarkdownStage.localFileName(image.text) ?? image.text, "alt": frontMatter.imageAlt ?? ""]
        }
        if story.kind == .article {
            let figures = FigureViews(site: site, language: language, route: route)
            let corridors = frontMatter.corridors.compactMap { reference -> [String: String]? in
                guard let corridor = site.data.corridor(reference.text) else { return nil }
                return ["name": corridor.name[language.code] ?? "", "href": route.link(to: .corridor(corridor.id, in: language.code))]
            }
            article["corridors"] = corridors
            article["has_corridors"] = !corridors.isEmpty
            let reported = site.data.figures.filter { $0.source.text == story.slug }.map(figures.figure)
            article["figures"] = reported
            article["has_figures"] = !reported.isEmpty
        }
        if let rendered = documents[story, language.code], let strings {
            let minutes = TextLength.readingMinutes(han: rendered.hanCount, words: rendered.wordCount)
            article["reading_time"] = strings.format("reading_time", ["n": String(minutes)])
        }
        if story.kind == .article {
            values["og_type"] = "article"
            values["json_ld"] = StructuredData.newsArticle(document, language: language, route: route, site: site)
            if let image = frontMatter.image, let url = route.absoluteURL(in: site.config) {
                values["og_image"] = url + (MarkdownStage.localFileName(image.text) ?? image.text)
            }
        }
        values["article"] = article
        values["draft"] = frontMatter.draft
        return values
    }

    private func landing() -> [String: Any] {
        let route = Route.landing
        let language = site.config.defaultLanguage
        var values = context.base(
            route: route, language: language,
            title: site.config.languages.compactMap { site.config.title[$0.code] }.joined(separator: " · "),
            description: site.config.description[language.code] ?? "", translations: [:], isHome: true)
        // The landing is the `x-default` of the language homes: it lists them, and itself.
        var alternates = site.config.languages.map { other -> [String: String] in
            ["hreflang": other.htmlLang, "href": Route.home(other.code).absoluteURL(in: site.config) ?? route.link(to: .home(other.code))]
        }
        alternates.append(["hreflang": "x-default", "href": route.absoluteURL(in: site.config) ?? route.link(to: .landing)])
        values["alternates"] = site.config.languages.count > 1 ? alternates : []
        values["languages"] = site.config.languages.map { other -> [String: Any] in
            let strings = site.strings[other.code]
            let latest = site.articles(in: other.code).prefix(5).map {
                context.listItem($0, language: other.code, from: route, summary: "")
            }
            return [
                "name": other.name, "html_lang": other.htmlLang, "code": other.code,
                "locale": other.code == language.code ? false : other.locale,
                "href": route.link(to: .home(other.code)),
                "site_title": site.config.title[other.code] ?? "",
                "site_description": site.config.description[other.code] ?? "",
                "latest_label": strings?["latest"] ?? "", "enter_label": strings?["enter"] ?? "",
                "stats_label": strings?["nav_stats"] ?? "", "stats_href": route.link(to: .stats(other.code)),
                "latest": latest,
            ]
        }
        return values
    }

    private func notFound() -> [String: Any] {
        let language = site.config.defaultLanguage
        var values = context.base(
            route: .notFound, language: language, title: site.strings[language.code]?["not_found_title"] ?? "",
            description: site.config.description[language.code] ?? "", translations: [:], absoluteLinks: true)
        values.removeValue(forKey: "canonical")
        values["languages"] = site.config.languages.map { other -> [String: Any] in
            let strings = site.strings[other.code]
            return [
                "html_lang": other.htmlLang,
                "href": Route.home(other.code).absoluteURL(in: site.config) ?? Route.notFound.link(to: .home(other.code)),
                "title": strings?["not_found_title"] ?? "", "text": strings?["not_found_text"] ?? "",
                "home_label": strings?["not_found_home"] ?? "",
            ]
        }
        return values
    }
}

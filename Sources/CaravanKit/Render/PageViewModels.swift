/// The template and context of each kind of page.
struct PageViewModels {
    /// How many of each language's newest articles the landing page lists.
    static let landingCount = 5

    let site: ResolvedSite
    let documents: RenderedDocuments
    /// Made once per build: what pages share is worked out in it once.
    private let context: PageContext

    /// `pageCount`: how many pages this build renders with these models.
    init(site: ResolvedSite, documents: RenderedDocuments, pageCount: Int = .max) {
        self.site = site
        self.documents = documents
        // A list page shows twenty days at most: a few pages write theirs as they go.
        context = PageContext(site: site, preparingDays: pageCount > 50)
    }

    func model(for plan: PagePlan) -> (template: String, context: TemplateObject) {
        switch plan {
        case .landing: ("landing", landing())
        case .notFound: ("404", notFound())
        case .home(let language, let page, let pageCount): ("list", home(language, page: page, pageCount: pageCount))
        case .story(let story, let language): (story.kind == .article ? "article" : "page", storyPage(story, language))
        case .bilingual(let story, let language, let other):
            ("bilingual", BilingualViewModel(context: context, documents: documents).page(story, language, beside: other))
        case .tags(let language): ("tags", TagViewModels(context: context, documents: documents).index(language))
        case .search(let language): ("search", SearchViewModel(context: context).page(language))
        case .archive(let month, let language, let page, let pageCount): ("list", archive(month, language, page: page, pageCount: pageCount))
        case .tag(let tag, let language, let page, let pageCount):
            ("list", TagViewModels(context: context, documents: documents).tag(tag, language, page: page, pageCount: pageCount))
        case .stats(let language): ("stats", StatsViewModels(context: context).stats(language))
        case .corridors(let language): ("corridors", StatsViewModels(context: context).corridors(language))
        case .corridor(let corridor, let language): ("corridor", StatsViewModels(context: context).corridor(corridor, language))
        // Files, not pages: made without a template (see `PageStage`).
        case .feed, .sitemap, .robots: ("", [:])
        }
    }

    private func home(_ language: Language, page: Int, pageCount: Int) -> TemplateObject {
        let strings = site.strings[language.code]
        let title = page == 1
            ? site.config.title[language.code] ?? ""
            : strings?.format("page_title", ["n": String(page)]) ?? ""
        var values = ArticleList(context: context, documents: documents).values(
            plan: .home(language: language, page: page, pageCount: pageCount), language: language, title: title,
            heading: page == 1 ? title : strings?["latest"] ?? "", articles: site.articles(in: language.code),
            page: page, pageCount: pageCount, isHome: page == 1
        ) { .home(language.code, page: $0) }
        if page == 1 { values["front"] = .object(front(language)) }
        return values
    }

    private func archive(_ month: Archive.Month, _ language: Language, page: Int, pageCount: Int) -> TemplateObject {
        let strings = site.strings[language.code]
        let label = Archive.label(month, strings: strings)
        return ArticleList(context: context, documents: documents).values(
            plan: .archive(month, language: language, page: page, pageCount: pageCount), language: language,
            title: label, heading: label, articles: Archive(site: site, language: language.code).articles(in: month),
            page: page, pageCount: pageCount
        ) { .archive(month, in: language.code, page: $0) }
    }

    /// The top of a language's home: the lead story, each corridor's latest reports, the
    /// latest figures (`FrontPage`).
    private func front(_ language: Language) -> TemplateObject {
        let route = Route.home(language.code)
        let page = FrontPage(site: site, language: language.code)
        var front: TemplateObject = [:]
        if let lead = page.lead {
            front["lead"] = .object(context.listItem(lead, language: language.code, from: route, summary: documents.summary(lead, language.code)))
        }
        let sections = page.corridorSections.map { section -> TemplateObject in
            [
                "name": .text(section.corridor.name[language.code] ?? section.corridor.id),
                "href": .text(route.link(to: .corridor(section.corridor.id, in: language.code))),
                "reports": .list(section.reports.map { context.listItem($0, language: language.code, from: route, summary: "") }),
            ]
        }
        front["corridors"] = .list(sections)
        front["has_corridors"] = .flag(!sections.isEmpty)
        let figures = page.latestFigures.map(FigureViews(site: site, language: language, route: route).figure)
        front["figures"] = .list(figures)
        front["has_figures"] = .flag(!figures.isEmpty)
        front["stats_href"] = .text(route.link(to: .stats(language.code)))
        front["archive"] = .list(Archive(site: site, language: language.code).months.map { month -> TemplateObject in
            ["label": .text(Archive.label(month, strings: site.strings[language.code])), "href": .text(route.link(to: .archive(month, in: language.code)))]
        })
        return front
    }

    private func storyPage(_ story: Story, _ language: Language) -> TemplateObject {
        let route = Route.story(story, in: language.code)
        let document = story.translations[language.code]!
        let frontMatter = document.frontMatter
        let translations = PagePlan.story(story, language: language).translations(in: site).routes
        let strings = site.strings[language.code]
        var values = context.base(
            route: route, language: language, title: frontMatter.title,
            description: documents.summary(story, language.code), translations: translations)
        var article: TemplateObject = [
            "title": .text(frontMatter.title),
            "body_html": .bytes(documents[story, language.code]?.html ?? []),
            "date_iso": .text(frontMatter.date.rfc3339),
            "date_text": .text(context.dayText(frontMatter.date, in: language.code)),
            "tags": .list(frontMatter.tags.compactMap { reference -> TemplateObject? in
                guard let tag = site.data.tag(reference.text) else { return nil }
                return ["name": .text(tag.name[language.code] ?? tag.id), "href": .text(route.link(to: .tag(tag.id, in: language.code)))]
            }),
            "has_tags": .flag(!frontMatter.tags.isEmpty),
        ]
        if let summary = frontMatter.summary, !summary.isEmpty { article["summary"] = .text(summary) }
        if let author = frontMatter.author { article["author"] = .text(author) }
        let updated = frontMatter.lastModified
        if updated != frontMatter.date {
            article["updated"] = ["iso": .text(updated.rfc3339), "text": .text(strings?.format(updated) ?? updated.iso)]
        }
        article["corrections"] = .list(frontMatter.corrections.map { correction -> TemplateObject in
            ["date_iso": .text(correction.date.rfc3339), "date_text": .text(strings?.format(correction.date) ?? correction.date.iso),
             "text": .text(correction.text)]
        })
        article["has_corrections"] = .flag(!frontMatter.corrections.isEmpty)
        if let image = frontMatter.image {
            article["image"] = [
                "src": .text(MarkdownStage.localFileName(image.text) ?? image.text), "alt": .text(frontMatter.imageAlt ?? ""),
            ]
        }
        if story.kind == .article {
            let figures = FigureViews(site: site, language: language, route: route)
            let corridors = frontMatter.corridors.compactMap { site.data.corridor($0.text) }.enumerated().map { index, corridor -> TemplateObject in
                [
                    "name": .text(corridor.name[language.code] ?? ""),
                    "href": .text(route.link(to: .corridor(corridor.id, in: language.code))),
                    "first": .flag(index == 0),
                ]
            }
            if PagePlan.bilingualPartner(of: story, in: language, site: site) != nil {
                article["bilingual_href"] = .text(route.link(to: .bilingual(story.slug, in: language.code)))
            }
            article["corridors"] = .list(corridors)
            article["has_corridors"] = .flag(!corridors.isEmpty)
            let reported = site.data.figures.filter { $0.source.text == story.slug }.map(figures.figure)
            article["figures"] = .list(reported)
            article["has_figures"] = .flag(!reported.isEmpty)
        }
        if let rendered = documents[story, language.code], let strings {
            let minutes = TextLength.readingMinutes(han: rendered.hanCount, words: rendered.wordCount)
            article["reading_time"] = .text(strings.format("reading_time", ["n": String(minutes)]))
        }
        if story.kind == .article {
            values["og_type"] = "article"
            values["json_ld"] = .text(StructuredData.newsArticle(document, language: language, route: route, site: site))
            if let image = frontMatter.image, let url = route.absoluteURL(in: site.config) {
                values["og_image"] = .text(url + (MarkdownStage.localFileName(image.text) ?? image.text))
            }
        }
        values["article"] = .object(article)
        values["draft"] = .flag(frontMatter.draft)
        values["scheduled"] = site.shownEarly[document.path].map { .text($0) } ?? .flag(false)
        values["translation_behind"] = translationNote(document, story: story, route: route).map { .object($0) } ?? .flag(false)
        return values
    }

    /// "The original (English) was updated on 3 May 2024, after this translation. Read it",
    /// on a language file that fell behind the one it translates.
    private func translationNote(_ document: SourceDocument, story: Story, route: Route) -> TemplateObject? {
        guard let lag = site.translationLags[document.path], story.translations[lag.newer.language] != nil,
              let newer = site.config.language(code: lag.newer.language), let strings = site.strings[document.language] else { return nil }
        let date = ContentDate.day(at: Double(lag.newerChanged), in: site.config.timeZone)
        return [
            "text": .text(strings.format("translation_behind", ["language": newer.name, "date": date.map(strings.format) ?? ""])),
            "link": .text(strings["translation_behind_link"]),
            "href": .text(route.link(to: .story(story, in: newer.code))),
            "lang": .text(newer.htmlLang),
        ]
    }

    private func landing() -> TemplateObject {
        let route = Route.landing
        let language = site.config.defaultLanguage
        var values = context.base(
            route: route, language: language,
            title: site.config.languages.compactMap { site.config.title[$0.code] }.joined(separator: " · "),
            description: site.config.description[language.code] ?? "", translations: [:], isHome: true)
        // The landing is the `x-default` of the language homes: it lists them, and itself.
        var alternates = site.config.languages.map { other -> TemplateObject in
            [
                "hreflang": .text(other.htmlLang),
                "href": .text(Route.home(other.code).absoluteURL(in: site.config) ?? route.link(to: .home(other.code))),
            ]
        }
        alternates.append(["hreflang": "x-default", "href": .text(route.absoluteURL(in: site.config) ?? route.link(to: .landing))])
        values["alternates"] = .list(site.config.languages.count > 1 ? alternates : [])
        values["languages"] = .list(site.config.languages.map { other -> TemplateObject in
            let strings = site.strings[other.code]
            let latest = site.articles(in: other.code).prefix(Self.landingCount).map {
                context.listItem($0, language: other.code, from: route, summary: "")
            }
            return [
                "name": .text(other.name), "html_lang": .text(other.htmlLang), "code": .text(other.code),
                "locale": other.code == language.code ? false : .text(other.locale),
                "href": .text(route.link(to: .home(other.code))),
                "site_title": .text(site.config.title[other.code] ?? ""),
                "site_description": .text(site.config.description[other.code] ?? ""),
                "latest_label": .text(strings?["latest"] ?? ""), "enter_label": .text(strings?["enter"] ?? ""),
                "stats_label": .text(strings?["nav_stats"] ?? ""), "stats_href": .text(route.link(to: .stats(other.code))),
                "latest": .list(latest),
            ]
        })
        return values
    }

    private func notFound() -> TemplateObject {
        let language = site.config.defaultLanguage
        var values = context.base(
            route: .notFound, language: language, title: site.strings[language.code]?["not_found_title"] ?? "",
            description: site.config.description[language.code] ?? "", translations: [:], absoluteLinks: true)
        values.removeValue(forKey: "canonical")
        values["languages"] = .list(site.config.languages.map { other -> TemplateObject in
            let strings = site.strings[other.code]
            return [
                "html_lang": .text(other.htmlLang),
                "href": .text(Route.home(other.code).absoluteURL(in: site.config) ?? Route.notFound.link(to: .home(other.code))),
                "title": .text(strings?["not_found_title"] ?? ""), "text": .text(strings?["not_found_text"] ?? ""),
                "home_label": .text(strings?["not_found_home"] ?? ""),
            ]
        })
        return values
    }
}

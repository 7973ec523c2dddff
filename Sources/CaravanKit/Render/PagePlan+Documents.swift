extension PagePlan {
    /// The documents whose Markdown this page shows (a body, a summary cut from it, a
    /// reading time). Everything else a page shows comes from front matter and site files,
    /// which `InputKeys.site` covers as a whole.
    func documents(in site: ResolvedSite) -> [(story: Story, language: String)] {
        shownStories(in: site).flatMap { group in
            group.stories.filter { !group.teasersOnly || $0.teaserIsCut(in: group.language) }.map { ($0, group.language) }
        }
    }

    /// Whether `documents(in:)` holds any of `documents` (slug and language), worked out
    /// without making the list: a rebuild after an edit asks it of every page, and a
    /// story's slug is compared before its teaser is looked at.
    func showsBody(ofAny documents: [(slug: String, language: String)], in site: ResolvedSite) -> Bool {
        // Story pages, most of a site, answer without a list of one story.
        switch self {
        case .story(let story, let language):
            return documents.contains { $0.slug == story.slug && $0.language == language.code }
        case .bilingual(let story, let language, let other):
            return documents.contains { $0.slug == story.slug && ($0.language == language.code || $0.language == other.code) }
        default:
            break
        }
        return shownStories(in: site).contains { group in
            group.stories.contains { story in
                documents.contains { $0.slug == story.slug && $0.language == group.language }
                    && (!group.teasersOnly || story.teaserIsCut(in: group.language))
            }
        }
    }

    /// The stories whose Markdown the page may show, by language; of a list, only those
    /// whose teaser is cut from the body count (`teasersOnly`).
    private func shownStories(in site: ResolvedSite) -> [(stories: [Story], language: String, teasersOnly: Bool)] {
        switch self {
        case .story(let story, let language):
            return [([story], language.code, false)]
        case .bilingual(let story, let language, let other):
            return [([story], language.code, false), ([story], other.code, false)]
        case .home(let language, let page, _):
            let lead = page == 1 ? FrontPage(site: site, language: language.code).lead.map { [$0] } ?? [] : []
            return [(Array(ArticleList.page(page, of: site.articles(in: language.code), size: site.config.pageSize)) + lead, language.code, true)]
        case .archive(let month, let language, let page, _):
            let articles = Archive(site: site, language: language.code).articles(in: month)
            return [(Array(ArticleList.page(page, of: articles, size: site.config.pageSize)), language.code, true)]
        case .tag(let tag, let language, let page, _):
            return [(Array(ArticleList.page(page, of: site.articles(in: language.code, tagged: tag.id), size: site.config.pageSize)),
                     language.code, true)]
        case .feed(let language):
            return [(AtomFeed.articles(in: language.code, site: site), language.code, false)]
        case .landing, .notFound, .tags, .search, .stats, .corridors, .corridor, .sitemap, .robots:
            return []
        }
    }
}

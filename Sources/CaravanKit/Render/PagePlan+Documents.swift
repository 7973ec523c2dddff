extension PagePlan {
    /// The documents whose Markdown this page shows (a body, a summary cut from it, a
    /// reading time). Everything else a page shows comes from front matter and site files,
    /// which `InputKeys.site` covers as a whole.
    func documents(in site: ResolvedSite) -> [(story: Story, language: String)] {
        switch self {
        case .story(let story, let language):
            return [(story, language.code)]
        case .bilingual(let story, let language, let other):
            return [(story, language.code), (story, other.code)]
        case .home(let language, let page, _):
            let lead = page == 1 ? FrontPage(site: site, language: language.code).lead.map { [$0] } ?? [] : []
            return teasers(of: ArticleList.page(page, of: site.articles(in: language.code), size: site.config.pageSize) + lead, in: language)
        case .archive(let month, let language, let page, _):
            return teasers(of: ArticleList.page(page, of: Archive(site: site, language: language.code).articles(in: month), size: site.config.pageSize),
                           in: language)
        case .tag(let tag, let language, let page, _):
            return teasers(of: ArticleList.page(page, of: site.articles(in: language.code, tagged: tag.id), size: site.config.pageSize),
                           in: language)
        case .feed(let language):
            return AtomFeed.articles(in: language.code, site: site).map { ($0, language.code) }
        case .landing, .notFound, .tags, .search, .stats, .corridors, .corridor, .sitemap, .robots:
            return []
        }
    }

    /// The documents a list shows of `stories`: those whose teaser is cut from the body.
    private func teasers(of stories: some Sequence<Story>, in language: Language) -> [(story: Story, language: String)] {
        stories.filter { $0.teaserIsCut(in: language.code) }.map { ($0, language.code) }
    }
}

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
            let lead = page == 1 ? FrontPage(site: site, language: language.code).lead.map { [($0, language.code)] } ?? [] : []
            return ArticleList.page(page, of: site.articles(in: language.code), size: site.config.pageSize)
                .map { ($0, language.code) } + lead
        case .archive(let month, let language, let page, _):
            return ArticleList.page(page, of: Archive(site: site, language: language.code).articles(in: month), size: site.config.pageSize)
                .map { ($0, language.code) }
        case .tag(let tag, let language, let page, _):
            return ArticleList.page(page, of: site.articles(in: language.code, tagged: tag.id), size: site.config.pageSize)
                .map { ($0, language.code) }
        case .feed(let language):
            return AtomFeed.articles(in: language.code, site: site).map { ($0, language.code) }
        case .landing, .notFound, .tags, .search, .stats, .corridors, .corridor, .sitemap, .robots:
            return []
        }
    }
}

extension SearchIndex {
    /// Where a language's index files go, under its search page.
    static func folder(_ language: String) -> String { Route.search(language).path + "data/" }

    /// The index of every published article (newest first) and page of `language`, made
    /// from the sources, so a build that renders one article's Markdown indexes the same
    /// text as a clean build.
    init(site: ResolvedSite, language: String) {
        let route = Route.search(language)
        let strings = site.strings[language]
        let stories = site.articles(in: language) + site.pages.filter { $0.translations[language] != nil }
        documents = stories.concurrentMap { story in
            let document = story.translations[language]!
            let frontMatter = document.frontMatter
            let body = SearchText.plain(document.body)
            let names = frontMatter.tags.compactMap { site.data.tag($0.text)?.name[language] }
                + frontMatter.corridors.compactMap { site.data.corridor($0.text)?.name[language] }
            let summary = frontMatter.summary.flatMap { $0.isEmpty ? nil : $0 } ?? Summary.cut(SearchText.firstParagraph(document.body), strings: strings)
            return Document(
                title: frontMatter.title, link: route.link(to: .story(story, in: language)),
                dateISO: frontMatter.date.rfc3339, dateText: strings?.format(frontMatter.date) ?? frontMatter.date.iso,
                excerpt: summary, text: names.joined(separator: "\n") + "\n" + body)
        }
    }
}

extension SearchIndex {
    /// Where a language's index files go, under its search page.
    static func folder(_ language: String) -> String { Route.search(language).path + "data/" }

    /// The stories of `language` the index holds, in document id order: every published
    /// article (newest first), then the pages.
    static func stories(of site: ResolvedSite, in language: String) -> [Story] {
        site.articles(in: language) + site.pages.filter { $0.translations[language] != nil }
    }

    /// The index of `stories` (`stories(of:in:)`) with their keys, made from the sources,
    /// so a build that renders one article's Markdown indexes the same text as a clean build.
    /// Each document is cut into terms as it is made and its text let go: a language's
    /// whole text is never held at once.
    init(stories: [Story], keys: [UInt64], in language: String, site: ResolvedSite) {
        (documents, terms) = DocumentTerms.cutting(stories.count) { Document(story: stories[$0], in: language, site: site) }
        self.keys = keys
    }
}

extension SearchIndex.Document {
    init(story: Story, in language: String, site: ResolvedSite) {
        let strings = site.strings[language]
        let document = story.translations[language]!
        let frontMatter = document.frontMatter
        let markdown = document.body
        let names = frontMatter.tags.compactMap { site.data.tag($0.text)?.name[language] }
            + frontMatter.corridors.compactMap { site.data.corridor($0.text)?.name[language] }
        let summary = frontMatter.summary.flatMap { $0.isEmpty ? nil : $0 } ?? Summary.cut(SearchText.firstParagraph(markdown), strings: strings)
        self.init(
            title: frontMatter.title, link: Route.search(language).link(to: .story(story, in: language)),
            dateISO: frontMatter.date.rfc3339, dateText: strings?.format(frontMatter.date) ?? frontMatter.date.iso,
            excerpt: summary, names: names.joined(separator: "\n"), body: markdown)
    }
}

/// One article or page with all of its translations: the unit the site is made of.
struct Story: Sendable {
    var kind: SourceDocument.Kind
    var slug: String
    /// By language code; holds only the languages that exist (and are published).
    var translations: [String: SourceDocument]

    /// The newest date among the translations, so a story sorts the same in every language.
    var date: ContentDate {
        translations.values.map(\.frontMatter.date).max()!
    }
}

/// The site after resolving: translations grouped, drafts dropped, references checked.
struct ResolvedSite: Sendable {
    var config: SiteConfig
    var strings: [String: UIStrings]
    /// Newest first; ties broken by slug so the order never depends on the file system.
    var articles: [Story]
    var pages: [Story]
    var data: CorridorData
    var assets: [SourceAsset]
    var templates: [TemplateSource]
    var publicFiles: [(path: String, bytes: [UInt8])]

    /// The articles that exist in `language`, newest first.
    func articles(in language: String) -> [Story] {
        articles.filter { $0.translations[language] != nil }
    }

    /// The articles in `language` whose front matter there names the tag, newest first.
    func articles(in language: String, tagged tag: String) -> [Story] {
        articles.filter { $0.translations[language]?.frontMatter.tags.contains { $0.text == tag } == true }
    }
}

/// One article or page with all of its translations: the unit the site is made of.
struct Story: Sendable {
    var kind: SourceDocument.Kind
    var slug: String
    /// By language code; holds only the languages that exist (and are published).
    var translations: [String: SourceDocument]

    /// The newest date among the translations, so a story sorts the same in every language.
    var date: ContentDate

    init(kind: SourceDocument.Kind, slug: String, translations: [String: SourceDocument]) {
        self.kind = kind
        self.slug = slug
        self.translations = translations
        self.date = translations.values.map(\.frontMatter.date).max() ?? ContentDate.parse("1970-01-01")!
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

    /// Articles by language, and by language then tag, newest first: lists, tags, feeds
    /// and the sitemap ask for these for every page, so they are worked out once.
    private var byLanguage: [String: [Story]] = [:]
    private var byLanguageAndTag: [String: [String: [Story]]] = [:]
    /// Positions in `articles` by slug: figures name the article that reported them.
    private var articleIndex: [String: Int] = [:]
    /// The newest article's date (the site's last change), if there are articles.
    private(set) var newestDate: ContentDate?

    init(config: SiteConfig, strings: [String: UIStrings], articles: [Story], pages: [Story], data: CorridorData,
         assets: [SourceAsset], templates: [TemplateSource], publicFiles: [(path: String, bytes: [UInt8])]) {
        self.config = config
        self.strings = strings
        self.articles = articles
        self.pages = pages
        self.data = data
        self.assets = assets
        self.templates = templates
        self.publicFiles = publicFiles
        for (index, story) in articles.enumerated() {
            articleIndex[story.slug] = index
            for (language, document) in story.translations {
                byLanguage[language, default: []].append(story)
                for tag in Set(document.frontMatter.tags.map(\.text)) {
                    byLanguageAndTag[language, default: [:]][tag, default: []].append(story)
                }
            }
        }
        newestDate = articles.first?.date
    }

    /// The article published from `Content/articles/<slug>/`, if there is one.
    func article(_ slug: String) -> Story? {
        articleIndex[slug].map { articles[$0] }
    }

    /// The articles that exist in `language`, newest first.
    func articles(in language: String) -> [Story] {
        byLanguage[language] ?? []
    }

    /// The articles in `language` whose front matter there names the tag, newest first.
    func articles(in language: String, tagged tag: String) -> [Story] {
        byLanguageAndTag[language]?[tag] ?? []
    }
}

/// One article or page with all of its translations: the unit the site is made of.
///
/// An immutable value in one shared box, like `SourceDocument`: stories are copied into
/// every list, index and page plan, and a copy is then one reference count.
struct Story: Sendable {
    private final class Storage: Sendable {
        let kind: SourceDocument.Kind
        let slug: String
        let translations: [String: SourceDocument]
        let date: ContentDate

        init(kind: SourceDocument.Kind, slug: String, translations: [String: SourceDocument]) {
            self.kind = kind
            self.slug = slug
            self.translations = translations
            date = translations.values.map(\.frontMatter.date).max() ?? ContentDate.parse("1970-01-01")!
        }
    }

    private let storage: Storage

    init(kind: SourceDocument.Kind, slug: String, translations: [String: SourceDocument]) {
        storage = Storage(kind: kind, slug: slug, translations: translations)
    }

    var kind: SourceDocument.Kind { storage.kind }
    var slug: String { storage.slug }
    /// By language code; holds only the languages that exist (and are published).
    var translations: [String: SourceDocument] { storage.translations }
    /// The newest date among the translations, so a story sorts the same in every language.
    var date: ContentDate { storage.date }
}

/// The site after resolving: translations grouped, drafts dropped, references checked.
struct ResolvedSite: Sendable {
    var config: SiteConfig
    var strings: [String: UIStrings]
    /// Newest first; ties broken by slug so the order never depends on the file system.
    var articles: [Story]
    var pages: [Story]
    var data: CorridorData
    var assets: [SourceAsset] { didSet { (folderFiles, folderFilesKey) = Self.folderFiles(assets) } }
    var templates: [TemplateSource]
    var publicFiles: [(path: String, bytes: [UInt8])]
    /// What the clock will change, soonest first: stories to go live, stories to expire.
    var upcoming: [ScheduledChange] = []
    /// Story files published before their date (`--future`), by path, with that date.
    var shownEarly: [String: String] = [:]
    /// Language files that fell behind their translation, by path.
    var translationLags: [String: TranslationLag] = [:]

    /// Articles by language, and by language then tag, newest first: lists, tags, feeds
    /// and the sitemap ask for these for every page, so they are worked out once.
    private var byLanguage: [String: [Story]] = [:]
    private var byLanguageAndTag: [String: [String: [Story]]] = [:]
    private var byLanguageAndCorridor: [String: [String: [Story]]] = [:]
    /// Articles by language then month of their date, and each language's months newest
    /// first: every archive page asks.
    private var byLanguageAndMonth: [String: [Archive.Month: [Story]]] = [:]
    private var monthsByLanguage: [String: [Archive.Month]] = [:]
    /// Positions in `articles` by slug: figures name the article that reported them.
    private var articleIndex: [String: Int] = [:]
    /// The newest article's date (the site's last change), if there are articles.
    private(set) var newestDate: ContentDate?
    /// Every story a link written `@/articles/x` can lead to, with its languages: where such
    /// a link goes changes when a story or a translation comes or goes, so this is part of
    /// the key of every page showing a body with such links (`InputKeys`).
    private(set) var linkTargets: UInt64 = 0
    /// The names of the files beside each story (pictures, documents), by kind and slug:
    /// the pictures a story shows are checked against them (`MarkdownStage`), so they are
    /// part of its pages' keys too (`InputKeys`): a picture taken away is reported again.
    private var folderFiles: [SourceDocument.Kind: [String: Set<String>]] = [:]
    /// A key of every story's files at once.
    private(set) var folderFilesKey: UInt64 = 0

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
        articleIndex.reserveCapacity(articles.count)
        var languages: [String] = []
        for (index, story) in articles.enumerated() {
            articleIndex[story.slug] = index
            for language in story.translations.keys where !languages.contains(language) { languages.append(language) }
        }
        // Each language on a core of its own, into local lists: the indexes of ten thousand
        // documents, each looked up by language in nested dictionaries, took half of resolving.
        for (language, index) in zip(languages, languages.concurrentMap { Self.index(articles, in: $0) }) {
            byLanguage[language] = index.list
            // A language whose articles have no tag (or corridor) has no entry, as before.
            if !index.byTag.isEmpty { byLanguageAndTag[language] = index.byTag }
            if !index.byCorridor.isEmpty { byLanguageAndCorridor[language] = index.byCorridor }
            byLanguageAndMonth[language] = index.byMonth
            monthsByLanguage[language] = index.months
        }
        newestDate = articles.first?.date
        var targets = ContentHash()
        for story in articles + pages {
            targets.add(story.kind.folder + "/" + story.slug)
            for language in config.languages where story.translations[language.code] != nil { targets.add(language.code) }
        }
        linkTargets = targets.value
        (folderFiles, folderFilesKey) = Self.folderFiles(assets)
    }

    /// One language's articles, newest first, and grouped by tag, corridor and month.
    private struct LanguageIndex: Sendable {
        var list: [Story] = []
        var byTag: [String: [Story]] = [:]
        var byCorridor: [String: [Story]] = [:]
        var byMonth: [Archive.Month: [Story]] = [:]
        var months: [Archive.Month] = []
    }

    private static func index(_ articles: [Story], in language: String) -> LanguageIndex {
        var index = LanguageIndex()
        for story in articles {
            guard let document = story.translations[language] else { continue }
            index.list.append(story)
            let frontMatter = document.frontMatter
            for tag in distinct(frontMatter.tags) { index.byTag[tag, default: []].append(story) }
            for corridor in distinct(frontMatter.corridors) { index.byCorridor[corridor, default: []].append(story) }
            let month = Archive.Month(frontMatter.date)
            if index.byMonth[month] == nil { index.months.append(month) }
            index.byMonth[month, default: []].append(story)
        }
        return index
    }

    /// The names of the files beside `story`, inside its folder (`img/map.png`).
    func files(beside story: Story) -> Set<String> {
        folderFiles[story.kind]?[story.slug] ?? []
    }

    private static func folderFiles(_ assets: [SourceAsset]) -> ([SourceDocument.Kind: [String: Set<String>]], UInt64) {
        var names: [SourceDocument.Kind: [String: Set<String>]] = [:]
        for asset in assets { names[asset.kind, default: [:]][asset.slug, default: []].insert(asset.name) }
        var key = ContentHash()
        for path in assets.map({ "\($0.kind.folder)/\($0.slug)/\($0.name)" }).sorted() { key.add(path) }
        return (names, key.value)
    }

    /// The names `references` give, each once: compared in a loop for the one to three a
    /// story names, in a set for a long list.
    private static func distinct(_ references: [FrontMatter.Reference]) -> [String] {
        guard references.count > 8 else {
            var names: [String] = []
            for reference in references where !names.contains(reference.text) { names.append(reference.text) }
            return names
        }
        return Array(Set(references.map(\.text)))
    }

    /// This site brought up to date with `loaded`, whose front matter, settings and data
    /// are those this site was resolved from (`Resolver.key`): the documents read again
    /// (`LoadedSite.documentsReadAgain`) whose bodies differ are put in their stories'
    /// places, and the files resolving does not look at (templates, `Public/`, pictures)
    /// taken as loaded. The lists and indexes, sorted and grouped by front matter, stay as
    /// they are.
    /// Also returns the documents whose bodies changed (`RenderedDocuments.key`).
    func updated(from loaded: LoadedSite) -> (ResolvedSite, changedBodies: [String]) {
        var site = self
        var changed: [String] = []
        site.templates = loaded.templates
        site.publicFiles = loaded.publicFiles
        site.assets = loaded.assets
        for document in loaded.documentsReadAgain {
            let index: Int?
            let stories: [Story]
            // From the site being updated: a story's languages may change one after the other.
            switch document.kind {
            case .article:
                index = site.articleIndex[document.slug]
                stories = site.articles
            case .page:
                index = site.pages.firstIndex { $0.slug == document.slug }
                stories = site.pages
            }
            guard let index, let old = stories[index].translations[document.language], old.bodyHash != document.bodyHash else { continue }
            var translations = stories[index].translations
            translations[document.language] = document
            site.replace(Story(kind: document.kind, slug: document.slug, translations: translations), at: index)
            changed.append(RenderedDocuments.key(document))
        }
        return (site, changed)
    }

    /// Puts `story` where the story of its slug is, in the lists and every index.
    private mutating func replace(_ story: Story, at index: Int) {
        func swap(_ list: inout [Story]) {
            if let position = list.firstIndex(where: { $0.slug == story.slug }) { list[position] = story }
        }
        guard story.kind == .article else {
            pages[index] = story
            return
        }
        articles[index] = story
        for (language, document) in story.translations {
            swap(&byLanguage[language, default: []])
            for tag in Set(document.frontMatter.tags.map(\.text)) { swap(&byLanguageAndTag[language, default: [:]][tag, default: []]) }
            for corridor in Set(document.frontMatter.corridors.map(\.text)) {
                swap(&byLanguageAndCorridor[language, default: [:]][corridor, default: []])
            }
            swap(&byLanguageAndMonth[language, default: [:]][Archive.Month(document.frontMatter.date), default: []])
        }
    }

    /// The article published from `Content/articles/<slug>/`, if there is one.
    func article(_ slug: String) -> Story? {
        articleIndex[slug].map { articles[$0] }
    }

    /// The article or page published from `Content/<kind folder>/<slug>/`, if there is one.
    func story(_ kind: SourceDocument.Kind, _ slug: String) -> Story? {
        kind == .article ? article(slug) : pages.first { $0.slug == slug }
    }

    /// The articles that exist in `language`, newest first.
    func articles(in language: String) -> [Story] {
        byLanguage[language] ?? []
    }

    /// The articles in `language` whose front matter there names the tag, newest first.
    func articles(in language: String, tagged tag: String) -> [Story] {
        byLanguageAndTag[language]?[tag] ?? []
    }

    /// The articles in `language` whose front matter there names the corridor, newest first.
    func articles(in language: String, about corridor: String) -> [Story] {
        byLanguageAndCorridor[language]?[corridor] ?? []
    }

    /// The articles in `language` dated in `month` there, newest first.
    func articles(in language: String, of month: Archive.Month) -> [Story] {
        byLanguageAndMonth[language]?[month] ?? []
    }

    /// The months with articles in `language`, newest first.
    func months(in language: String) -> [Archive.Month] {
        monthsByLanguage[language] ?? []
    }
}

extension ResolvedSite {
    /// Whether `Public/` holds a file at `path` (relative to `Public/`).
    func hasPublicFile(_ path: String) -> Bool {
        publicFiles.contains { $0.path == path }
    }
}

/// One language's Atom feed (RFC 4287): the newest articles with their full text.
struct AtomFeed {
    static let entryCount = 20

    let site: ResolvedSite
    let documents: RenderedDocuments

    /// The articles a feed carries, with their full text.
    static func articles(in language: String, site: ResolvedSite) -> [Story] {
        Array(site.articles(in: language).prefix(entryCount))
    }

    /// nil when the site has no `baseURL`: Atom ids and links must be absolute.
    func xml(for language: Language) -> String? {
        let config = site.config
        guard let home = Route.home(language.code).absoluteURL(in: config),
              let selfURL = Route.feed(language.code).absoluteURL(in: config) else { return nil }
        let articles = Self.articles(in: language.code, site: site)
        let title = config.title[language.code] ?? ""
        let newest = articles.map { modified($0.translations[language.code]!) }.max()
            ?? site.newestDate ?? ContentDate.parse("1970-01-01")!
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.htmlLang)">
            <id>\(e(home))</id>
            <title>\(e(title))</title>
            <subtitle>\(e(config.description[language.code] ?? ""))</subtitle>
            <updated>\(newest.rfc3339)</updated>
            <link rel="self" type="application/atom+xml" href="\(e(selfURL))"/>
            <link rel="alternate" type="text/html" hreflang="\(language.htmlLang)" href="\(e(home))"/>
            <author><name>\(e(title))</name></author>
            <generator>Caravan</generator>

            """
        for story in articles {
            let document = story.translations[language.code]!
            let url = Route.article(story.slug, in: language.code).absoluteURL(in: config)!
            let frontMatter = document.frontMatter
            // xml:base makes relative picture and link addresses in the content resolve
            // against the article's own address in every feed reader.
            xml += """
                <entry xml:base="\(e(url))">
                <id>\(e(url))</id>
                <title>\(e(frontMatter.title))</title>
                <published>\(frontMatter.date.rfc3339)</published>
                <updated>\(modified(document).rfc3339)</updated>
                <link rel="alternate" type="text/html" href="\(e(url))"/>
                <author><name>\(e(frontMatter.author ?? title))</name></author>
                <summary>\(e(documents.summary(story, language.code)))</summary>
                <content type="html">\(e(String(decoding: documents[story, language.code]?.html ?? [], as: UTF8.self)))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    private func modified(_ document: SourceDocument) -> ContentDate {
        document.frontMatter.lastModified
    }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}

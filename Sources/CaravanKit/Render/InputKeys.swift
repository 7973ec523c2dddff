/// What each page's bytes depend on, reduced to a number a later build can compare: a page
/// whose key equals the one stored with its file would come out byte for byte the same, so
/// it is not rendered again.
///
/// Every page depends on what the whole site shares (`shared`: site.yaml, UI strings,
/// data, the pages in the navigation, the options and the generator) and on its template
/// with the partials it uses. Beyond that, each kind names exactly the stories it shows,
/// and how: by front matter (a title in a list) or also by body (the article itself, a
/// teaser cut from it, a feed entry). So editing one article's text renders again its own
/// page, the feed, the lists that cut its teaser from it (it has no `summary`), and nothing
/// else. The oracle for all of this is `IncrementalRenderTests`: after every kind of edit,
/// the site equals a clean build.
struct InputKeys: Sendable {
    let shared: UInt64
    /// Each template with the partials and parent it uses, transitively, by name.
    let templates: [String: UInt64]
    /// The stylesheet, which the 404 page carries inline.
    let stylesheet: UInt64

    init(_ loaded: LoadedSite, options: BuildOptions) {
        var hash = ContentHash()
        hash.add("caravan-pages-2|\(options.fingerprint)|" + SourceFingerprint.generator)
        for path in loaded.yamlTexts.keys.sorted() {
            hash.add(path)
            hash.add(loaded.yamlTexts[path]!)
        }
        // Every page's navigation lists the pages (About…) by title.
        for document in loaded.documents where document.kind == .page {
            hash.add(document.headHash)
        }
        // Every page links the icon and the share picture when Public/ has them.
        for name in [PageContext.favicon, PageContext.sharePicture] {
            hash.add(loaded.publicFiles.contains { $0.path == name } ? name : "")
        }
        shared = hash.value
        templates = Self.templateKeys(loaded.templates)
        stylesheet = loaded.publicFiles.first { $0.path == "style.css" }.map { ContentHash.of($0.bytes) } ?? 0
    }

    /// What every page's key starts from: the shared inputs and the templates.
    var fingerprint: UInt64 {
        var hash = ContentHash()
        hash.add(shared)
        hash.add(stylesheet)
        for name in templates.keys.sorted() {
            hash.add(name)
            hash.add(templates[name]!)
        }
        return hash.value
    }

    /// `path` is where the page is written (`plan.route.outputPath`).
    func key(for plan: PagePlan, at path: String, in site: ResolvedSite) -> UInt64 {
        var hash = ContentHash()
        hash.add(shared)
        hash.add(path)
        if let template = plan.templateName { hash.add(templates[template] ?? 0) }
        let size = site.config.pageSize
        func add(head story: Story, _ language: String) {
            hash.add(story.slug)
            hash.add(story.translations[language]?.headHash ?? 0)
        }
        func add(headAndBody story: Story, _ language: String) {
            let document = story.translations[language]
            hash.add(story.slug)
            hash.add(document?.headHash ?? 0)
            hash.add(document?.bodyHash ?? 0)
            // Its story links lead where the other stories and their languages are.
            if document?.hasStoryLinks == true { hash.add(site.linkTargets) }
        }
        // A list item shows the story's front matter, and its body only when the teaser is
        // cut from it.
        func add(teaser story: Story, _ language: String) {
            if story.teaserIsCut(in: language) { add(headAndBody: story, language) } else { add(head: story, language) }
        }
        // The pictures a story shows must be beside it.
        func addFiles(beside story: Story) {
            for name in site.files(beside: story).sorted() { hash.add(name) }
        }
        // A list page shows how many pages its list has, and links the same page of the
        // list in each language that has that many articles (`PagePlan.translations`).
        func add(page: Int, of language: String, counts: (String) -> Int) {
            for other in site.config.languages {
                let count = counts(other.code)
                hash.add(UInt64(other.code == language ? (count + size - 1) / size : (page - 1) * size < count ? 1 : 0))
            }
        }
        switch plan {
        case .landing:
            for language in site.config.languages {
                for story in site.articles(in: language.code).prefix(PageViewModels.landingCount) { add(head: story, language.code) }
            }
        case .notFound:
            hash.add(stylesheet)
        case .home(let language, let page, _):
            // A language with no articles still has a home page 1.
            add(page: page, of: language.code) { max(1, site.articles(in: $0).count) }
            for story in ArticleList.page(page, of: site.articles(in: language.code), size: size) { add(teaser: story, language.code) }
            if page == 1 {
                // The front: its lead (with a summary), each corridor's latest reports.
                let front = FrontPage(site: site, language: language.code)
                let lead = front.lead
                if let lead { add(teaser: lead, language.code) }
                for story in front.stories(lead: lead) { add(head: story, language.code) }
                for month in Archive(site: site, language: language.code).months { hash.add(month.path) }
            }
        case .story(let story, let language):
            add(headAndBody: story, language.code)
            // Its notes: shown before its date (`--future`), behind its translation.
            if let path = story.translations[language.code]?.path {
                hash.add(site.shownEarly[path] ?? "")
                hash.add(site.translationLags[path]?.key ?? "")
            }
            // Which languages it has (in the site's order: no list to sort for each page).
            for other in site.config.languages where story.translations[other.code] != nil { hash.add(other.code) }
            // The link to the bilingual view depends on which language it pairs with.
            hash.add(PagePlan.bilingualPartner(of: story, in: language, site: site)?.code ?? "")
            addFiles(beside: story)
        case .bilingual(let story, let language, let other):
            add(headAndBody: story, language.code)
            add(headAndBody: story, other.code)
            addFiles(beside: story)
        case .tags(let language):
            for tag in site.data.tags { hash.add(UInt64(site.articles(in: language.code, tagged: tag.id).count)) }
        case .archive(let month, let language, let page, _):
            add(page: page, of: language.code) { Archive(site: site, language: $0).articles(in: month).count }
            for story in ArticleList.page(page, of: Archive(site: site, language: language.code).articles(in: month), size: size) {
                add(teaser: story, language.code)
            }
        case .tag(let tag, let language, let page, _):
            add(page: page, of: language.code) { site.articles(in: $0, tagged: tag.id).count }
            for story in ArticleList.page(page, of: site.articles(in: language.code, tagged: tag.id), size: size) {
                add(teaser: story, language.code)
            }
        case .stats:
            addFigureSources(to: &hash, site: site)
        case .corridors(let language):
            // Each corridor's number of reports and its latest.
            for corridor in site.data.corridors {
                let articles = site.articles(in: language.code, about: corridor.id)
                hash.add(UInt64(articles.count))
                if let latest = articles.first { add(head: latest, language.code) }
            }
        case .corridor(let corridor, let language):
            addFigureSources(to: &hash, site: site)
            for story in site.articles(in: language.code, about: corridor.id) { add(head: story, language.code) }
        case .feed(let language):
            let articles = AtomFeed.articles(in: language.code, site: site)
            // An empty feed is dated by the site's newest article, in any language.
            if articles.isEmpty { hash.add(site.newestDate?.rfc3339 ?? "") }
            for story in articles { add(headAndBody: story, language.code) }
        case .sitemap:
            // Every page's address, date and translations: every story's front matter.
            for story in site.articles + site.pages {
                hash.add(story.slug)
                for code in story.translations.keys.sorted() { add(head: story, code) }
            }
        case .robots, .search:
            break
        }
        return hash.value
    }

    /// Figures name the article that reported them, by its title in any language.
    private func addFigureSources(to hash: inout ContentHash, site: ResolvedSite) {
        for figure in site.data.figures {
            guard let story = site.article(figure.source.text) else { continue }
            hash.add(story.slug)
            for code in story.translations.keys.sorted() { hash.add(story.translations[code]!.headHash) }
        }
    }

    /// A template's key covers its own text and that of every partial and parent it names
    /// (`{{> name}}`, `{{< name}}`), transitively.
    private static func templateKeys(_ templates: [TemplateSource]) -> [String: UInt64] {
        let byName = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func uses(_ template: TemplateSource) -> Set<String> {
            var names: Set<String> = []
            var rest = template.text[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                let inside = rest.drop { $0 == " " }
                guard let sigil = inside.first, sigil == ">" || sigil == "<" else { continue }
                let name = inside.dropFirst().drop { $0 == " " }.prefix { $0 != "}" && $0 != " " }
                names.insert(String(name))
            }
            return names
        }
        var keys: [String: UInt64] = [:]
        for template in templates {
            var seen: Set<String> = []
            var pending = [template.name]
            var hash = ContentHash()
            while let name = pending.popLast() {
                guard seen.insert(name).inserted else { continue }
                hash.add(name)
                guard let source = byName[name] else { continue }
                hash.add(source.text)
                pending += uses(source).sorted()
            }
            keys[template.name] = hash.value
        }
        return keys
    }
}

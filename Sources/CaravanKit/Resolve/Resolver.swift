import Foundation

/// Groups translations into stories, drops drafts and what the clock holds back or took
/// down, and reports stories missing a language.
struct Resolver {
    var includeDrafts: Bool
    var includeSearch = true
    /// Publish stories dated later than `now` too (`--future`, a preview).
    var includeFuture = false
    /// Seconds since 1970 of the build: scheduled stories and `expires` are read against it.
    var now = Date().timeIntervalSince1970
    /// Language files that fell behind their translation (`TranslationStatus`).
    var translationLags: [TranslationLag] = []

    /// A fingerprint of everything resolving reads: each document's path and front matter,
    /// the files that could not be read, the settings and data, and whether drafts are in.
    /// The same key gives the same stories in the same order, whatever the bodies say.
    func key(_ site: LoadedSite) -> UInt64 {
        var hash = ContentHash()
        hash.add(includeDrafts ? 1 : 0)
        hash.add(includeSearch ? 1 : 0)
        hash.add(includeFuture ? 1 : 0)
        for lag in translationLags { hash.add(lag.key) }
        // A story that goes live or expires changes the site with no file changing.
        let schedule = PublicationSchedule(now: now, timeZone: site.config.timeZone)
        for document in site.documents {
            hash.add(document.headHash)
            switch schedule.status(of: document.frontMatter) {
            case .live: hash.add(0)
            case .scheduled: hash.add(1)
            case .expired: hash.add(2)
            }
        }
        for path in site.unreadableDocuments.sorted() { hash.add(path) }
        for path in site.yamlTexts.keys.sorted() {
            hash.add(path)
            hash.add(site.yamlTexts[path]!)
        }
        return hash.value
    }

    func resolve(_ site: LoadedSite) -> (ResolvedSite, [Diagnostic]) {
        // The ids are checked on another core while the stories are grouped and indexed.
        let references = BackgroundValue { ReferenceCheck(site: site).run() }
        var diagnostics: [Diagnostic] = []
        let languages = site.config.languages.map(\.code)
        struct StoryID: Hashable {
            var kind: SourceDocument.Kind
            var slug: String
        }
        var grouped: [StoryID: [String: SourceDocument]] = [:]
        grouped.reserveCapacity(site.documents.count)
        let schedule = PublicationSchedule(now: now, timeZone: site.config.timeZone)
        var upcoming: [ScheduledChange] = []
        var shownEarly: [String: String] = [:]
        for document in site.documents where includeDrafts || !document.frontMatter.draft {
            let status = schedule.status(of: document.frontMatter)
            if let change = schedule.nextChange(of: document.frontMatter) {
                upcoming.append(ScheduledChange(kind: change, path: document.path, when: schedule.format(change.moment)))
            }
            switch status {
            case .live: break
            case .scheduled(let moment) where includeFuture: shownEarly[document.path] = schedule.format(moment)
            case .scheduled, .expired: continue
            }
            grouped[StoryID(kind: document.kind, slug: document.slug), default: [:]][document.language] = document
        }
        // A missing language is worth a warning, not a failure: the story is published in
        // the languages it has, and no page links to the translation that does not exist.
        let all = grouped.values.map { translations in
            let any = translations.values.first!
            return Story(kind: any.kind, slug: any.slug, translations: translations)
        }
        let incomplete = all.filter { $0.translations.count < languages.count }
        for story in incomplete.sorted(by: { ($0.kind.folder, $0.slug) < ($1.kind.folder, $1.slug) }) {
            let folder = "Content/\(story.kind.folder)/\(story.slug)"
            // A file that exists but did not parse has its own error; it is not missing.
            let missing = languages.filter { story.translations[$0] == nil && !site.unreadableDocuments.contains("\(folder)/\($0).md") }
            guard !missing.isEmpty else { continue }
            let siblings = site.documents.filter { $0.kind == story.kind && $0.slug == story.slug }
            let drafts = siblings.filter(\.frontMatter.draft).map(\.language)
            func why(_ language: String) -> String {
                if drafts.contains(language) { return "is a draft" }
                guard let file = siblings.first(where: { $0.language == language }) else { return "is missing" }
                switch schedule.status(of: file.frontMatter) {
                case .scheduled(let moment): return "is scheduled for \(schedule.format(moment))"
                case .expired(let moment): return "expired at \(schedule.format(moment))"
                case .live: return "is missing"
                }
            }
            for language in missing {
                let why = why(language)
                diagnostics.append(.warning(
                    folder, nil, "\(language).md \(why), so this \(story.kind.rawValue) is published in \(languages.filter { story.translations[$0] != nil }.joined(separator: ", ")) only",
                    hint: drafts.contains(language)
                        ? "remove `draft: true` from \(folder)/\(language).md when the translation is ready"
                        : why == "is missing" ? "add \(folder)/\(language).md with the same story in that language"
                        : "give both languages the same `date` and `expires` if they should go live and come down together"))
            }
        }
        let stories = all.sorted { a, b in
            a.date != b.date ? a.date > b.date : a.slug < b.slug
        }
        var config = site.config
        config.search = config.search && includeSearch
        var resolved = ResolvedSite(
            config: config, strings: site.strings,
            articles: stories.filter { $0.kind == .article },
            pages: stories.filter { $0.kind == .page }.sorted { $0.slug < $1.slug },
            data: site.data,
            assets: site.assets, templates: site.templates, publicFiles: site.publicFiles)
        resolved.upcoming = upcoming.sorted { ($0.moment, $0.path) < ($1.moment, $1.path) }
        resolved.shownEarly = shownEarly
        resolved.translationLags = Dictionary(translationLags.map { ($0.behind.path, $0) }, uniquingKeysWith: { first, _ in first })
        diagnostics += references.value
        return (resolved, diagnostics)
    }
}

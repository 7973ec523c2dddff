import Foundation

/// `caravan check`: builds the site in memory (nothing is written), reads the sources to
/// see drafts too, and reports each story's languages plus what a build lets through but
/// an editor should fix: articles without tags or corridors, figures citing a draft,
/// links leading nowhere. (Pictures without a description are build errors.)
public enum SiteCheck {
    public static func run(source: String) -> SiteCheckReport {
        let builder = SiteBuilder(options: BuildOptions(source: source))
        let build = builder.build()
        var loader = ContentLoader(root: source)
        guard let site = loader.load() else {
            return SiteCheckReport(languages: [], stories: [], buildDiagnostics: build.diagnostics, findings: [], linksChecked: false)
        }
        let languages = site.config.languages.map(\.code)
        let unreadable = Set(loader.diagnostics.filter(\.isError).map(\.file))
        let rendered = render(site)

        var findings = tagFindings(site)
        let dataText = loader.files.read(CorridorData.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        findings += figureFindings(site, dataText: dataText)
        findings += bilingualFindings(site, rendered: rendered)
        // The history the build read (one `git log` for the whole check), unless it stopped early.
        findings += TranslationFindings.findings(site, source: source, history: builder.gitHistory ?? GitHistory.read(source: source))
        if let output = build.output {
            findings += linkFindings(output, site: site, rendered: rendered)
            // Drafts are not in that build: build once more with them for their own links.
            if site.documents.contains(where: \.frontMatter.draft),
               let preview = SiteBuilder(options: BuildOptions(source: source, includeDrafts: true)).build().output {
                findings += linkFindings(preview, site: site, rendered: rendered, only: { $0?.frontMatter.draft == true })
            }
        }
        var report = SiteCheckReport(
            languages: languages, stories: rows(site, unreadable: unreadable), buildDiagnostics: build.diagnostics,
            findings: findings, linksChecked: build.output != nil)
        report.scheduled = build.output?.upcoming ?? []
        return report
    }

    // MARK: - Stories

    static func rows(_ site: LoadedSite, unreadable: Set<String>) -> [SiteCheckReport.StoryRow] {
        let languages = site.config.languages.map(\.code)
        var rows: [String: SiteCheckReport.StoryRow] = [:]
        func key(_ kind: SourceDocument.Kind, _ slug: String) -> String { "\(kind == .article ? 0 : 1) \(slug)" }
        func row(_ kind: SourceDocument.Kind, _ slug: String) -> SiteCheckReport.StoryRow {
            rows[key(kind, slug)] ?? SiteCheckReport.StoryRow(
                kind: kind, slug: slug, languages: Dictionary(uniqueKeysWithValues: languages.map { ($0, .missing) }),
                tagCounts: [:], corridorCounts: [:])
        }
        let schedule = PublicationSchedule(now: Date().timeIntervalSince1970, timeZone: site.config.timeZone)
        for document in site.documents {
            var entry = row(document.kind, document.slug)
            entry.languages[document.language] = switch (document.frontMatter.draft, schedule.status(of: document.frontMatter)) {
            case (true, _): .draft
            case (false, .live): .published
            case (false, .scheduled): .scheduled
            case (false, .expired): .expired
            }
            if document.kind == .article {
                entry.tagCounts[document.language] = Set(document.frontMatter.tags.map(\.text)).count
                entry.corridorCounts[document.language] = Set(document.frontMatter.corridors.map(\.text)).count
            }
            rows[key(document.kind, document.slug)] = entry
        }
        // A language file that exists but could not be read still belongs to its story.
        for path in unreadable {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 4, parts[0] == "Content", parts[3].hasSuffix(".md"),
                  let kind = SourceDocument.Kind(folder: parts[1]),
                  Slug.isValid(parts[2]), languages.contains(String(parts[3].dropLast(3))) else { continue }
            var entry = row(kind, parts[2])
            entry.languages[String(parts[3].dropLast(3))] = .invalid
            rows[key(kind, parts[2])] = entry
        }
        return rows.sorted { $0.key < $1.key }.map(\.value)
    }

    // MARK: - Findings

    static func tagFindings(_ site: LoadedSite) -> [SiteCheckReport.Finding] {
        var findings: [SiteCheckReport.Finding] = []
        let tagExample = site.data.tags.prefix(2).map(\.id).joined(separator: ", ")
        let corridorExample = site.data.corridors.first?.id ?? ""
        for document in site.documents where document.kind == .article {
            if !site.data.tags.isEmpty, document.frontMatter.tags.isEmpty {
                findings.append(.init(kind: .noTags, diagnostic: .warning(
                    document.path, nil, "the article has no tags, so no tag page lists it",
                    hint: "add a line `tags: [\(tagExample)]` to the front matter (the ids are in \(Tag.path))"), detail: ""))
            }
            if !site.data.corridors.isEmpty, document.frontMatter.corridors.isEmpty {
                findings.append(.init(kind: .noCorridors, diagnostic: .warning(
                    document.path, nil, "the article names no corridor, so no corridor page lists it",
                    hint: "add a line `corridors: [\(corridorExample)]` to the front matter (the ids are in \(CorridorData.path))"),
                    detail: ""))
            }
        }
        return findings
    }

    static func figureFindings(_ site: LoadedSite, dataText: String) -> [SiteCheckReport.Finding] {
        var findings: [SiteCheckReport.Finding] = []
        for figure in site.data.figures {
            let slug = figure.source.text
            let documents = site.documents.filter { $0.kind == .article && $0.slug == slug }
            let detail = "figure \(figure.id) → \(slug)"
            if documents.isEmpty {
                findings.append(.init(kind: .missingSource, diagnostic: withSource(.warning(
                    CorridorData.path, figure.source.location, "the source `\(slug)` of figure `\(figure.id)` is not an article",
                    hint: "name the folder of the article that reported the figure, or add Content/articles/\(slug)/"), dataText),
                    detail: detail))
            } else if documents.allSatisfy(\.frontMatter.draft) {
                let files = documents.map { "\($0.language).md" }.sorted().joined(separator: ", ")
                findings.append(.init(kind: .draftSource, diagnostic: withSource(.warning(
                    CorridorData.path, figure.source.location,
                    "figure `\(figure.id)` cites `\(slug)`, which is a draft, so readers cannot open the story behind the number",
                    hint: "publish the story (remove `draft: true` from \(files) in Content/articles/\(slug)/), or add the figure when it is published"),
                    dataText), detail: detail))
            }
        }
        return findings
    }

    /// Articles whose two languages do not line up block by block, so that their bilingual
    /// view falls back to pairing whole sections: where the structures part.
    static func bilingualFindings(_ site: LoadedSite, rendered: [String: RenderedMarkdown]) -> [SiteCheckReport.Finding] {
        let languages = site.config.languages.map(\.code)
        guard languages.count == 2 else { return [] }
        var findings: [SiteCheckReport.Finding] = []
        let articles = Dictionary(grouping: site.documents.filter { $0.kind == .article }, by: \.slug)
        for slug in articles.keys.sorted() {
            let documents = articles[slug]!
            guard let first = documents.first(where: { $0.language == languages[0] }),
                  let second = documents.first(where: { $0.language == languages[1] }),
                  let a = rendered[first.path], let b = rendered[second.path] else { continue }
            let alignment = BilingualAlignment(a.blockRanges, b.blockRanges)
            guard let divergence = alignment.divergences.first else { continue }
            let place = divergence.described(first: "\(languages[0]).md", second: "\(languages[1]).md")
            findings.append(.init(kind: .unalignedTranslation, diagnostic: .warning(
                "Content/articles/\(slug)", nil, "the translations do not line up block by block: \(place)",
                hint: "the bilingual view pairs whole sections instead; give both files the same headings, and the same "
                    + "paragraphs, lists and tables in each section, to pair them paragraph by paragraph"),
                detail: place))
        }
        return findings
    }

    /// Every document's Markdown (drafts included), by path, for pictures and link lines.
    static func render(_ site: LoadedSite) -> [String: RenderedMarkdown] {
        let renderer = MarkdownRenderer(allowsRawHTML: site.config.unsafeHTML)
        let rendered = site.documents.concurrentMap { document in
            renderer.render(document.body, firstLine: document.bodyFirstLine)
        }
        return Dictionary(zip(site.documents.map(\.path), rendered), uniquingKeysWith: { first, _ in first })
    }

    /// Broken links of the built pages whose source document passes `only`
    /// (nil for pages that come from no document: lists, tags, statistics).
    static func linkFindings(
        _ output: BuildOutput, site: LoadedSite, rendered: [String: RenderedMarkdown],
        only: (SourceDocument?) -> Bool = { _ in true }
    ) -> [SiteCheckReport.Finding] {
        let languages = site.config.languages.map(\.code)
        var findings: [SiteCheckReport.Finding] = []
        // A bilingual view shows the articles' own text, whose links their pages report.
        for broken in LinkCheck.brokenLinks(in: output) where !broken.page.hasSuffix("/bilingual/index.html") {
            let source = sourceDocument(of: broken.page, site: site, languages: languages)
            guard only(source) else { continue }
            guard let document = source else {
                findings.append(.init(kind: .brokenLink, diagnostic: .warning(
                    "Site/" + broken.page, nil, "the link `\(broken.link)` leads to no page or file of the site",
                    hint: "the link comes from a template in Templates/ or from site data; fix it there"),
                    detail: broken.link))
                continue
            }
            let markdown = rendered[document.path]
            let written = (markdown?.links ?? []) + (markdown?.images ?? [])
            let location = written.first { $0.url == broken.link }?.location
            var diagnostic = Diagnostic.warning(
                document.path, location, "the link `\(broken.link)` leads to no page or file of the site (on \(broken.page))",
                hint: "check the address; to link to another story write `@/articles/<slug>` (a page: `@/pages/<slug>`), "
                    + "and put files the story links to in its folder")
            if location != nil { diagnostic = withSource(diagnostic, document.text) }
            findings.append(.init(kind: .brokenLink, diagnostic: diagnostic, detail: broken.link))
        }
        return findings
    }

    /// The source file of a built story page: `en/articles/x/index.html` → `Content/articles/x/en.md`.
    static func sourceDocument(of page: String, site: LoadedSite, languages: [String]) -> SourceDocument? {
        let parts = page.split(separator: "/").map(String.init)
        guard parts.last == "index.html", let language = parts.first, languages.contains(language) else { return nil }
        let (kind, slug): (SourceDocument.Kind, String)
        switch parts.count {
        case 4 where parts[1] == "articles": (kind, slug) = (.article, parts[2])
        case 3: (kind, slug) = (.page, parts[1])
        default: return nil
        }
        return site.documents.first { $0.kind == kind && $0.slug == slug && $0.language == language }
    }
}

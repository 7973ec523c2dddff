import Synchronization

/// Renders the planned pages through their templates (and the feeds, sitemap and
/// robots.txt), on all cores, and gathers the site's files: those, story files (pictures)
/// beside their pages, and `Public/`. What the plan keeps (unchanged since the last
/// build) is listed, not rendered.
struct PageStage {
    let site: ResolvedSite
    let plan: RenderPlan
    let documents: RenderedDocuments
    let templates: TemplateSet
    var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Where pages go as they are rendered (`Site.build`'s `pageOutput`); nil keeps them.
    var pageOutput: (@Sendable (_ path: String, _ bytes: [UInt8], _ key: UInt64?) -> Void)?

    func run() -> (BuildOutput, [Diagnostic]) {
        // Feeds and the sitemap first: each is one long task (the sitemap lists every page),
        // and at the end of the list one core went on with it alone after the pages.
        let rendered = plan.pages.indices.filter { !plan.isKept[$0] }
        let plans = [rendered.filter { plan.pages[$0].templateName == nil }, rendered.filter { plan.pages[$0].templateName != nil }]
            .joined().map { (plan.pages[$0], plan.paths[$0], plan.keys[$0]) }
        let models = PageViewModels(site: site, documents: documents, pageCount: plans.count)
        let files = SiteFiles(site: site, documents: documents, plans: plan.pages)
        let inlineStyle = site.publicFiles.first(where: { $0.path == "style.css" }).map { String(decoding: $0.bytes, as: UTF8.self) }
        let counter = Mutex(0)
        let progress = self.progress
        let pageOutput = self.pageOutput
        let total = plans.count
        // A page handed to `pageOutput` comes back as nil: nothing of it stays in memory.
        let pages = plans.concurrentMap { plan, path, key -> Result<[UInt8]?, TemplateSet.UnknownTemplate> in
            if let progress {
                let done = counter.withLock { count in count += 1; return count }
                if done % 500 == 0 || done == total { progress("pages", done, total) }
            }
            return Result { () throws(TemplateSet.UnknownTemplate) in
                let bytes: [UInt8]
                if let file = files.contents(of: plan) {
                    bytes = Array(file.utf8)
                } else {
                    var (template, context) = models.model(for: plan)
                    // The 404 page is served at any address, where relative stylesheet links break.
                    if case .notFound = plan, let inlineStyle { context["inline_style"] = .text(inlineStyle) }
                    bytes = try templates.render(template, language: plan.languageCode, context)
                }
                guard let pageOutput else { return bytes }
                pageOutput(path, bytes, key)
                return nil
            }
        }
        var output = BuildOutput(pagesPerLanguage: plan.pagesPerLanguage)
        output.pages = plan.built
        var diagnostics: [Diagnostic] = []
        var missing: Set<String> = []
        for ((plan, path, _), page) in zip(plans, pages) {
            switch page {
            case .success(let bytes):
                if let bytes { output.files[path] = bytes }
                if plan.templateName != nil { output.renderedPageCount += 1 }
            case .failure(let error):
                missing.insert(error.name)
            }
        }
        for name in missing.sorted() {
            diagnostics.append(.error(
                "Templates/\(name).mustache", nil, "the template `\(name)` is missing",
                hint: "every site needs Templates/\(name).mustache; restore it from git"))
        }
        for asset in site.assets {
            let story = site.story(asset.kind, asset.slug)
            guard let story else { continue }
            for language in site.config.languages.map(\.code) where story.translations[language] != nil {
                output.files[Route.story(story, in: language).path + asset.name] = asset.bytes
            }
        }
        for file in site.publicFiles {
            output.files[file.path] = file.bytes
        }
        if site.config.baseURL == nil {
            diagnostics.append(.warning(
                "Content/site.yaml", nil, "no `baseURL`, so the Atom feeds and sitemap.xml are not built",
                hint: "feeds and sitemaps need absolute addresses; add `baseURL: https://your.domain/`"))
        }
        return (output, diagnostics)
    }
}

/// The files made from the site's content that are not pages: feeds, sitemap, robots.txt.
private struct SiteFiles {
    let site: ResolvedSite
    let documents: RenderedDocuments
    let plans: [PagePlan]

    /// The file's text; nil for a page (rendered through a template).
    func contents(of plan: PagePlan) -> String? {
        switch plan {
        case .feed(let language): AtomFeed(site: site, documents: documents).xml(for: language) ?? ""
        case .sitemap: Sitemap(site: site).xml(for: plans) ?? ""
        case .robots: Robots.text(site.config)
        default: nil
        }
    }
}

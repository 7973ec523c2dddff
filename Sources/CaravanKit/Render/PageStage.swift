import Synchronization

/// Renders the planned pages through their templates, on all cores, and gathers the
/// site's files: pages, story files (pictures) beside their pages, and `Public/`. Pages
/// the plan keeps (unchanged since the last build) are listed, not rendered.
struct PageStage {
    let site: ResolvedSite
    let plan: RenderPlan
    let documents: RenderedDocuments
    let templates: TemplateSet
    var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Where pages go as they are rendered (`BuildOptions.pageOutput`); nil keeps them.
    var pageOutput: (@Sendable (_ path: String, _ bytes: [UInt8], _ key: UInt64) -> Void)?

    func run() -> (BuildOutput, [Diagnostic]) {
        let plans = zip(plan.pages, zip(plan.keys, plan.isKept)).filter { !$0.1.1 }.map { ($0.0, $0.1.0) }
        let models = PageViewModels(site: site, documents: documents)
        let inlineStyle = site.publicFiles.first(where: { $0.path == "style.css" }).map { String(decoding: $0.bytes, as: UTF8.self) }
        let counter = Mutex(0)
        let progress = self.progress
        let pageOutput = self.pageOutput
        let total = plans.count
        // A page handed to `pageOutput` comes back as nil: nothing of it stays in memory.
        let pages = plans.concurrentMap { plan, key -> Result<[UInt8]?, TemplateSet.UnknownTemplate> in
            if let progress {
                let done = counter.withLock { count in count += 1; return count }
                if done % 500 == 0 || done == total { progress("pages", done, total) }
            }
            var (template, context) = models.model(for: plan)
            // The 404 page is served at any address, where relative stylesheet links break.
            if case .notFound = plan, let inlineStyle { context["inline_style"] = .text(inlineStyle) }
            return Result { () throws(TemplateSet.UnknownTemplate) in
                let bytes = Array(try templates.render(template, language: plan.languageCode, context).utf8)
                guard let pageOutput else { return bytes }
                pageOutput(plan.route.outputPath, bytes, key)
                return nil
            }
        }
        var output = BuildOutput()
        for (page, (key, kept)) in zip(plan.pages, zip(plan.keys, plan.isKept)) {
            output.pageKeys[page.route.outputPath] = key
            if kept {
                output.keptPages.insert(page.route.outputPath)
                output.pagesPerLanguage[page.languageCode, default: 0] += 1
            }
        }
        var diagnostics: [Diagnostic] = []
        var missing: Set<String> = []
        for ((plan, _), page) in zip(plans, pages) {
            switch page {
            case .success(let bytes):
                if let bytes { output.files[plan.route.outputPath] = bytes }
                output.pagesPerLanguage[plan.languageCode, default: 0] += 1
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
            let story = asset.kind == .article ? site.article(asset.slug) : site.pages.first { $0.slug == asset.slug }
            guard let story else { continue }
            for language in site.config.languages.map(\.code) where story.translations[language] != nil {
                output.files[Route.story(story, in: language).path + asset.name] = asset.bytes
            }
        }
        for file in site.publicFiles {
            output.files[file.path] = file.bytes
        }
        diagnostics += addFeedsAndSitemap(plans: plan.pages, to: &output)
        return (output, diagnostics)
    }

    /// Feeds and the sitemap need absolute addresses: without `baseURL` they are left out,
    /// with one warning saying why.
    private func addFeedsAndSitemap(plans: [PagePlan], to output: inout BuildOutput) -> [Diagnostic] {
        output.files["robots.txt"] = Array(Robots.text(site.config).utf8)
        guard let sitemap = Sitemap(site: site).xml(for: plans) else {
            return [.warning(
                "Content/site.yaml", nil, "no `baseURL`, so the Atom feeds and sitemap.xml are not built",
                hint: "feeds and sitemaps need absolute addresses; add `baseURL: https://your.domain/`")]
        }
        output.files["sitemap.xml"] = Array(sitemap.utf8)
        let feed = AtomFeed(site: site, documents: documents)
        for language in site.config.languages {
            if let xml = feed.xml(for: language) {
                output.files[Route.feed(language.code).path] = Array(xml.utf8)
            }
        }
        return []
    }
}

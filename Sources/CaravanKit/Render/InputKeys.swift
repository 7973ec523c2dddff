/// What each page's bytes depend on, reduced to a number a later build can compare: a
/// page whose key equals the one stored beside its file in the manifest would come out
/// byte for byte the same, so it is not rendered again.
///
/// A page depends on the site as a whole — site.yaml, UI strings, data, templates, public
/// files, pictures, pages, the front matter of every story (titles, dates and tags appear
/// in lists, feeds, tag pages and the sitemap), the options and the generator — and on the
/// article bodies it shows (`PagePlan.documents`). So editing an article's text renders
/// again only its page and the lists showing its summary; any other edit renders all.
struct InputKeys: Sendable {
    /// Everything but the article bodies.
    let site: UInt64
    /// Each article document's Markdown body, by `RenderedDocuments.key`.
    let bodies: [String: UInt64]

    init(_ loaded: LoadedSite, options: BuildOptions) {
        var hash = ContentHash()
        hash.add("caravan-pages-1|\(options.fingerprint)|" + SourceFingerprint.generator)
        for path in loaded.yamlTexts.keys.sorted() {
            hash.add(path)
            hash.add(loaded.yamlTexts[path]!)
        }
        for template in loaded.templates.sorted(by: { $0.path < $1.path }) {
            hash.add(template.path)
            hash.add(template.text)
        }
        for file in loaded.publicFiles.sorted(by: { $0.path < $1.path }) {
            hash.add(file.path)
            hash.add(file.bytes)
        }
        for asset in loaded.assets.sorted(by: { ($0.kind.folder, $0.slug, $0.name) < ($1.kind.folder, $1.slug, $1.name) }) {
            hash.add("\(asset.kind.folder)/\(asset.slug)/\(asset.name)")
            hash.add(asset.bytes)
        }
        let documents = loaded.documents.sorted { $0.path < $1.path }
        let parts = documents.concurrentMap { document -> (head: UInt64, body: UInt64?) in
            guard document.kind == .article else { return (ContentHash.of(document.text), nil) }
            let utf8 = document.text.utf8
            let bodyStart = utf8.index(utf8.startIndex, offsetBy: document.bodyOffset)
            var head = ContentHash()
            head.add(document.text[..<bodyStart].utf8)
            var body = ContentHash()
            body.add(document.text[bodyStart...].utf8)
            return (head.value, body.value)
        }
        var bodies: [String: UInt64] = [:]
        for (document, part) in zip(documents, parts) {
            hash.add(document.path)
            hash.add(part.head)
            if let body = part.body {
                bodies[RenderedDocuments.key(document)] = body
            }
        }
        self.site = hash.value
        self.bodies = bodies
    }

    func key(for plan: PagePlan, in site: ResolvedSite) -> UInt64 {
        var hash = ContentHash()
        hash.add(self.site)
        hash.add(plan.route.outputPath)
        for (story, language) in plan.documents(in: site) {
            let document = RenderedDocuments.key(story, language)
            hash.add(document)
            hash.add(bodies[document] ?? 0)
        }
        return hash.value
    }
}

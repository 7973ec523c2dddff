/// Renders the published documents' Markdown on all cores, then checks what the
/// Markdown refers to: pictures must exist in the story's folder.
struct MarkdownStage {
    let site: ResolvedSite
    /// The Markdown a long-lived builder kept from its last builds: a document rendered
    /// from the same source is taken from it. Nil renders every document asked for.
    var cache: MarkdownCache?

    struct Output {
        var documents: RenderedDocuments
        var diagnostics: [Diagnostic]
        /// `cache` with this build's documents, for the next build (nil without a cache).
        var cache: MarkdownCache?
        /// Documents rendered by this build; the others came from the cache.
        var renderedCount = 0
    }

    /// `only` names the documents to render (`RenderedDocuments.key`); nil renders all.
    /// `pages` (where the plan's pages go) lets links written as addresses be checked;
    /// nil skips that check. Every document asked for is checked, rendered or cached.
    func run(only: Set<String>? = nil, pages: PageAddresses? = nil) -> Output {
        var renderers: [String: MarkdownRenderer] = [:]
        for language in site.config.languages {
            renderers[language.code] = MarkdownRenderer(
                allowsRawHTML: site.config.unsafeHTML, tableLabel: site.strings[language.code]?["table_label"] ?? "")
        }
        let settings = renderers.mapValues(MarkdownCache.settings(of:))
        // A rebuild after an edit asks for a few of ten thousand: looked up, not filtered.
        let documents = only.map { $0.sorted().compactMap { RenderedDocuments.document($0, in: site) } }
            ?? (site.articles + site.pages).flatMap { story in story.translations.keys.sorted().map { (story, $0) } }
        let links = InternalLinks(site: site)
        let addresses = pages.map { AddressLinks(site: site, pages: $0) }
        let rendered = documents.concurrentMap { [renderers, cache] story, language -> (markdown: RenderedMarkdown, source: UInt64?, isNew: Bool) in
            let document = story.translations[language]!
            let source = cache == nil ? nil : MarkdownCache.source(of: document, settings: settings[language]!)
            if let source, let kept = cache?.markdown(RenderedDocuments.key(story, language), renderedFrom: source) {
                return (kept, source, false)
            }
            let route = Route.story(story, in: language)
            let markdown = renderers[language]!.render(document.body, firstLine: document.bodyFirstLine) { url in
                url.hasPrefix(InternalLinks.prefix) ? links.href(url, from: route, language: language) : nil
            }
            return (markdown, source, true)
        }
        var output = Output(documents: RenderedDocuments(), diagnostics: [], cache: cache)
        output.documents.strings = site.strings
        var diagnostics: [Diagnostic] = []
        for ((story, language), (markdown, source, isNew)) in zip(documents, rendered) {
            output.documents[story, language] = markdown
            if isNew { output.renderedCount += 1 }
            if isNew, let source { output.cache?.keep(markdown, for: RenderedDocuments.key(story, language), renderedFrom: source) }
            let document = story.translations[language]!
            let available = site.files(beside: story)
            var pictures = markdown.images.map { ($0.url, $0.location) }
            if let image = document.frontMatter.image {
                pictures.append((image.text, image.location))
            }
            for link in markdown.links where link.url.hasPrefix(InternalLinks.prefix) {
                if let problem = Self.check(link, links.resolve(link.url, from: .story(story, in: language), language: language), document: document) {
                    diagnostics.append(withSource(problem, document.text))
                }
            }
            if let addresses {
                let page = Route.story(story, in: language).outputPath
                for link in markdown.links {
                    if let problem = addresses.diagnostic(for: link, in: document, page: page) {
                        diagnostics.append(withSource(problem, document.text))
                    }
                }
            }
            for image in markdown.images where image.text.allSatisfy(\.isWhitespace) {
                diagnostics.append(withSource(.error(
                    document.path, image.location, "picture `\(image.url)` has no description (alt text)",
                    hint: "say what it shows between the brackets, e.g. `![Container trains at Khorgos](\(image.url))`: readers who cannot see it hear this text"),
                    document.text))
            }
            for (url, location) in pictures {
                if Self.isRemote(url) {
                    // Readers behind slow or blocking networks get nothing from other hosts.
                    diagnostics.append(withSource(.error(
                        document.path, location, "picture `\(url)` is on another website; pages load nothing from other hosts",
                        hint: "download the picture into Content/\(story.kind.folder)/\(story.slug)/ and write its file name instead"), document.text))
                    continue
                }
                guard let name = Self.localFileName(url), !available.contains(name) else { continue }
                diagnostics.append(withSource(.error(
                    document.path, location, "picture `\(url)` does not exist in Content/\(story.kind.folder)/\(story.slug)/",
                    hint: available.isEmpty
                        ? "put the picture file in the story's folder, beside \(language).md"
                        : Suggestion.hint(for: name, expected: available.sorted(), noun: "a file of the folder:")), document.text))
            }
        }
        output.diagnostics = diagnostics
        // A story that went takes its Markdown with it. Only memory is at stake (an entry
        // is used only for the source it was rendered from), so the cache is looked
        // through only when it holds more documents than the site.
        let stories = site.articles + site.pages
        if let kept = output.cache?.count, kept > stories.reduce(0, { $0 + $1.translations.count }) {
            output.cache?.keepOnly(Set(stories.flatMap { story in story.translations.keys.map { RenderedDocuments.key(story, $0) } }))
        }
        return output
    }

    /// A diagnostic for a story link that leads nowhere, or to another language.
    private static func check(_ link: RenderedMarkdown.Destination, _ resolution: InternalLinks.Resolution, document: SourceDocument) -> Diagnostic? {
        switch resolution {
        case .found:
            return nil
        case .otherLanguage(_, let language):
            return .warning(document.path, link.location, "`\(link.url)` has no \(document.language) version; the link goes to the \(language) one",
                            hint: "add the \(document.language).md translation of that story, or link to another story")
        case .unknown(let slug, let kind, let suggestion):
            return .error(document.path, link.location, "link to the \(kind.rawValue) `\(slug)`, which does not exist",
                          hint: suggestion.map { "did you mean `@/\(kind.folder)/\($0)`?" }
                              ?? "a story link is `@/\(kind.folder)/<folder name>`, the name of a folder in Content/\(kind.folder)/")
        case .malformed:
            return .error(document.path, link.location, "`\(link.url)` is not a story link",
                          hint: "write `@/articles/<slug>` or `@/pages/<slug>`, optionally followed by `#section`")
        }
    }

    /// Whether an address points at another website (pictures must not).
    static func isRemote(_ url: String) -> Bool {
        url.hasPrefix("//") || url.contains("://")
    }

    /// The file a relative URL names inside the story folder; nil for web addresses,
    /// site-absolute paths and anchors, which are not story files.
    static func localFileName(_ url: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.contains(":" as Character) else { return nil }
        var name = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        name = name.split(separator: "?", maxSplits: 1).first.map(String.init) ?? name
        while name.hasPrefix("./") { name.removeFirst(2) }
        return name.removingPercentEncoding ?? name
    }
}

import Foundation

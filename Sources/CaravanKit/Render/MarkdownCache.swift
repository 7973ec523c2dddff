/// The Markdown of each document as last rendered, with a key of everything it was rendered
/// from, kept in memory by a long-lived builder (`caravan serve`). A document's HTML depends
/// on its body and a few settings, never on the templates: a template, UI string or
/// `site.yaml` edit renders the pages again, not the Markdown of every story (at 5 000
/// stories, two fifths of the time of such a rebuild).
struct MarkdownCache: Sendable {
    private var entries: [String: Entry] = [:]

    private struct Entry: Sendable {
        var source: UInt64
        var markdown: RenderedMarkdown
    }

    /// What the Markdown of `document` is rendered from: its body, the line the body starts
    /// on (positions in checks), and the renderer's settings for its language (`settings`,
    /// `MarkdownCache.settings`). Nil when it also depends on other stories: a link written
    /// `@/articles/x` becomes that story's address, so such documents are always rendered.
    static func source(of document: SourceDocument, settings: UInt64) -> UInt64? {
        guard !document.hasStoryLinks else { return nil }
        var hash = ContentHash()
        hash.add(settings)
        hash.add(document.bodyHash)
        hash.add(UInt64(document.bodyFirstLine))
        return hash.value
    }

    /// The key of a renderer's settings: what it makes of any body beyond the text itself.
    static func settings(of renderer: MarkdownRenderer) -> UInt64 {
        var hash = ContentHash()
        hash.add(renderer.allowsRawHTML ? 1 : 0)
        hash.add(renderer.tableLabel)
        return hash.value
    }

    /// The Markdown last rendered for document `key` (`RenderedDocuments.key`), if it was
    /// rendered from `source`.
    func markdown(_ key: String, renderedFrom source: UInt64) -> RenderedMarkdown? {
        guard let entry = entries[key], entry.source == source else { return nil }
        return entry.markdown
    }

    /// Keeps `markdown` as document `key`'s, rendered from `source`.
    mutating func keep(_ markdown: RenderedMarkdown, for key: String, renderedFrom source: UInt64) {
        entries[key] = Entry(source: source, markdown: markdown)
    }

    /// How many documents' Markdown is kept.
    var count: Int { entries.count }

    /// Only the documents of `keys`: a story that went takes its Markdown with it.
    mutating func keepOnly(_ keys: Set<String>) {
        entries = entries.filter { keys.contains($0.key) }
    }
}

import Glibc

/// Every page of the site, and which of them need rendering: on a rebuild, a page whose
/// input key equals the one stored with its file is kept as it is (see `InputKeys`), and
/// only the Markdown the other pages need is rendered.
struct RenderPlan: Sendable {
    let pages: [PagePlan]
    /// The input key of each page, stored in the manifest for the next build.
    let keys: [UInt64]
    /// Whether each page is unchanged since the build that wrote the output folder.
    let isKept: [Bool]
    /// The documents (`RenderedDocuments.key`) to render; nil means all of them.
    let documents: Set<String>?

    init(site: ResolvedSite, inputs: InputKeys, previousPageKeys: [String: UInt64]) {
        let pages = PagePlan.all(for: site)
        let keys = pages.concurrentMap { inputs.key(for: $0, in: site) }
        self.pages = pages
        self.keys = keys
        guard !previousPageKeys.isEmpty else {
            isKept = Array(repeating: false, count: pages.count)
            documents = nil
            return
        }
        isKept = zip(pages, keys).map { page, key in previousPageKeys[page.route.outputPath] == key }
        var documents: Set<String> = []
        for (page, kept) in zip(pages, isKept) where !kept {
            for (story, language) in page.documents(in: site) {
                documents.insert(RenderedDocuments.key(story, language))
            }
        }
        // Feeds carry the newest articles' full text and are always written afresh.
        for language in site.config.languages {
            for story in AtomFeed.articles(in: language.code, site: site) {
                documents.insert(RenderedDocuments.key(story, language.code))
            }
        }
        // A story link can warn (the target lacks this language) without any page changing:
        // documents with story links are always checked, so the warning is never lost.
        for story in site.articles + site.pages {
            for (language, document) in story.translations where Self.hasStoryLinks(document) {
                documents.insert(RenderedDocuments.key(story, language))
            }
        }
        self.documents = documents
    }

    var keptCount: Int { isKept.count { $0 } }

    private static func hasStoryLinks(_ document: SourceDocument) -> Bool {
        let body = document.text.utf8.dropFirst(document.bodyOffset)
        return body.withContiguousStorageIfAvailable { bytes in
            // memchr finds each `@` at memory speed; few are followed by `/`.
            guard var start = bytes.baseAddress else { return false }
            let end = start + bytes.count
            while start < end, let at = memchr(start, 64, end - start) {
                let next = at.assumingMemoryBound(to: UInt8.self) + 1
                if next < end, next.pointee == 47 { return true }
                start = UnsafePointer(next)
            }
            return false
        } ?? document.body.contains(InternalLinks.prefix)
    }
}

/// Every page of the site, and which of them need rendering: on a rebuild, a page whose
/// input key equals the one stored with its file is kept as it is (see `InputKeys`), and
/// only the Markdown the other pages need is rendered.
struct RenderPlan: Sendable {
    let pages: [PagePlan]
    /// Where each page is written (`route.outputPath`), worked out once.
    let paths: [String]
    /// The input key of each page, stored in the manifest for the next build.
    let keys: [UInt64]
    /// Whether each page is unchanged since the build that wrote the output folder.
    let isKept: [Bool]
    /// The documents (`RenderedDocuments.key`) to render; nil means all of them.
    let documents: Set<String>?
    /// The pages showing each document's body (its own page, lists with its teaser, the
    /// feed), by index: when only bodies change, only these keys change.
    let pagesShowingBody: [String: [Int]]
    /// Each page's file and the folders holding them, to find files that would collide.
    let addresses: PageAddresses

    /// `indexingBodies`: whether to note which pages show each body (`pagesShowingBody`),
    /// for a later build in this process to update this plan instead of making a new one.
    init(site: ResolvedSite, inputs: InputKeys, previousPageKeys: [String: UInt64], indexingBodies: Bool = true) {
        let pages = PagePlan.all(for: site)
        let planned = pages.concurrentMap { page in
            let path = page.route.outputPath
            return (path, inputs.key(for: page, at: path, in: site),
                    indexingBodies ? page.documents(in: site).map { RenderedDocuments.key($0, $1) } : [])
        }
        var pagesShowingBody: [String: [Int]] = [:]
        for (index, (_, _, documents)) in planned.enumerated() {
            for document in documents { pagesShowingBody[document, default: []].append(index) }
        }
        let paths = planned.map(\.0)
        self.init(site: site, pages: pages, paths: paths, keys: planned.map(\.1), pagesShowingBody: pagesShowingBody,
                  addresses: PageAddresses(paths: paths), previousPageKeys: previousPageKeys)
    }

    /// The plan of a site whose front matter, settings, data and templates are those of
    /// `previous` (the same pages, in the same order), in which the documents
    /// `changedBodies` (`RenderedDocuments.key`) have new bodies: only the keys of the pages
    /// showing those bodies are worked out again.
    init(updating previous: RenderPlan, site: ResolvedSite, inputs: InputKeys, changedBodies: [String],
         previousPageKeys: [String: UInt64]) {
        let pages = PagePlan.all(for: site)
        var keys = previous.keys
        for document in changedBodies {
            for index in previous.pagesShowingBody[document] ?? [] {
                keys[index] = inputs.key(for: pages[index], at: previous.paths[index], in: site)
            }
        }
        self.init(site: site, pages: pages, paths: previous.paths, keys: keys, pagesShowingBody: previous.pagesShowingBody,
                  addresses: previous.addresses, previousPageKeys: previousPageKeys)
    }

    private init(site: ResolvedSite, pages: [PagePlan], paths: [String], keys: [UInt64], pagesShowingBody: [String: [Int]],
                 addresses: PageAddresses, previousPageKeys: [String: UInt64]) {
        self.pages = pages
        self.addresses = addresses
        self.paths = paths
        self.keys = keys
        self.pagesShowingBody = pagesShowingBody
        guard !previousPageKeys.isEmpty else {
            isKept = Array(repeating: false, count: pages.count)
            documents = nil
            return
        }
        isKept = zip(paths, keys).map { path, key in previousPageKeys[path] == key }
        var documents: Set<String> = []
        for (page, kept) in zip(pages, isKept) where !kept {
            for (story, language) in page.documents(in: site) {
                documents.insert(RenderedDocuments.key(story, language))
            }
        }
        // A story link can warn (the target lacks this language) without any page changing,
        // and so can an address leading out of the story's folder (its target went):
        // documents with such links are always checked, so the warning is never lost.
        for story in site.articles + site.pages {
            for (language, document) in story.translations where document.hasStoryLinks || document.hasAddressLinks {
                documents.insert(RenderedDocuments.key(story, language))
            }
        }
        self.documents = documents
    }

    var keptCount: Int { isKept.count { $0 } }
}

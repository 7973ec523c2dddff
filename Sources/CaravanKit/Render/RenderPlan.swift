/// What the previous build left in the output: its pages, and the state of each
/// language's search index (updated, not cut again, when it matches).
struct PreviousBuild {
    var pages: PreviousPages
    var search: [String: SearchIndexState]
}

/// What the previous build left in the output folder, to keep the pages whose inputs did
/// not change since.
enum PreviousPages {
    /// Nothing to keep: every page is rendered.
    case none
    /// The files of a manifest read back, each page's with its input key, but for those
    /// found missing from the folder; `plan`, the key of the plan those pages came from, and
    /// `keys`, their keys in that plan's order.
    case stored([String: Manifest.Entry], missing: Set<String>, plan: UInt64?, keys: [UInt64])
    /// The pages of the last build in this process, as its plan had them.
    case built(BuiltPages)
}

/// Every page of the site, and which of them need rendering: on a rebuild, a page whose
/// input key equals the one stored with its file is kept as it is (see `InputKeys`), and
/// only the Markdown the other pages need is rendered.
struct RenderPlan: Sendable {
    /// What the plan was made from but for the bodies: the resolved site's front matter,
    /// settings, data and templates (`Site.build`'s plan key).
    let key: UInt64
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
    /// Each page's file and the folders holding them, to find files that would collide:
    /// worked out on another core while the plan decides which pages to keep.
    var addresses: PageAddresses { pendingAddresses.value }
    private let pendingAddresses: BackgroundValue<PageAddresses>
    /// How many HTML pages each language has ("" for the landing and 404 pages).
    let pagesPerLanguage: [String: Int]

    /// The pages as a build's output lists them.
    var built: BuiltPages { BuiltPages(paths: paths, keys: keys, isKept: isKept, plan: key) }

    /// `indexingBodies`: whether to note which pages show each body (`pagesShowingBody`),
    /// for a later build in this process to update this plan instead of making a new one.
    /// `changedBodies`: when `previous` holds pages planned from the same inputs as this plan
    /// (`key`) but for the bodies of these documents, a page showing none of them takes the
    /// key stored with its file: a rebuild after a few edits works out a few keys.
    init(site: ResolvedSite, key: UInt64, inputs: InputKeys, previous: PreviousPages, indexingBodies: Bool = true,
         changedBodies: [SourceDocument]? = nil) {
        let pages = PagePlan.all(for: site)
        let stored: [String: Manifest.Entry]? = if case .stored(let entries, _, _, _) = previous, !entries.isEmpty { entries } else { nil }
        // Planned from the same inputs, the stored pages are these pages in this order: a
        // page's stored key is found by its position, not by its path.
        let storedInOrder: [UInt64]? =
            if case .stored(_, _, key, let keys) = previous, stored != nil, keys.count == pages.count { keys } else { nil }
        let reusesStoredKeys = storedInOrder != nil && changedBodies != nil
        let changed = (changedBodies ?? []).map { (slug: $0.slug, language: $0.language) }
        let planned = Array(pages.indices).concurrentMap { index in
            let page = pages[index]
            let path = page.route.outputPath
            let storedKey = storedInOrder?[index] ?? stored?[path]?.key
            let shown = indexingBodies ? page.documents(in: site) : []
            var key = reusesStoredKeys ? storedKey : nil
            if key != nil, indexingBodies
                ? shown.contains(where: { story, language in changed.contains { $0 == (story.slug, language) } })
                : page.showsBody(ofAny: changed, in: site) {
                key = nil
            }
            return (path, key ?? inputs.key(for: page, at: path, in: site), storedKey, shown.map { RenderedDocuments.key($0, $1) })
        }
        var pagesShowingBody: [String: [Int]] = [:]
        for (index, (_, _, _, documents)) in planned.enumerated() {
            for document in documents { pagesShowingBody[document, default: []].append(index) }
        }
        let paths = planned.map(\.0)
        var pagesPerLanguage: [String: Int] = [:]
        for page in pages where page.templateName != nil { pagesPerLanguage[page.languageCode, default: 0] += 1 }
        self.init(site: site, key: key, pages: pages, paths: paths, keys: planned.map(\.1), storedKeys: planned.map(\.2),
                  pagesShowingBody: pagesShowingBody, addresses: BackgroundValue { PageAddresses(paths: paths) },
                  pagesPerLanguage: pagesPerLanguage, previous: previous)
    }

    /// The plan of a site whose front matter, settings, data and templates are those of
    /// `plan`'s (the same pages, in the same order), in which the documents `changedBodies`
    /// (`RenderedDocuments.key`) have new bodies: only the pages showing those bodies take
    /// the new stories and have their keys worked out again.
    init(updating plan: RenderPlan, site: ResolvedSite, inputs: InputKeys, changedBodies: [String], previous: PreviousPages) {
        var pages = plan.pages
        var keys = plan.keys
        for document in changedBodies {
            for index in plan.pagesShowingBody[document] ?? [] {
                pages[index] = pages[index].showingStories(of: site)
                keys[index] = inputs.key(for: pages[index], at: plan.paths[index], in: site)
            }
        }
        self.init(site: site, key: plan.key, pages: pages, paths: plan.paths, keys: keys, pagesShowingBody: plan.pagesShowingBody,
                  addresses: plan.pendingAddresses, pagesPerLanguage: plan.pagesPerLanguage, previous: previous)
    }

    /// `storedKeys`: each page's key as `previous` stored it, when already looked up.
    private init(site: ResolvedSite, key: UInt64, pages: [PagePlan], paths: [String], keys: [UInt64], storedKeys: [UInt64?]? = nil,
                 pagesShowingBody: [String: [Int]], addresses: BackgroundValue<PageAddresses>, pagesPerLanguage: [String: Int],
                 previous: PreviousPages) {
        self.key = key
        self.pages = pages
        pendingAddresses = addresses
        self.paths = paths
        self.keys = keys
        self.pagesShowingBody = pagesShowingBody
        self.pagesPerLanguage = pagesPerLanguage
        switch previous {
        case .built(let built) where built.paths == paths:
            // The same pages as the last build in this process (most often the very same
            // array): keys compare by position, no path is hashed.
            isKept = zip(built.keys, keys).map { $0 == $1 }
        case .built(let built) where built.count > 0:
            isKept = Self.kept(paths: paths, keys: keys, previous: built.keysByPath)
        case .stored(let entries, let missing, _, _) where !entries.isEmpty:
            let stored = storedKeys ?? paths.map { entries[$0]?.key }
            isKept = paths.indices.map { index in
                stored[index] == keys[index] && (missing.isEmpty || !missing.contains(paths[index]))
            }
        default:
            isKept = Array(repeating: false, count: pages.count)
            self.documents = nil
            return
        }
        var documents: Set<String> = []
        for index in isKept.indices where !isKept[index] {
            for (story, language) in pages[index].documents(in: site) {
                documents.insert(RenderedDocuments.key(story, language))
            }
        }
        // A story link can warn (the target lacks this language) without any page changing,
        // and so can an address leading out of the story's folder (its target went):
        // documents with such links are always checked, so the warning is never lost.
        for story in [site.articles, site.pages].joined() {
            for (language, document) in story.translations where document.hasStoryLinks || document.hasAddressLinks {
                documents.insert(RenderedDocuments.key(story, language))
            }
        }
        self.documents = documents
    }

    private static func kept(paths: [String], keys: [UInt64], previous: [String: UInt64]) -> [Bool] {
        zip(paths, keys).map { path, key in previous[path] == key }
    }
}

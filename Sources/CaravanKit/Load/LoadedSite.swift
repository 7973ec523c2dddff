/// Everything the loader read, as plain values: the only picture of the source tree
/// the later stages see.
struct LoadedSite: Sendable {
    var config: SiteConfig
    /// UI strings by language code.
    var strings: [String: UIStrings]
    var documents: [SourceDocument]
    /// The documents of the story folders read this time, not taken from the last build
    /// (`BuildCache.folders`): every document on a first build, the edited ones after.
    var documentsReadAgain: [SourceDocument] = []
    /// The documents whose bodies are not those the last run recorded (`KnownDocuments`):
    /// edited, added, or not recorded.
    var documentsWithNewBodies: [SourceDocument] = []
    /// Story files that exist but could not be read or parsed (already reported), so no
    /// later stage calls them missing.
    var unreadableDocuments: Set<String> = []
    var data: CorridorData
    /// The text of every YAML file read (site.yaml, i18n, data) by path: for source lines
    /// under diagnostics, and for the input keys that decide what to render again.
    var yamlTexts: [String: String] = [:]
    var assets: [SourceAsset]
    var templates: [TemplateSource]
    /// Files under `Public/`, copied verbatim to the site root.
    var publicFiles: [(path: String, bytes: [UInt8])]
    /// What was loaded, for the next build to reuse.
    var cache = BuildCache()
}

extension LoadedSite {
    /// The site with `baseURL` in place of site.yaml's (`--base-url`); as it is for nil.
    func withBaseURL(_ baseURL: String?) -> LoadedSite {
        guard let baseURL else { return self }
        var site = self
        site.config.baseURL = baseURL
        return site
    }
}

/// What one build loaded and compiled, for the next one to reuse: only ever makes a build
/// faster, never different (an empty cache gives the same site).
struct BuildCache: Sendable {
    /// The story files as the last run read them, kept in the state folder: a new run reads
    /// only files whose signatures changed since.
    var documents = KnownDocuments()
    /// Story folders as loaded, by path, kept in memory by a long-lived `SiteBuilder`
    /// (`caravan serve`); valid for the languages they were loaded with.
    var folders: [String: LoadedFolder] = [:]
    var languages: [String] = []
    /// The clock their dates were placed on (site.yaml's `timeZone`).
    var timeZone: String?
    /// The templates as compiled, with a fingerprint of everything compiling read.
    var templates: (key: UInt64, set: TemplateSet, diagnostics: [Diagnostic])?
    /// The site as resolved, with a fingerprint of everything resolving read
    /// (`Resolver.key`): an edit that changes only bodies does not resolve again.
    var resolved: (key: UInt64, site: ResolvedSite, diagnostics: [Diagnostic])?
    /// The plan of the pages, with a fingerprint of what its shape depends on: the resolve
    /// key and what every page shares (`InputKeys.fingerprint`).
    var plan: RenderPlan?
    /// The git history of the story files, with the repository state it was read at.
    var gitHistory: (signature: String, history: GitHistory?)?
    /// The Markdown of each document as last rendered, kept in memory by a long-lived
    /// `SiteBuilder`: a template or settings edit renders pages, not every body again.
    var markdown = MarkdownCache()
    /// The search index of each language as last cut (kept in the state folder between runs).
    var search: [String: SearchIndexState] = [:]
    /// `loadedDocuments` encoded for the state folder, on another core while the build
    /// resolves (for a build whose state is saved right after it).
    var encodedDocuments: BackgroundValue<[UInt8]>?

    /// What this build knows of the story files, for the next run (`KnownDocuments`).
    var loadedDocuments: KnownDocuments {
        var known = KnownDocuments()
        known.languages = languages
        known.timeZone = timeZone ?? ""
        // Sized at once: grown step by step, ten thousand entries were copied many times over.
        known.entries.reserveCapacity(folders.count * max(1, languages.count))
        for folder in folders.values {
            for (path, entry) in folder.known where entry.signature.modified < folder.readAt - KnownDocuments.racyWindow {
                known.entries[path] = entry
            }
        }
        return known
    }
}

/// A story folder as the loader left it: the listing it had (names and signatures, so an
/// unchanged folder is recognised without reading it), the documents and pictures read from
/// it, and what was found wrong there.
struct LoadedFolder: Sendable {
    var listing: [(path: String, entry: FileSystem.Entry)]
    /// The folder's own entries as the file system's listings held them when it was read.
    var entries: [FileSystem.Entry] = []
    var documents: [SourceDocument] = []
    var assets: [SourceAsset] = []
    var diagnostics: [Diagnostic] = []
    /// Its documents read without a problem, as `KnownDocuments` records them, and when
    /// they were read (ns since 1970): files changed shortly before are not recorded.
    var known: [(path: String, entry: KnownDocuments.Entry)] = []
    var readAt = 0

    init(listing: [(path: String, entry: FileSystem.Entry)]) {
        self.listing = listing
    }

    /// Whether `entries` are still the listing the folder was read from, not a copy listed
    /// since: a listing refreshed after a change is a new array. Only for a folder without
    /// sub-folders (their listings are others); answers without comparing a name.
    func isListed(as entries: [FileSystem.Entry]) -> Bool {
        entries.count == self.entries.count && !entries.isEmpty
            && entries.withUnsafeBufferPointer { new in self.entries.withUnsafeBufferPointer { $0.baseAddress == new.baseAddress } }
            && !entries.contains { $0.kind == .directory && !$0.isSymlink }
    }

    /// Whether the folder holds the same files, each with the same signature, as then.
    func hasListing(_ other: [(path: String, entry: FileSystem.Entry)]) -> Bool {
        listing.count == other.count && zip(listing, other).allSatisfy { old, new in
            old.path == new.path && old.entry.signature == new.entry.signature
                && old.entry.kind == new.entry.kind && old.entry.isSymlink == new.entry.isSymlink
        }
    }
}

/// A Mustache file under `Templates/`, named by its path without the extension
/// (`partials/header`), as partials refer to it.
struct TemplateSource: Sendable {
    var name: String
    var path: String
    var text: String
}

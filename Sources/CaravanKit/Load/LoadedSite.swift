/// Everything the loader read, as plain values: the only picture of the source tree
/// the later stages see.
struct LoadedSite: Sendable {
    var config: SiteConfig
    /// UI strings by language code.
    var strings: [String: UIStrings]
    var documents: [SourceDocument]
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

/// What one build loaded and compiled, for the next one to reuse: only ever makes a build
/// faster, never different (an empty cache gives the same site).
struct BuildCache: Sendable {
    /// Front matter as parsed, by its exact text; kept across runs in the state folder.
    var frontMatter = YAMLCache()
    /// Story files and pictures by path, each with the signature its file had; kept in
    /// memory by a long-lived `SiteBuilder` (`caravan serve`).
    var files: [String: LoadedStoryFile] = [:]
    /// The templates as compiled, with a fingerprint of everything compiling read.
    var templates: (key: UInt64, set: TemplateSet, diagnostics: [Diagnostic])?
    /// The site as resolved, with a fingerprint of everything resolving read
    /// (`Resolver.key`): an edit that changes only bodies does not resolve again.
    var resolved: (key: UInt64, site: ResolvedSite, diagnostics: [Diagnostic])?
}

/// A story file or a picture beside one, as the loader left it, with the signature the file
/// had then. The engine keeps these between builds: a file whose signature is unchanged is
/// neither read nor parsed again, and gives the same document and diagnostics.
struct LoadedStoryFile: Sendable {
    var signature: FileSystem.Signature
    var document: SourceDocument?
    var diagnostics: [Diagnostic] = []
    /// The parsed front matter, to keep in the front-matter cache.
    var frontMatter: (key: YAMLCache.Key, node: YAMLNode)?
    /// A picture's bytes.
    var bytes: [UInt8]?

    init(signature: FileSystem.Signature, document: SourceDocument?, diagnostics: [Diagnostic],
         frontMatter: (key: YAMLCache.Key, node: YAMLNode)?) {
        self.signature = signature
        self.document = document
        self.diagnostics = diagnostics
        self.frontMatter = frontMatter
    }

    init(signature: FileSystem.Signature, bytes: [UInt8]) {
        self.signature = signature
        self.bytes = bytes
    }
}

/// A Mustache file under `Templates/`, named by its path without the extension
/// (`partials/header`), as partials refer to it.
struct TemplateSource: Sendable {
    var name: String
    var path: String
    var text: String
}

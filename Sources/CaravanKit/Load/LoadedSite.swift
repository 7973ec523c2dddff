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
    /// The stories' front matter as parsed, for the next build (see `YAMLCache`).
    var frontMatter = YAMLCache()
}

/// A Mustache file under `Templates/`, named by its path without the extension
/// (`partials/header`), as partials refer to it.
struct TemplateSource: Sendable {
    var name: String
    var path: String
    var text: String
}

import Foundation

/// Reads the source tree: `Content/`, `Templates/`, `Public/`. The only stage that reads files.
struct ContentLoader {
    /// Markdown files larger than this are refused: no story is this long, and a huge file
    /// is almost always a paste or an export gone wrong.
    static let maxMarkdownBytes = 4 * 1024 * 1024
    static let maxAssetBytes = 100 * 1024 * 1024
    /// Page folders that would take the address of one of the site's own sections.
    public static let reservedPageSlugs: Set<String> = ["articles", "corridors", "page", "stats", "tags"]

    let files: FileSystem
    var diagnostics: [Diagnostic] = []
    private var yamlTexts: [String: String] = [:]
    /// What the previous build loaded, and what this one loaded or reused.
    let previous: BuildCache
    var cache = BuildCache()
    /// The clock of dates written without an offset (site.yaml's `timeZone`).
    var timeZone = SiteConfig.defaultTimeZone
    /// The text of the front matter a document reader decoded (or took as recorded), for
    /// the record of the file (`KnownDocuments`).
    var frontMatterKey: FrontMatterKey?
    /// The documents of the story folders read so far, not taken from the last build.
    var documentsReadAgain: [SourceDocument] = []
    /// The documents whose bodies are not those the last run recorded (`KnownDocuments`).
    var documentsWithNewBodies: [SourceDocument] = []

    /// `files` may carry listings read earlier in the build (see `FileSystem.recorded`).
    init(files: FileSystem, previous: BuildCache = BuildCache()) {
        self.files = files
        self.previous = previous
    }

    init(root: String) {
        self.init(files: FileSystem(root: root))
    }

    mutating func load() -> LoadedSite? {
        guard files.exists("Content/site.yaml") else {
            let found = files.exists("Content") ? "Content/ has no site.yaml" : "there is no Content/ folder"
            diagnostics.append(.error(
                "Content/site.yaml", nil, "\(found) in \(files.root)",
                hint: "run caravan in the folder that holds Content/, or pass --source FOLDER"))
            return nil
        }
        guard let (configRoot, configText) = readYAML("Content/site.yaml") else { return nil }
        let (config, configDiagnostics) = SiteConfig.decode(configRoot, file: "Content/site.yaml")
        diagnostics += configDiagnostics.map { withSource($0, configText) }
        guard let config else { return nil }

        let strings = loadStrings(for: config.languages)
        cache.documents = previous.documents
        cache.languages = config.languages.map(\.code)
        timeZone = config.timeZone
        cache.timeZone = config.timeZone.identifier
        var documents: [SourceDocument] = []
        var assets: [SourceAsset] = []
        let errorsBefore = Set(diagnostics.filter(\.isError).map(\.file))
        for kind in [SourceDocument.Kind.article, .page] {
            let (kindDocuments, kindAssets) = loadStories(kind, languages: config.languages.map(\.code))
            documents += kindDocuments
            assets += kindAssets
        }
        let unreadable = Set(diagnostics.filter { $0.isError && $0.file.hasSuffix(".md") }.map(\.file)).subtracting(errorsBefore)
        return LoadedSite(
            config: config, strings: strings, documents: documents, documentsReadAgain: documentsReadAgain,
            documentsWithNewBodies: documentsWithNewBodies, unreadableDocuments: unreadable,
            data: loadData(languages: config.languages.map(\.code)), yamlTexts: yamlTexts, assets: assets,
            templates: loadTemplates(), publicFiles: loadPublicFiles(), cache: cache)
    }

    // MARK: - YAML files

    mutating func readText(_ path: String, limit: Int = maxMarkdownBytes, size: Int? = nil) -> String? {
        if let size, size > limit {
            diagnostics.append(.error(
                path, nil, "the file is \(String(format: "%.1f", Double(size) / 1_048_576)) MB, more than the \(limit / 1_048_576) MB a story may have",
                hint: "a story this long is likely a paste gone wrong; split it or remove the pasted data"))
            return nil
        }
        guard let bytes = files.read(path) else {
            diagnostics.append(.error(path, nil, "cannot read the file", hint: "check that it exists and is readable"))
            return nil
        }
        switch SourceText.decode(bytes, file: path) {
        case .success(let text): return text
        case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
        }
    }

    private mutating func readYAML(_ path: String) -> (YAMLNode, String)? {
        guard staysInside(path, "Content"), let text = readText(path) else { return nil }
        yamlTexts[path] = text
        do {
            guard let root = try YAMLParser.parse(text) else {
                diagnostics.append(.error(path, SourceLocation(line: 1, column: 1), "the file is empty", hint: "see the README for what it holds"))
                return nil
            }
            return (root, text)
        } catch {
            diagnostics.append(withSource(.error(path, error.location, error.message, hint: error.hint), text))
            return nil
        }
    }

    private mutating func loadStrings(for languages: [Language]) -> [String: UIStrings] {
        var result: [String: UIStrings] = [:]
        for language in languages {
            let path = "Content/i18n/\(language.code).yaml"
            guard files.exists(path) else {
                diagnostics.append(.error(
                    path, nil, "missing UI strings for language `\(language.code)`",
                    hint: "copy Content/i18n/\(languages[0].code).yaml to \(path) and translate each value"))
                continue
            }
            guard let (root, text) = readYAML(path) else { continue }
            var problems: [Diagnostic] = []
            let strings = UIStrings.decode(root, language: language.code, file: path, diagnostics: &problems)
            diagnostics += problems.map { withSource($0, text) }
            if let strings {
                result[language.code] = strings
            }
        }
        UIStrings.checkSameKeys(result, languages: languages.map(\.code), diagnostics: &diagnostics)
        return result
    }

    /// `Content/data/corridors.yaml` and `tags.yaml`, when the site has them.
    private mutating func loadData(languages: [String]) -> CorridorData {
        var data = CorridorData()
        if files.exists(CorridorData.path), let (root, text) = readYAML(CorridorData.path) {
            let problems: [Diagnostic]
            (data, problems) = CorridorData.decode(root, file: CorridorData.path, languages: languages)
            diagnostics += problems.map { withSource($0, text) }
        }
        if files.exists(Tag.path), let (root, text) = readYAML(Tag.path) {
            let problems: [Diagnostic]
            (data.tags, problems) = Tag.decode(root, file: Tag.path, languages: languages)
            diagnostics += problems.map { withSource($0, text) }
        }
        return data
    }

    // MARK: - Templates and static files

    private mutating func loadTemplates() -> [TemplateSource] {
        var templates: [TemplateSource] = []
        for (name, _) in files.walk("Templates") where name.hasSuffix(".mustache") {
            let path = "Templates/\(name)"
            guard staysInside(path, "Templates"), let text = readText(path) else { continue }
            templates.append(TemplateSource(name: String(name.dropLast(".mustache".count)), path: path, text: text))
        }
        if templates.isEmpty {
            diagnostics.append(.error("Templates", nil, "no templates found (*.mustache files)",
                                      hint: "the Templates/ folder ships with the repository; restore it from git"))
        }
        return templates
    }

    private mutating func loadPublicFiles() -> [(path: String, bytes: [UInt8])] {
        var result: [(String, [UInt8])] = []
        for (name, _) in files.walk("Public") {
            let path = "Public/\(name)"
            guard staysInside(path, "Public") else { continue }
            if let bytes = files.read(path) { result.append((name, bytes)) }
        }
        return result
    }
}

extension ContentLoader {
    /// Whether `path` (or a folder on the way to it) does not lead out of `folder` through a
    /// symbolic link; reports it when it does. Reading never leaves the site's folders.
    mutating func staysInside(_ path: String, _ folder: String) -> Bool {
        guard !files.resolves(path, inside: folder) else { return true }
        guard files.exists(path) else { return true }  // missing files have their own message
        diagnostics.append(.error(path, nil, "symbolic link to a place outside \(folder)/",
                                  hint: "copy the file into \(folder)/ instead of linking to it"))
        return false
    }
}

/// Attaches the offending source line to a diagnostic, for the caret display.
func withSource(_ diagnostic: Diagnostic, _ text: String) -> Diagnostic {
    var diagnostic = diagnostic
    if let line = diagnostic.line, diagnostic.sourceLine == nil {
        diagnostic.sourceLine = SourceText.line(line, of: text)
    }
    return diagnostic
}

/// Story folders: one Markdown file per language, and the files beside them (pictures),
/// read and parsed on every core.
extension ContentLoader {
    /// Why a symbolic link cannot be used, or nil when it stays inside Content/.
    private func linkProblem(_ path: String, _ entry: FileSystem.Entry) -> String? {
        if entry.kind == .other { return "symbolic link to a place that does not exist" }
        return files.resolves(path, inside: "Content") ? nil : "symbolic link to a place outside Content/"
    }

    struct PendingDocument {
        var kind: SourceDocument.Kind
        var slug: String
        var language: String
        var path: String
        var signature: FileSystem.Signature
    }

    mutating func loadStories(_ kind: SourceDocument.Kind, languages: [String]) -> ([SourceDocument], [SourceAsset]) {
        let folder = "Content/\(kind.folder)"
        var pending: [PendingDocument] = []
        var assets: [SourceAsset] = []
        for entry in files.list(folder) {
            let path = "\(folder)/\(entry.name)"
            if entry.isSymlink, let problem = linkProblem(path, entry) {
                diagnostics.append(.error(path, nil, problem, hint: "copy the files into Content/ instead of linking to them"))
                continue
            }
            guard entry.kind == .directory else {
                diagnostics.append(.error(
                    path, nil, "Content/\(kind.folder)/ holds one folder per \(kind.rawValue), not loose files",
                    hint: "move it to Content/\(kind.folder)/<slug>/\(entry.name)"))
                continue
            }
            if kind == .page, Self.reservedPageSlugs.contains(entry.name) {
                diagnostics.append(.error(
                    path, nil, "a page may not be called `\(entry.name)`: /<lang>/\(entry.name)/ is one of the site's own sections",
                    hint: "rename the folder, e.g. `\(entry.name)-info`; reserved: \(Self.reservedPageSlugs.sorted().joined(separator: ", "))"))
                continue
            }
            guard Slug.isValid(entry.name) else {
                diagnostics.append(.error(
                    path, nil, "folder name `\(entry.name)` is not a valid slug (it becomes the URL)",
                    hint: Slug.hint(for: entry.name)))
                continue
            }
            var foundLanguages = 0
            for (name, file) in files.walk(path) {
                let filePath = "\(path)/\(name)"
                if file.isSymlink, let problem = linkProblem(filePath, file) ?? (file.kind == .directory ? "symbolic link to a folder, which is not followed" : nil) {
                    diagnostics.append(.error(filePath, nil, problem, hint: "copy the files into the story folder instead of linking to them"))
                    continue
                }
                if name.hasSuffix(".md") {
                    let language = String(name.dropLast(3))
                    guard languages.contains(language) else {
                        diagnostics.append(.error(
                            filePath, nil, "`\(name)` is not named after one of the site's languages",
                            hint: Suggestion.hint(for: language, expected: languages.map { "\($0).md" }, noun: "a file per language:")))
                        continue
                    }
                    foundLanguages += 1
                    pending.append(PendingDocument(kind: kind, slug: entry.name, language: language, path: filePath, signature: file.signature))
                } else if file.size > Self.maxAssetBytes {
                    diagnostics.append(.error(filePath, nil, "the file is larger than \(Self.maxAssetBytes / 1024 / 1024) MB",
                                              hint: "publish large downloads elsewhere and link to them"))
                } else if let bytes = loadAsset(filePath, signature: file.signature) {
                    assets.append(SourceAsset(kind: kind, slug: entry.name, name: name, bytes: bytes))
                }
            }
            if foundLanguages == 0 {
                diagnostics.append(.warning(
                    path, nil, "the folder has no language file, so nothing is published from it",
                    hint: "add \(languages.map { "\($0).md" }.joined(separator: " and "))"))
            }
        }
        return (loadDocuments(pending), assets)
    }

    /// A picture or other file of a story folder; unchanged since the last build, it is not read again.
    private mutating func loadAsset(_ path: String, signature: FileSystem.Signature) -> [UInt8]? {
        if let known = previous.files[path], known.signature == signature, let bytes = known.bytes {
            cache.files[path] = known
            return bytes
        }
        let bytes = files.read(path)
        if let bytes { cache.files[path] = LoadedStoryFile(signature: signature, bytes: bytes) }
        return bytes
    }

    /// Reads and parses the story files on every core: YAML parsing is a large share of a
    /// build. A file whose signature is that of the last build's is taken as it was then.
    private mutating func loadDocuments(_ pending: [PendingDocument]) -> [SourceDocument] {
        let files = self.files
        let previous = self.previous
        let results = pending.concurrentMap { item -> LoadedStoryFile in
            if let known = previous.files[item.path], known.signature == item.signature { return known }
            var reader = ContentLoader(files: files, previous: previous)
            let document = reader.loadDocument(item)
            return LoadedStoryFile(signature: item.signature, document: document, diagnostics: reader.diagnostics,
                                   frontMatter: reader.cache.frontMatter.nodes.first.map { ($0.key, $0.value) })
        }
        var documents: [SourceDocument] = []
        documents.reserveCapacity(results.count)
        cache.frontMatter.nodes.reserveCapacity(cache.frontMatter.nodes.count + results.count)
        cache.files.reserveCapacity(cache.files.count + results.count)
        for (item, loaded) in zip(pending, results) {
            cache.files[item.path] = loaded
            diagnostics += loaded.diagnostics
            if case let (key, node)? = loaded.frontMatter, cache.frontMatter.nodes[key] == nil { cache.frontMatter.nodes[key] = node }
            if let document = loaded.document { documents.append(document) }
        }
        return documents
    }

    private mutating func loadDocument(_ item: PendingDocument) -> SourceDocument? {
        guard let text = readText(item.path, size: item.signature.size) else { return nil }
        let split: FrontMatterSplit
        switch FrontMatterSplitter.split(text, file: item.path) {
        case .success(let value): split = value
        case .failure(let diagnostic): diagnostics.append(withSource(diagnostic, text)); return nil
        }
        var root: YAMLNode?
        let key = YAMLCache.Key(text: split.yaml, lineOffset: split.yamlLineOffset)
        if let cached = previous.frontMatter.nodes[key] {
            root = cached
        } else {
            do {
                root = try YAMLParser.parse(split.yaml, lineOffset: split.yamlLineOffset)
            } catch {
                diagnostics.append(withSource(.error(item.path, error.location, error.message, hint: error.hint), text))
                return nil
            }
        }
        if let root { cache.frontMatter.nodes[key] = root }
        let (frontMatter, problems) = FrontMatter.decode(root, file: item.path, frontMatterLine: 2)
        diagnostics += problems.map { withSource($0, text) }
        guard let frontMatter else { return nil }
        return SourceDocument(
            kind: item.kind, slug: item.slug, language: item.language, path: item.path,
            frontMatter: frontMatter, bodyOffset: split.bodyOffset, bodyFirstLine: split.bodyFirstLine, text: text)
    }
}

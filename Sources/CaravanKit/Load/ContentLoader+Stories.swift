/// Story folders: one Markdown file per language, and the files beside them (pictures),
/// read and parsed on every core. A folder whose files all have the signatures they had in
/// the last build is taken as that build loaded it, without reading anything.
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
        var order: [String] = []
        var changed: [(path: String, slug: String, listing: [(path: String, entry: FileSystem.Entry)])] = []
        // Stories loaded for other languages, or with dates placed on another clock, are read again.
        let reusable = previous.languages == languages && previous.timeZone == timeZone.identifier
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
            order.append(path)
            let known = reusable ? previous.folders[path] : nil
            // A folder whose listing the file system still holds as it was (serve: nothing
            // saved there) is not walked again.
            if let known, let entries = files.recorded[path], known.isListed(as: entries) {
                cache.folders[path] = known
                continue
            }
            let listing = files.walk(path)
            if var known, known.hasListing(listing) {
                // Listed again with nothing changed: the new listing is the one to compare with next.
                known.entries = files.list(path)
                cache.folders[path] = known
            } else {
                changed.append((path, entry.name, listing))
            }
        }
        let (loadedFolders, newBodies) = loadFolders(changed, kind: kind, languages: languages)
        cache.folders.reserveCapacity(cache.folders.count + loadedFolders.count)
        for (path, folder) in zip(changed.map(\.path), loadedFolders) {
            cache.folders[path] = folder
            documentsReadAgain += folder.documents
        }
        documentsWithNewBodies += newBodies
        var documents: [SourceDocument] = []
        var assets: [SourceAsset] = []
        documents.reserveCapacity(order.count * languages.count)
        for path in order {
            let folder = cache.folders[path]!
            documents += folder.documents
            assets += folder.assets
            diagnostics += folder.diagnostics
        }
        return (documents, assets)
    }

    /// Loads story folders: their pictures in turn, their documents on every core (YAML
    /// parsing is a large share of a first build). Also returns the documents whose bodies
    /// are not those the last run recorded.
    private func loadFolders(
        _ folders: [(path: String, slug: String, listing: [(path: String, entry: FileSystem.Entry)])],
        kind: SourceDocument.Kind, languages: [String]
    ) -> ([LoadedFolder], newBodies: [SourceDocument]) {
        var loaded: [LoadedFolder] = []
        var pending: [(folder: Int, document: PendingDocument)] = []
        let readAt = FileSystem.now
        for (index, (path, slug, listing)) in folders.enumerated() {
            var folder = LoadedFolder(listing: listing)
            folder.entries = files.list(path)
            folder.readAt = readAt
            var languageFiles = 0
            for (name, file) in listing {
                let filePath = "\(path)/\(name)"
                if file.isSymlink, let problem = linkProblem(filePath, file) ?? (file.kind == .directory ? "symbolic link to a folder, which is not followed" : nil) {
                    folder.diagnostics.append(.error(filePath, nil, problem, hint: "copy the files into the story folder instead of linking to them"))
                    continue
                }
                if name.hasSuffix(".md") {
                    let language = String(name.dropLast(3))
                    guard languages.contains(language) else {
                        folder.diagnostics.append(.error(
                            filePath, nil, "`\(name)` is not named after one of the site's languages",
                            hint: Suggestion.hint(for: language, expected: languages.map { "\($0).md" }, noun: "a file per language:")))
                        continue
                    }
                    pending.append((index, PendingDocument(kind: kind, slug: slug, language: language, path: filePath, signature: file.signature)))
                    languageFiles += 1
                } else if file.size > Self.maxAssetBytes {
                    folder.diagnostics.append(.error(filePath, nil, "the file is larger than \(Self.maxAssetBytes / 1024 / 1024) MB",
                                                     hint: "publish large downloads elsewhere and link to them"))
                } else if let bytes = files.read(filePath) {
                    folder.assets.append(SourceAsset(kind: kind, slug: slug, name: name, bytes: bytes))
                }
            }
            if languageFiles == 0 {
                folder.diagnostics.append(.warning(
                    path, nil, "the folder has no language file, so nothing is published from it",
                    hint: "add \(languages.map { "\($0).md" }.joined(separator: " and "))"))
            }
            loaded.append(folder)
        }
        let files = self.files
        let previous = self.previous
        let timeZone = self.timeZone
        // Files known from the last run, if it loaded the same languages on the same clock.
        let known = previous.documents.languages == languages && previous.documents.timeZone == timeZone.identifier
            ? previous.documents : KnownDocuments()
        let results = pending.concurrentMap { _, item -> (SourceDocument?, [Diagnostic], FrontMatterKey?, recorded: KnownDocuments.Entry?) in
            let recorded = known.entries[item.path]
            // A file as the last run recorded it is taken from the record (its text is then
            // read only if a page that shows it is rendered): no reader is needed.
            if let recorded, recorded.signature == item.signature {
                let document = SourceDocument(kind: item.kind, slug: item.slug, language: item.language, path: item.path,
                                              frontMatter: recorded.frontMatter, digest: recorded.digest, file: files.absolute(item.path))
                return (document, [], recorded.frontMatterKey, recorded)
            }
            var reader = ContentLoader(files: files, previous: previous)
            reader.timeZone = timeZone
            guard let text = reader.readText(item.path, size: item.signature.size) else { return (nil, reader.diagnostics, nil, recorded) }
            let document = reader.parseDocument(text, item, recorded: recorded)
            return (document, reader.diagnostics, reader.frontMatterKey, recorded)
        }
        var newBodies: [SourceDocument] = []
        for ((index, item), (document, diagnostics, frontMatterKey, recorded)) in zip(pending, results) {
            loaded[index].diagnostics += diagnostics
            guard let document else { continue }
            loaded[index].documents.append(document)
            if recorded?.digest.bodyHash != document.bodyHash { newBodies.append(document) }
            // A file with a problem is read again next time, so its warning is repeated. A
            // file taken as recorded keeps its record.
            if let frontMatterKey, diagnostics.isEmpty {
                loaded[index].known.append((item.path, recorded?.signature == item.signature ? recorded! : KnownDocuments.Entry(
                    signature: item.signature, frontMatterKey: frontMatterKey, frontMatter: document.frontMatter, digest: document.digest)))
            }
        }
        return (loaded, newBodies)
    }

    /// A story file's text as a document: front matter split off, then parsed and decoded
    /// (or taken as `recorded` when its text is the one recorded); what is wrong goes to
    /// `diagnostics`.
    mutating func parseDocument(_ text: String, _ item: PendingDocument, recorded: KnownDocuments.Entry? = nil) -> SourceDocument? {
        let split: FrontMatterSplit
        switch FrontMatterSplitter.split(text, file: item.path) {
        case .success(let value): split = value
        case .failure(let diagnostic): diagnostics.append(withSource(diagnostic, text)); return nil
        }
        let key = FrontMatterKey(text: split.yaml, lineOffset: split.yamlLineOffset)
        let frontMatter: FrontMatter
        if let recorded, recorded.frontMatterKey == key {
            frontMatter = recorded.frontMatter
        } else {
            let root: YAMLNode?
            do {
                root = try YAMLParser.parse(split.yaml, lineOffset: split.yamlLineOffset)
            } catch {
                diagnostics.append(withSource(.error(item.path, error.location, error.message, hint: error.hint), text))
                return nil
            }
            let (decoded, problems) = FrontMatter.decode(root, file: item.path, frontMatterLine: 2, timeZone: timeZone)
            diagnostics += problems.map { withSource($0, text) }
            guard let decoded else { return nil }
            frontMatter = decoded
        }
        frontMatterKey = key
        let document = SourceDocument(
            kind: item.kind, slug: item.slug, language: item.language, path: item.path,
            frontMatter: frontMatter, bodyOffset: split.bodyOffset, bodyFirstLine: split.bodyFirstLine, text: text)
        if let placeholder = PlaceholderText.diagnostic(for: document) {
            diagnostics.append(withSource(placeholder, text))
        }
        return document
    }
}

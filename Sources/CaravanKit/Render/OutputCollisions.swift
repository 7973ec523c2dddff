/// Files from `Public/` and story folders that would land where the site puts a page (or a
/// folder of pages): found before anything is written, each named with what it collides
/// with, instead of one silently replacing the other.
enum OutputCollisions {
    static func check(_ plan: RenderPlan, site: ResolvedSite) -> [Diagnostic] {
        var made: [String: String] = [:]  // output path → the source file published there
        func maker(of path: String) -> String? {
            if let page = plan.addresses.page(at: path) {
                return plan.pages[page].templateName.map { "the \($0) page" } ?? "the site's \(path)"
            }
            return made[path]
        }
        var diagnostics: [Diagnostic] = []
        /// False (and a diagnostic) when `source` cannot be published at `path`.
        func check(_ source: String, at path: String) -> Bool {
            if let what = maker(of: path) {
                diagnostics.append(.error(
                    source, nil, "would be published at \(path), where the site puts \(what)",
                    hint: "rename or move \(source): the site makes \(path) itself"))
                return false
            }
            if let page = plan.addresses.page(inFolder: path) {
                diagnostics.append(.error(
                    source, nil, "would be published at \(path), which the site needs as a folder (for \(page))",
                    hint: "rename or move \(source)"))
                return false
            }
            made[path] = source
            return true
        }
        for file in site.publicFiles.sorted(by: { $0.path < $1.path }) {
            _ = check("Public/\(file.path)", at: file.path)
        }
        for asset in site.assets {
            guard let story = asset.kind == .article ? site.article(asset.slug) : site.pages.first(where: { $0.slug == asset.slug }) else { continue }
            for language in story.translations.keys.sorted() {
                guard check("Content/\(asset.kind.folder)/\(asset.slug)/\(asset.name)", at: Route.story(story, in: language).path + asset.name) else { break }
            }
        }
        return diagnostics
    }
}

/// Where a plan's pages go: each page's file and every folder holding one. Worked out once
/// for a plan's shape: an edit of bodies keeps it. Paths are found by their `ContentHash`
/// and then compared: tens of thousands of paths as dictionary keys cost every build 20 ms.
struct PageAddresses: Sendable {
    private let paths: [String]
    /// The hash of each page's path → the page's index.
    private let files: [UInt64: Int]
    /// The hash of each folder holding a page → the index of one such page.
    private let folders: [UInt64: Int]

    init(paths: [String]) {
        var files: [UInt64: Int] = [:]
        files.reserveCapacity(paths.count)
        var folders: [UInt64: Int] = [:]
        folders.reserveCapacity(paths.count)
        for (index, path) in paths.enumerated() {
            let hash = Self.hash(path[...])
            if files[hash] == nil { files[hash] = index }
            var folder = path[...]
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                let hash = Self.hash(folder)
                guard folders[hash] == nil else { break }
                folders[hash] = index
            }
        }
        (self.paths, self.files, self.folders) = (paths, files, folders)
    }

    /// The index of the page written at `path`.
    func page(at path: String) -> Int? {
        guard let index = files[Self.hash(path[...])] else { return nil }
        // Two paths with one hash: the first is listed, the other is looked for.
        return paths[index] == path ? index : paths.firstIndex(of: path)
    }

    /// A page inside the folder `path` (a path relative to the output, without `/` at its end).
    func page(inFolder path: String) -> String? {
        guard let index = folders[Self.hash(path[...])] else { return nil }
        let prefix = path + "/"
        return paths[index].hasPrefix(prefix) ? paths[index] : paths.first { $0.hasPrefix(prefix) }
    }

    private static func hash(_ path: Substring) -> UInt64 {
        var hash = ContentHash()
        hash.add(path.utf8)
        return hash.value
    }
}

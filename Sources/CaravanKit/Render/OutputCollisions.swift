/// Files from `Public/` and story folders that would land where the site puts a page (or a
/// folder of pages): found before anything is written, each named with what it collides
/// with, instead of one silently replacing the other.
enum OutputCollisions {
    static func check(_ plan: RenderPlan, site: ResolvedSite) -> [Diagnostic] {
        var made: [String: String] = [:]  // output path → the source file published there
        func maker(of path: String) -> String? {
            if let page = plan.addresses.files[path] {
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
            if let page = plan.addresses.folders[path] {
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
/// for a plan's shape: an edit of bodies keeps it.
struct PageAddresses: Sendable {
    /// Output path → the index of the page written there.
    let files: [String: Int]
    /// Output folder → a page inside it.
    let folders: [String: String]

    init(paths: [String]) {
        var files: [String: Int] = [:]
        files.reserveCapacity(paths.count)
        var folders: [String: String] = [:]
        for (index, path) in paths.enumerated() {
            files[path] = index
            var folder = SiteWriter.folder(of: path)
            while !folder.isEmpty, folders[folder] == nil {
                folders[folder] = path
                folder = SiteWriter.folder(of: folder)
            }
        }
        self.files = files
        self.folders = folders
    }
}

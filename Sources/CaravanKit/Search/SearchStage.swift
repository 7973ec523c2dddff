/// The search index of every language as files of the site. A long-lived builder (serve)
/// keeps the last build's files, so that when only story bodies changed since, only the
/// shards and chunks those stories reach are cut again; any other change cuts all of it.
struct SearchStage {
    let site: ResolvedSite
    /// The last build's site and index files, by language, when only bodies changed since.
    var previous: (site: ResolvedSite, files: [String: SearchIndex.Files])?

    struct Output: Sendable {
        /// Files to write, by path in the site.
        var files: [String: [UInt8]] = [:]
        /// Files the last build wrote that stay as they are.
        var kept: Set<String> = []
        /// Every language's index, for the next build.
        var indexes: [String: SearchIndex.Files] = [:]
    }

    /// An edit reaching more stories than this is cut in full: as fast, and simpler.
    static let largestUpdate = 32

    func run() -> Output {
        var output = Output()
        output.files[SearchScript.path] = Array(SearchScript.source.utf8)
        for language in site.config.languages.map(\.code) {
            let folder = SearchIndex.folder(language)
            if let last = previous?.files[language], let (files, rewritten) = updated(last, in: language) {
                for path in last.bytes.keys where !rewritten.contains(path) { output.kept.insert(folder + path) }
                for path in rewritten { if let bytes = files.bytes[path] { output.files[folder + path] = bytes } }
                output.indexes[language] = files
            } else {
                let files = SearchIndex(site: site, language: language).files()
                for (path, bytes) in files.bytes { output.files[folder + path] = bytes }
                output.indexes[language] = files
            }
        }
        return output
    }

    /// The last build's files updated for the stories whose bodies changed; nil when the
    /// stories themselves differ (added, removed, moved) or too many changed.
    private func updated(_ last: SearchIndex.Files, in language: String) -> (SearchIndex.Files, Set<String>)? {
        guard let previousSite = previous?.site else { return nil }
        let before = SearchIndex.stories(of: previousSite, in: language)
        let now = SearchIndex.stories(of: site, in: language)
        guard before.count == now.count, now.count == last.documentCount else { return nil }
        var changes: [SearchIndex.Files.Change] = []
        for (id, (old, new)) in zip(before, now).enumerated() {
            guard old.kind == new.kind, old.slug == new.slug else { return nil }
            guard old.translations[language]!.bodyHash != new.translations[language]!.bodyHash else { continue }
            guard changes.count < Self.largestUpdate else { return nil }
            changes.append(.init(id: id, old: .init(story: old, in: language, site: previousSite),
                                 new: .init(story: new, in: language, site: site)))
        }
        return last.updated(with: changes) { SearchIndex.Document(story: now[$0], in: language, site: site) }
    }
}

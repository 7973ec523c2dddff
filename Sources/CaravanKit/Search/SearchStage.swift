/// The search index of every language as files of the site. When the last build's index
/// states are at hand (kept in memory by serve, in the state folder between runs of
/// `caravan build`), only the shards and chunks the edited stories reach are cut again,
/// from the last build's files; any larger change cuts all of it.
struct SearchStage {
    let site: ResolvedSite
    /// What every page shares (`InputKeys.shared`): part of each document's key.
    let shared: UInt64
    /// The last build's index states, by language; empty for a clean build.
    var previous: [String: SearchIndexState] = [:]
    /// The site the last build indexed, when this one's stories are its stories in the same
    /// order (only bodies changed) and it is still in memory (serve): an edited story's
    /// terms as they were come from it, not from the index files.
    var lastSite: ResolvedSite?
    /// The bytes of a file of the last build, by path in the site; nil when it cannot be
    /// read back as it was written.
    var previousFile: @Sendable (String) -> [UInt8]? = { _ in nil }

    struct Output: Sendable {
        /// Files to write, by path in the site.
        var files: [String: [UInt8]] = [:]
        /// Files the last build wrote that stay as they are.
        var kept: Set<String> = []
        /// Every language's index state, for the next build.
        var states: [String: SearchIndexState] = [:]
    }

    /// An edit reaching more stories than this is cut in full: as fast, and simpler.
    static let largestUpdate = 32

    func run() -> Output {
        var output = Output()
        output.files[SearchScript.path] = Array(SearchScript.source.utf8)
        for language in site.config.languages.map(\.code) {
            let folder = SearchIndex.folder(language)
            let stories = SearchIndex.stories(of: site, in: language)
            let keys = stories.map { SearchIndex.key(of: $0, in: language, shared: shared) }
            if let last = previous[language], let (files, rewritten) = updated(last, keys: keys, stories: stories, in: language) {
                for path in last.paths where !rewritten.contains(path) { output.kept.insert(folder + path) }
                for (path, bytes) in files.bytes { output.files[folder + path] = bytes }
                output.states[language] = files.state
            } else {
                var index = SearchIndex(stories: stories, keys: keys, in: language, site: site)
                let files = index.files()
                for (path, bytes) in files.bytes { output.files[folder + path] = bytes }
                output.states[language] = files.state
            }
        }
        return output
    }

    /// The last build's index updated for the documents whose keys changed (a document that
    /// moved to another id counts as changed at both); nil when their number changed or
    /// too many changed.
    private func updated(_ last: SearchIndexState, keys: [UInt64], stories: [Story], in language: String)
        -> (SearchIndex.Files, Set<String>)? {
        guard keys.count == last.documentCount else { return nil }
        let changed = keys.indices.filter { keys[$0] != last.documentKeys[$0] }
        guard changed.count <= Self.largestUpdate else { return nil }
        func document(_ id: Int) -> SearchIndex.Document { SearchIndex.Document(story: stories[id], in: language, site: site) }
        let folder = SearchIndex.folder(language)
        var lastIndexed: [Int: SearchIndex.Document]?
        if let lastSite {
            let lastStories = SearchIndex.stories(of: lastSite, in: language)
            if lastStories.count == stories.count, changed.allSatisfy({ lastStories[$0].slug == stories[$0].slug }) {
                lastIndexed = Dictionary(uniqueKeysWithValues: changed.map {
                    ($0, SearchIndex.Document(story: lastStories[$0], in: language, site: lastSite))
                })
            }
        }
        return last.updated(changing: Dictionary(uniqueKeysWithValues: changed.map { ($0, document($0)) }), lastIndexed: lastIndexed,
                            keys: keys, previousFile: { previousFile(folder + $0) }, document: document)
    }
}

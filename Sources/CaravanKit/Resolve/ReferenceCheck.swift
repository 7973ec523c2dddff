/// Checks every id one piece of content uses to name another: corridors and nodes in the
/// data file, the source article of each figure, the corridors of each article.
/// Unknown ids get a did-you-mean; duplicate ids name both lines.
struct ReferenceCheck {
    let site: LoadedSite

    func run() -> [Diagnostic] {
        let data = site.data
        let file = CorridorData.path
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicates(data.corridors.map { ($0.id, $0.location) }, what: "corridor")
        diagnostics += duplicates(data.nodes.map { ($0.id, $0.location) }, what: "node")
        diagnostics += duplicates(data.figures.map { ($0.id, $0.location) }, what: "figure")
        diagnostics += duplicates(data.tags.map { ($0.id, $0.location) }, what: "tag", file: Tag.path)

        let corridorIDs = data.corridors.map(\.id)
        let nodeIDs = data.nodes.map(\.id)
        let knownCorridors = Set(corridorIDs)
        // Lazily: a filtered copy of every document would copy each one's text and front matter.
        let articleSlugSet = Set(site.documents.lazy.filter { $0.kind == .article }.map(\.slug))
        for node in data.nodes {
            for corridor in node.corridors {
                diagnostics += unknown(corridor, in: corridorIDs, what: "corridor", file: file)
            }
        }
        for figure in data.figures {
            if let corridor = figure.corridor { diagnostics += unknown(corridor, in: corridorIDs, what: "corridor", file: file) }
            if let node = figure.node { diagnostics += unknown(node, in: nodeIDs, what: "node", file: file) }
            if !articleSlugSet.contains(figure.source.text) {
                let pages = Set(site.documents.lazy.filter { $0.kind == .page }.map(\.slug))
                let why = pages.contains(figure.source.text) ? "is a page, not an article" : "is not an article (there is no Content/articles/\(figure.source.text)/)"
                diagnostics.append(.error(
                    file, figure.source.location, "the source `\(figure.source.text)` of figure `\(figure.id)` \(why)",
                    hint: Suggestion.hint(for: figure.source.text, expected: articleSlugSet.sorted(),
                                          noun: "the folder name of the article that reported it, one of")))
            }
        }
        let tagIDs = data.tags.map(\.id)
        let knownTags = Set(tagIDs)
        // Every story names a few: checked against sets, and only an unknown one is looked at closer.
        for document in site.documents {
            for corridor in document.frontMatter.corridors where !knownCorridors.contains(corridor.text) {
                diagnostics += unknown(corridor, in: corridorIDs, what: "corridor", file: document.path).map { withSource($0, document.text) }
            }
            for tag in document.frontMatter.tags where !knownTags.contains(tag.text) {
                diagnostics += unknown(tag, in: tagIDs, what: "tag", file: document.path, definedIn: Tag.path).map { withSource($0, document.text) }
            }
        }
        // Show the data file's line under each of its diagnostics, as for every other file.
        return diagnostics.map { diagnostic in site.yamlTexts[diagnostic.file].map { withSource(diagnostic, $0) } ?? diagnostic }
    }

    private func unknown(
        _ reference: FrontMatter.Reference, in ids: [String], what: String, file: String, definedIn: String = CorridorData.path
    ) -> [Diagnostic] {
        guard !ids.contains(reference.text) else { return [] }
        return [.error(
            file, reference.location, "unknown \(what) `\(reference.text)`",
            hint: ids.isEmpty
                ? "define \(what)s in \(definedIn) first"
                : Suggestion.hint(for: reference.text, expected: ids, noun: "a \(what) id of \(definedIn):")
                    + " (to add a new one, give it a name per language in \(definedIn))")]
    }

    private func duplicates(_ entries: [(id: String, location: SourceLocation)], what: String, file: String = CorridorData.path) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for (id, location) in entries {
            if let earlier = first[id] {
                diagnostics.append(.error(
                    file, location, "\(what) id `\(id)` is used twice, on lines \(earlier.line) and \(location.line)",
                    hint: "ids must be unique: rename one of them"))
            } else {
                first[id] = location
            }
        }
        return diagnostics
    }
}

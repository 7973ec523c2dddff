/// Renders every published document's Markdown on all cores, then checks what the
/// Markdown refers to: pictures must exist in the story's folder.
struct MarkdownStage {
    let site: ResolvedSite

    func run() -> (RenderedDocuments, [Diagnostic]) {
        var renderers: [String: MarkdownRenderer] = [:]
        for language in site.config.languages {
            renderers[language.code] = MarkdownRenderer(
                allowsRawHTML: site.config.unsafeHTML, tableLabel: site.strings[language.code]?["table_label"] ?? "")
        }
        let documents = (site.articles + site.pages).flatMap { story in
            story.translations.keys.sorted().map { (story, $0) }
        }
        let rendered = documents.map { $0.0.translations[$0.1]! }.concurrentMap { [renderers] document in
            renderers[document.language]!.render(document.body, firstLine: document.bodyFirstLine)
        }
        var result = RenderedDocuments()
        result.strings = site.strings
        var diagnostics: [Diagnostic] = []
        var assetNames: [String: Set<String>] = [:]
        for asset in site.assets {
            assetNames["\(asset.kind.folder)/\(asset.slug)", default: []].insert(asset.name)
        }
        for ((story, language), markdown) in zip(documents, rendered) {
            result[story, language] = markdown
            let document = story.translations[language]!
            let available = assetNames["\(story.kind.folder)/\(story.slug)"] ?? []
            var pictures = markdown.images.map { ($0.url, $0.location) }
            if let image = document.frontMatter.image {
                pictures.append((image.text, image.location))
            }
            for (url, location) in pictures {
                guard let name = Self.localFileName(url), !available.contains(name) else { continue }
                diagnostics.append(withSource(.error(
                    document.path, location, "picture `\(url)` does not exist in Content/\(story.kind.folder)/\(story.slug)/",
                    hint: available.isEmpty
                        ? "put the picture file in the story's folder, beside \(language).md"
                        : Suggestion.hint(for: name, expected: available.sorted(), noun: "a file of the folder:")), document.text))
            }
        }
        return (result, diagnostics)
    }

    /// The file a relative URL names inside the story folder; nil for web addresses,
    /// site-absolute paths and anchors, which are not story files.
    static func localFileName(_ url: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.contains(":") else { return nil }
        var name = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        name = name.split(separator: "?", maxSplits: 1).first.map(String.init) ?? name
        while name.hasPrefix("./") { name.removeFirst(2) }
        return name.removingPercentEncoding ?? name
    }
}

import Foundation

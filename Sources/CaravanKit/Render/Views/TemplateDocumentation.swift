/// The part of `Templates/README.md` that lists, for each page kind, the names its template
/// may use: written from `PageSchemas`, the declarations the template compiler checks
/// against, so the two cannot drift apart (a test compares them; `make template-docs`
/// rewrites the README's copy).
public enum TemplateDocumentation {
    /// The lines around the written part of the README.
    public static let start = "<!-- names: written from Sources/CaravanKit/Render/Views/PageSchemas.swift by `make template-docs`; do not edit by hand -->"
    public static let end = "<!-- end of names -->"

    /// The tables, one per page kind after the one for every page.
    public static var markdown: String {
        var text = "### Every page\n\n" + table(PageSchemas.base(uiStrings: nil))
        for kind in PageSchemas.kinds {
            text += "\n### `\(kind.template)`: \(kind.title)\n\n" + table(kind.own)
        }
        return text
    }

    /// `readme` with its written part replaced by `markdown`; nil if it has no such part.
    public static func updating(_ readme: String) -> String? {
        guard let startRange = readme.range(of: start + "\n"), let endRange = readme.range(of: end, range: startRange.upperBound..<readme.endIndex)
        else { return nil }
        return readme.replacingCharacters(in: startRange.upperBound..<endRange.lowerBound, with: markdown)
    }

    private static func table(_ schema: TemplateSchema) -> String {
        "| name | holds | what it is |\n| --- | --- | --- |\n" + rows(schema, path: []).joined(separator: "\n") + "\n"
    }

    /// A row per name, members under their group: `article.title`, and `tags` → `name` for
    /// what `{{#tags}}…{{/tags}}` offers once per item.
    private static func rows(_ schema: TemplateSchema, path: [String]) -> [String] {
        schema.fields.flatMap { field -> [String] in
            var segments = path.isEmpty ? [""] : path
            segments[segments.count - 1] += segments[segments.count - 1].isEmpty ? field.name : ".\(field.name)"
            let shown = segments.map { "`\($0)`" }.joined(separator: " → ")
            let holds = field.type.description + (field.isOptional ? ", or absent" : "")
            let row = "| \(shown) | \(holds) | \(field.summary) |"
            switch field.type {
            case .object(let members), .objectOrNo(let members):
                return [row] + rows(members, path: segments)
            case .list(let item):
                return [row] + (item.schema.map { rows($0, path: segments + [""]) } ?? [])
            case .text, .flag, .textOrNo:
                return [row]
            }
        }
    }
}

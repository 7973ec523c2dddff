/// JSON-LD for search engines: schema.org `NewsArticle` on article pages. Written by hand
/// (a fixed shape, every value a string) because JSONSerialization cost a tenth of a build.
enum StructuredData {
    static func newsArticle(_ document: SourceDocument, language: Language, route: Route, site: ResolvedSite) -> String {
        let frontMatter = document.frontMatter
        let siteName = site.config.title[language.code] ?? ""
        var fields: [(String, String)] = [
            ("\"@context\"", string("https://schema.org")),
            ("\"@type\"", string("NewsArticle")),
            ("\"headline\"", string(frontMatter.title)),
            ("\"datePublished\"", string(frontMatter.date.rfc3339)),
            ("\"dateModified\"", string((frontMatter.updated ?? frontMatter.date).rfc3339)),
            ("\"inLanguage\"", string(language.htmlLang)),
            ("\"author\"", "{\"@type\":\(string(frontMatter.author == nil ? "Organization" : "Person")),\"name\":\(string(frontMatter.author ?? siteName))}"),
            ("\"publisher\"", "{\"@type\":\"Organization\",\"name\":\(string(siteName))}"),
        ]
        if let summary = frontMatter.summary { fields.append(("\"description\"", string(summary))) }
        if let url = route.absoluteURL(in: site.config) {
            fields.append(("\"mainEntityOfPage\"", string(url)))
            if let image = frontMatter.image {
                fields.append(("\"image\"", string(url + (MarkdownStage.localFileName(image.text) ?? image.text))))
            }
        }
        return "{" + fields.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal. `<`, `>` and `&` are written as escapes too: inside `<script>`,
    /// "</script" would otherwise end the element early.
    static func string(_ text: String) -> String {
        // Most values need no escape: a byte scan then, not a walk over Unicode scalars.
        // (0xE2 leads U+2028 and U+2029, which must be escaped; its other uses take the walk.)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

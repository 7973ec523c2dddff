import Foundation

/// JSON-LD for search engines: schema.org `NewsArticle` on article pages.
enum StructuredData {
    static func newsArticle(_ document: SourceDocument, language: Language, route: Route, site: ResolvedSite) -> String {
        let frontMatter = document.frontMatter
        let siteName = site.config.title[language.code] ?? ""
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": frontMatter.title,
            "datePublished": frontMatter.date.rfc3339,
            "dateModified": (frontMatter.updated ?? frontMatter.date).rfc3339,
            "inLanguage": language.htmlLang,
            "author": ["@type": frontMatter.author == nil ? "Organization" : "Person", "name": frontMatter.author ?? siteName],
            "publisher": ["@type": "Organization", "name": siteName],
        ]
        if let summary = frontMatter.summary { object["description"] = summary }
        if let url = route.absoluteURL(in: site.config) {
            object["mainEntityOfPage"] = url
            if let image = frontMatter.image { object["image"] = url + (MarkdownStage.localFileName(image.text) ?? image.text) }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let json = String(data: data, encoding: .utf8) else { return "" }
        // Inside <script>, "</script" would end the element early: write <, > and & as JSON
        // escapes, which parse back to the same text.
        return json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}

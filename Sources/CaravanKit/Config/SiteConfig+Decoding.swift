import Foundation

extension SiteConfig {
    static let keys = ["title", "description", "baseURL", "languages", "unsafe_html", "paginate", "search", "timeZone"]
    static let languageKeys = ["code", "html_lang", "name", "locale"]

    /// Decodes `site.yaml`; returns nil when the file is too broken to build anything.
    static func decode(_ root: YAMLNode, file: String) -> (SiteConfig?, [Diagnostic]) {
        var reader = FieldReader(root, file: file, what: "site.yaml")
        reader.rejectUnknownKeys(allowed: keys)
        let languages = decodeLanguages(&reader)
        let codes = languages.map(\.code)
        let title = reader.localized("title", languages: codes)
        let description = reader.localized("description", languages: codes)
        var baseURL = reader.string("baseURL", example: "https://example.com/")
        if let url = baseURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            reader.error(at: reader.location(of: "baseURL"), "`baseURL` must start with https:// or http://",
                         hint: "write the address readers use, e.g. `baseURL: https://caravan.example.com/`")
            baseURL = nil
        }
        let unsafeHTML = reader.bool("unsafe_html") ?? false
        let pageSize = reader.positiveInteger("paginate", maximum: 1000, example: "20") ?? 20
        let search = reader.bool("search") ?? true
        let timeZone = decodeTimeZone(&reader)
        guard !languages.isEmpty else { return (nil, reader.diagnostics) }
        var config = SiteConfig(
            languages: languages, title: title, description: description, baseURL: baseURL,
            unsafeHTML: unsafeHTML, pageSize: pageSize)
        config.search = search
        config.timeZone = timeZone
        return (config, reader.diagnostics)
    }

    /// `timeZone: Europe/Berlin`: an IANA zone name; Beijing time when there is none.
    private static func decodeTimeZone(_ reader: inout FieldReader) -> TimeZone {
        guard let name = reader.string("timeZone", example: "Asia/Shanghai") else { return defaultTimeZone }
        if let zone = TimeZone(identifier: name), name.contains("/") || name == "UTC" { return zone }
        let known = TimeZone.knownTimeZoneIdentifiers + ["UTC"]
        reader.error(at: reader.location(of: "timeZone"), "unknown time zone `\(name)`",
                     hint: Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
                        ?? "write a zone name such as `Asia/Shanghai`, `Europe/Berlin` or `UTC`")
        return defaultTimeZone
    }

    private static func decodeLanguages(_ reader: inout FieldReader) -> [Language] {
        let example = "[{code: zh, html_lang: zh-Hans, name: 中文, locale: zh_CN}, {code: en, html_lang: en, name: English, locale: en_US}]"
        guard let node = reader.node("languages") else {
            reader.error(at: nil, "missing required key `languages`", hint: "add `languages: \(example)`")
            return []
        }
        guard case .sequence(let items, _) = node, !items.isEmpty else {
            reader.error(at: node.location, "`languages` must be a non-empty list", hint: "write `languages: \(example)`")
            return []
        }
        var languages: [Language] = []
        for item in items {
            var entry = FieldReader(item, file: reader.file, what: "a language")
            entry.rejectUnknownKeys(allowed: languageKeys)
            let code = entry.string("code", required: true, example: "en")
            let htmlLang = entry.string("html_lang", example: "en")
            let name = entry.string("name", required: true, example: "English")
            let locale = entry.string("locale", example: "en_US")
            if let code, !Slug.isValid(code) {
                entry.error(at: entry.location(of: "code"), "language code `\(code)` may hold only a-z, 0-9 and -",
                            hint: "use a short code such as `en`, `zh`, `ru`")
            } else if let code, languages.contains(where: { $0.code == code }) {
                entry.error(at: entry.location(of: "code"), "language `\(code)` is declared twice",
                            hint: "list each language once")
            } else if let code, let name {
                languages.append(Language(
                    code: code, htmlLang: htmlLang ?? code, name: name,
                    locale: locale ?? (htmlLang ?? code).replacingOccurrences(of: "-", with: "_")))
            }
            reader.diagnostics(append: entry.diagnostics)
        }
        return languages
    }
}

extension FieldReader {
    mutating func diagnostics(append more: [Diagnostic]) {
        for diagnostic in more { report(diagnostic) }
    }
}

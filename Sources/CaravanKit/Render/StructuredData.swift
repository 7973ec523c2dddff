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
            ("\"dateModified\"", string(frontMatter.lastModified.rfc3339)),
            ("\"inLanguage\"", string(language.htmlLang)),
            ("\"author\"", "{\"@type\":\(string(frontMatter.author == nil ? "Organization" : "Person")),\"name\":\(string(frontMatter.author ?? siteName))}"),
            ("\"publisher\"", "{\"@type\":\"Organization\",\"name\":\(string(siteName))}"),
        ]
        if let summary = frontMatter.summary { fields.append(("\"description\"", string(summary))) }
        if !frontMatter.corrections.isEmpty {
            let corrections = frontMatter.corrections.map { correction in
                "{\"@type\":\"CorrectionComment\",\"datePublished\":\(string(correction.date.rfc3339)),\"text\":\(string(correction.text))}"
            }
            fields.append(("\"correction\"", "[" + corrections.joined(separator: ",") + "]"))
        }
        if let url = route.absoluteURL(in: site.config) {
            fields.append(("\"mainEntityOfPage\"", string(url)))
            if let image = frontMatter.image {
                fields.append(("\"image\"", string(url + (MarkdownStage.localFileName(image.text) ?? image.text))))
            }
        }
        return "{" + fields.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal. `<`, `>` and `&` are written as escapes too: inside `<script>`,
    /// "</script" would otherwise end the element early; U+2028 and U+2029 too, for old
    /// JavaScript parsers. Works on UTF-8 bytes: Chinese titles and summaries are full of
    /// “quotes” and dashes, which need no escape but share their lead byte with U+2028.
    static func string(_ text: String) -> String {
        let utf8 = text.utf8
        guard needsEscapes(utf8) else { return "\"" + text + "\"" }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(utf8.count + 2)
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x3C, 0x3E, 0x26, 0..<0x20: bytes += Array("\\u00".utf8) + hexDigits(byte)
            case 0xA8...0xA9 where previous == (0xE2, 0x80):
                // U+2028 or U+2029, whose first two bytes are already written.
                bytes.removeLast(2)
                bytes += Array("\\u202".utf8) + [byte == 0xA8 ? 0x38 : 0x39]
            default: bytes.append(byte)
            }
            previous = (previous.1, byte)
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscapes(_ utf8: String.UTF8View) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26
                || ((byte == 0xA8 || byte == 0xA9) && previous == (0xE2, 0x80)) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    private static func hexDigits(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}

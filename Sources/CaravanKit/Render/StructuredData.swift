/// JSON-LD for search engines: schema.org `NewsArticle` on article pages. Written by hand
/// into one byte buffer (a fixed shape, every value a string): JSONSerialization cost a
/// tenth of a build, and a string per field still showed in profiles.
enum StructuredData {
    static func newsArticle(_ document: SourceDocument, language: Language, route: Route, site: ResolvedSite) -> String {
        let frontMatter = document.frontMatter
        let siteName = site.config.title[language.code] ?? ""
        var json = JSONObject()
        json.add("@context", "https://schema.org")
        json.add("@type", "NewsArticle")
        json.add("headline", frontMatter.title)
        json.add("datePublished", frontMatter.date.rfc3339)
        json.add("dateModified", frontMatter.lastModified.rfc3339)
        json.add("inLanguage", language.htmlLang)
        json.add("author") { author in
            author.add("@type", frontMatter.author == nil ? "Organization" : "Person")
            author.add("name", frontMatter.author ?? siteName)
        }
        json.add("publisher") { publisher in
            publisher.add("@type", "Organization")
            publisher.add("name", siteName)
        }
        if let summary = frontMatter.summary { json.add("description", summary) }
        if !frontMatter.corrections.isEmpty {
            json.add("correction", list: frontMatter.corrections) { item, correction in
                item.add("@type", "CorrectionComment")
                item.add("datePublished", correction.date.rfc3339)
                item.add("text", correction.text)
            }
        }
        if let url = route.absoluteURL(in: site.config) {
            json.add("mainEntityOfPage", url)
            if let image = frontMatter.image {
                json.add("image", url + (MarkdownStage.localFileName(image.text) ?? image.text))
            }
        }
        return json.text
    }

    /// A JSON string literal. `<`, `>` and `&` are written as escapes too: inside `<script>`,
    /// "</script" would otherwise end the element early; U+2028 and U+2029 too, for old
    /// JavaScript parsers. Works on UTF-8 bytes: Chinese titles and summaries are full of
    /// “quotes” and dashes, which need no escape but share their lead byte with U+2028.
    static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `string(text)` appended to `bytes`. Text between the bytes that need a look is copied
    /// a run at a time: byte by byte, this was a percent of a build.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices where needsLook[Int(utf8[index])] {
                bytes += UnsafeBufferPointer(rebasing: utf8[runStart..<index])
                runStart = index + 1
                let byte = utf8[index]
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                case 0x3C, 0x3E, 0x26, 0..<0x20: bytes += [0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 or U+2029.
                    bytes += Array("\\u202".utf8) + [utf8[index + 2] == 0xA8 ? 0x38 : 0x39]
                    runStart = index + 3
                default: runStart = index
                }
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[runStart...])
        }
        bytes.append(0x22)
    }

    /// The bytes `appendString` looks at: those it escapes, and the lead byte of U+2028/9.
    private static let needsLook: [Bool] = (0...255).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }
}

/// A JSON object written field by field, in order, as UTF-8.
private struct JSONObject {
    private var bytes: [UInt8] = [0x7B]

    mutating func add(_ name: String, _ value: String) {
        key(name)
        StructuredData.appendString(value, to: &bytes)
    }

    mutating func add(_ name: String, object: (inout JSONObject) -> Void) {
        key(name)
        bytes += Self.object(object)
    }

    mutating func add<T>(_ name: String, list: [T], item: (inout JSONObject, T) -> Void) {
        key(name)
        bytes.append(0x5B)
        for (index, element) in list.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            bytes += Self.object { item(&$0, element) }
        }
        bytes.append(0x5D)
    }

    var text: String { String(decoding: bytes + [0x7D], as: UTF8.self) }

    private static func object(_ fill: (inout JSONObject) -> Void) -> [UInt8] {
        var object = JSONObject()
        fill(&object)
        return object.bytes + [0x7D]
    }

    private mutating func key(_ name: String) {
        if bytes.count > 1 { bytes.append(0x2C) }
        StructuredData.appendString(name, to: &bytes)
        bytes.append(0x3A)
    }
}

import Foundation

/// Writes a language's constants into a copy of each template when the templates compile:
/// in the English copy, `{{i18n.published}}` becomes `Published`. A page renders with its
/// language's copy, so Mustache looks up about fifteen fewer names per page, each a few
/// microseconds of dynamic casts in swift-mustache (see `TemplateValue+Mustache.swift`).
///
/// Only names under `i18n` and `lang` are constants: they are set once, at the top of every
/// page's context (`PageContext.languageValues`), and no value below the top has either
/// name, so a template means the same by them inside any section as outside. Anything that
/// could make a tag mean something else leaves the templates as they are (`isSafe`).
enum TemplateInlining {
    /// The names a page's language fixes: `i18n.<key>` and `lang.<field>`, with their text.
    static func constants(_ values: TemplateObject) -> [String: String] {
        var constants: [String: String] = [:]
        for (group, value) in values {
            guard case .object(let members) = value else { continue }
            for (name, member) in members where !name.contains(".") {
                if case .text(let text) = member { constants[group + "." + name] = text }
            }
        }
        return constants
    }

    /// Whether inlining keeps every template's meaning: no template changes delimiters or
    /// content type (`{{=…=}}`, `{{%…}}`), and none opens a section on `i18n` or `lang`,
    /// inside which (and inside any partial it includes) their names would mean members.
    static func isSafe(_ templates: [String]) -> Bool {
        for text in templates {
            for tag in tags(in: text) {
                let body = text[tag.body].drop { $0 == " " }
                guard let first = body.first else { continue }
                if first == "=" || first == "%" { return false }
                if first == "#" || first == "^" {
                    let name = body.dropFirst().trimmingCharacters(in: .whitespaces)
                    let root = name.prefix { $0 != "." }
                    if root == "i18n" || root == "lang" { return false }
                }
            }
        }
        return true
    }

    /// `text` with every `{{name}}`, `{{{name}}}` and `{{& name}}` of a constant replaced by
    /// its text, HTML-escaped for `{{name}}`. A value that is empty, blank or holds a brace
    /// or a line break stays a tag: it could change which lines Mustache treats as
    /// standalone, or add tags.
    static func inline(_ constants: [String: String], in text: String) -> String {
        var result = ""
        var copied = text.startIndex
        for tag in tags(in: text) {
            var body = text[tag.body]
            let isRaw = body.first == "{" || body.first == "&"
            if body.first == "{" {
                guard body.last == "}" else { continue }
                body = body.dropFirst().dropLast()
            } else if body.first == "&" {
                body = body.dropFirst()
            }
            let name = body.trimmingCharacters(in: .whitespaces)
            guard let value = constants[name], isInlinable(value) else { continue }
            result += text[copied..<tag.whole.lowerBound]
            result += isRaw ? value : HTMLEscaping.escape(value)
            copied = tag.whole.upperBound
        }
        return copied == text.startIndex ? text : result + text[copied...]
    }

    private static func isInlinable(_ value: String) -> Bool {
        !value.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == 10 || $0 == 13 }
            && value.contains { !$0.isWhitespace }
    }

    /// Each `{{…}}` of a template: the whole tag and what is between the braces (for a
    /// triple mustache, the inner braces included).
    private static func tags(in text: String) -> [(whole: Range<String.Index>, body: Range<String.Index>)] {
        var result: [(Range<String.Index>, Range<String.Index>)] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let isTriple = rest[open.upperBound...].hasPrefix("{")
            guard let close = rest[open.upperBound...].range(of: isTriple ? "}}}" : "}}") else { break }
            let bodyEnd = isTriple ? text.index(after: close.lowerBound) : close.lowerBound
            result.append((open.lowerBound..<close.upperBound, open.upperBound..<bodyEnd))
            rest = text[close.upperBound...]
        }
        return result
    }
}

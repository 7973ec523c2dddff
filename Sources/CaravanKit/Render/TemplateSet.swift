import Mustache

/// The swift-mustache adapter: with `TemplateValue+Mustache.swift`, the only code that
/// imports it.
///
/// Mustache renders a missing partial or an unknown template as empty text; this adapter
/// checks every partial name when the templates load and throws on an unknown template,
/// so a typo is a build error instead of a silently empty page.
struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// The same templates with each language's constants written in, by language code.
    private var libraries: [String: MustacheLibrary] = [:]
    private let names: Set<String>

    /// A fingerprint of everything `compile` reads: the templates, and the settings and UI
    /// strings (the languages' constants written in) as their YAML texts.
    static func key(_ loaded: LoadedSite) -> UInt64 {
        var hash = ContentHash()
        for template in loaded.templates.sorted(by: { $0.path < $1.path }) {
            hash.add(template.path)
            hash.add(template.text)
        }
        for path in loaded.yamlTexts.keys.sorted() where path == "Content/site.yaml" || path.hasPrefix("Content/i18n/") {
            hash.add(path)
            hash.add(loaded.yamlTexts[path]!)
        }
        return hash.value
    }

    /// Compiles every template once, and once more for each language of `languageValues`
    /// (code → `PageContext.languageValues`) with its constants inlined; problems come
    /// back as diagnostics naming file and line.
    static func compile(
        _ sources: [TemplateSource], strings: [String: UIStrings], languageValues: [String: TemplateObject] = [:]
    ) -> (TemplateSet, [Diagnostic]) {
        _ = Self.registered
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for source in sources {
            do {
                // Every template (partials too: the library resets the escaper for each)
                // starts by selecting the byte-level escaper; on the same line, so line
                // numbers in errors stay the editor's.
                library.register(try MustacheTemplate(string: Self.pragma + source.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    .error, file: source.path, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: "template syntax error: \(error.error)", hint: "check that every {{#section}} has its {{/section}}",
                    sourceLine: error.context.line))
            } catch {
                diagnostics.append(.error(source.path, nil, "template syntax error: \(error)", hint: "check the {{…}} tags"))
            }
        }
        let names = Set(sources.map(\.name))
        for source in sources {
            diagnostics += TemplateReferences.check(source, templateNames: names, strings: strings)
        }
        var templates = TemplateSet(library: library, names: names)
        if !diagnostics.hasErrors, TemplateInlining.isSafe(sources.map(\.text)) {
            for (code, values) in languageValues {
                let constants = TemplateInlining.constants(values)
                let inlined = sources.compactMap { source in
                    (try? MustacheTemplate(string: Self.pragma + TemplateInlining.inline(constants, in: source.text))).map { (source.name, $0) }
                }
                // Inlining only replaces whole variable tags; should a copy still not parse,
                // that language keeps the original templates.
                if inlined.count == sources.count {
                    templates.libraries[code] = MustacheLibrary(templates: Dictionary(inlined) { first, _ in first })
                }
            }
        }
        return (templates, diagnostics)
    }

    /// swift-mustache's own HTML escaper walks Characters through a dictionary; it was
    /// the largest single cost of rendering. This one works on bytes, same output.
    private struct ByteHTMLEscaper: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    private static let pragma = "{{% CONTENT_TYPE: CARAVANHTML }}"
    private static let registered: Void = MustacheContentTypes.register(ByteHTMLEscaper(), named: "CARAVANHTML")

    struct UnknownTemplate: Error {
        var name: String
    }

    /// Renders `context` with a template; `language` is the code whose constants the
    /// context's `lang` and `i18n` hold ("" for none).
    func render(_ name: String, language: String = "", _ context: TemplateObject) throws(UnknownTemplate) -> String {
        let library = libraries[language] ?? self.library
        guard names.contains(name), let text = library.render(MustacheObject(values: context), withTemplate: name) else {
            throw UnknownTemplate(name: name)
        }
        return text
    }

    func contains(_ name: String) -> Bool { names.contains(name) }
}

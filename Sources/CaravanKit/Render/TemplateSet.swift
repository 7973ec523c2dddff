import Mustache

/// The swift-mustache adapter: with `TemplateValue+Mustache.swift`, the only code that
/// imports it.
///
/// Mustache renders a missing partial or an unknown template as empty text; this adapter
/// checks every partial name when the templates load and throws on an unknown template,
/// so a typo is a build error instead of a silently empty page.
struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    private let names: Set<String>

    /// Compiles every template once; problems come back as diagnostics naming file and line.
    static func compile(_ sources: [TemplateSource], strings: [String: UIStrings]) -> (TemplateSet, [Diagnostic]) {
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
        return (TemplateSet(library: library, names: names), diagnostics)
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

    /// Renders `context` with a template.
    func render(_ name: String, _ context: TemplateObject) throws(UnknownTemplate) -> String {
        guard names.contains(name), let text = library.render(MustacheObject(values: context), withTemplate: name) else {
            throw UnknownTemplate(name: name)
        }
        return text
    }

    func contains(_ name: String) -> Bool { names.contains(name) }
}

import Mustache

/// The swift-mustache adapter: the only file that imports it.
///
/// Mustache renders a missing partial or an unknown template as empty text; this adapter
/// checks every partial name when the templates load and throws on an unknown template,
/// so a typo is a build error instead of a silently empty page.
struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    private let names: Set<String>

    /// Compiles every template once; problems come back as diagnostics naming file and line.
    static func compile(_ sources: [TemplateSource], strings: [String: UIStrings]) -> (TemplateSet, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for source in sources {
            do {
                library.register(try MustacheTemplate(string: source.text), named: source.name)
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

    struct UnknownTemplate: Error {
        var name: String
    }

    /// Renders `context` (dictionaries, arrays, strings and booleans only) with a template.
    func render(_ name: String, _ context: [String: Any]) throws(UnknownTemplate) -> String {
        guard names.contains(name), let text = library.render(context, withTemplate: name) else {
            throw UnknownTemplate(name: name)
        }
        return text
    }

    func contains(_ name: String) -> Bool { names.contains(name) }
}

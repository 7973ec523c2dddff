/// The site's templates, compiled: one program per page kind and language, each name in it
/// checked against what the page kind offers (`PageSchemas`) when the templates load, so a
/// misspelt name is an error at its line and column instead of an empty element on every
/// page. The only code that knows templates are Mustache.
struct TemplateSet: Sendable {
    /// Programs by language code, then by template name.
    private var programs: [String: [String: CompiledTemplate]] = [:]
    /// The language whose programs pages without one (landing, 404) use.
    private var defaultLanguage = ""

    struct UnknownTemplate: Error {
        var name: String
    }

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

    /// Parses every template, then compiles each page kind's for each language of
    /// `languages` (code and `PageContext.languageValues`, the default language first);
    /// what is wrong comes back as diagnostics naming file, line and column.
    static func compile(
        _ sources: [TemplateSource], strings: [String: UIStrings], languages: [(code: String, values: TemplateObject)]
    ) -> (TemplateSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parsed: [String: (source: TemplateSource, nodes: [TemplateNode])] = [:]
        for source in sources {
            do {
                parsed[source.name] = (source, try TemplateParser.parse(source.text))
            } catch {
                diagnostics.append(withSource(.error(source.path, error.position.location, error.message, hint: error.hint), source.text))
            }
        }
        var set = TemplateSet()
        set.defaultLanguage = languages.first?.code ?? ""
        for (code, values) in languages.isEmpty ? [("", [:])] : languages {
            var compiler = TemplateCompiler(templates: parsed, constants: values,
                                            unparsable: Set(sources.map(\.name)).subtracting(parsed.keys))
            let base = PageSchemas.base(uiStrings: strings[code])
            for (name, _, own) in PageSchemas.kinds {
                guard parsed[name] != nil || sources.contains(where: { $0.name == name }) else {
                    let missing = Diagnostic.error("Templates/\(name).mustache", nil, "the template `\(name)` is missing",
                                                   hint: "every site needs Templates/\(name).mustache; restore it from git")
                    if !diagnostics.contains(missing) { diagnostics.append(missing) }
                    continue
                }
                if let program = compiler.compile(name, schema: base.adding(own)) { set.programs[code, default: [:]][name] = program }
            }
            for diagnostic in compiler.diagnostics where !diagnostics.contains(where: { $0.isSameProblem(as: diagnostic) }) {
                diagnostics.append(diagnostic)
            }
        }
        return (set, diagnostics)
    }

    /// Renders `context` with a page kind's template in `language` ("" for the default).
    func render(_ name: String, language: String = "", _ context: TemplateObject) throws(UnknownTemplate) -> [UInt8] {
        guard let program = programs[language.isEmpty ? defaultLanguage : language]?[name] ?? programs[defaultLanguage]?[name] else {
            throw UnknownTemplate(name: name)
        }
        #if DEBUG
        // The schema is the templates' documentation: a view model that strays from it is a bug.
        let mismatches = program.schema.mismatches(context, except: program.constantNames)
        precondition(mismatches.isEmpty, "the view model of `\(name)` differs from PageSchemas: \(mismatches.joined(separator: ", "))")
        #endif
        var renderer = TemplateRenderer(context)
        renderer.run(program)
        return renderer.output
    }
}

/// A template compiled for one page kind in one language: literal bytes, and look-ups whose
/// names were resolved against the page kind's schema to places on the context stack.
/// Partials and parents are written in, and the language's constants (`lang`, `i18n`) are
/// text already.
struct CompiledTemplate: Sendable {
    /// What the compiler makes: a tree, sections holding their content.
    enum Step: Sendable {
        case bytes([UInt8])
        case value(TemplateLookup, escaped: Bool)
        case section(TemplateLookup, inverted: Bool, body: [Step])
    }

    /// The steps laid flat, as the renderer runs them.
    let program: TemplateProgram
    /// What it was compiled against, and the names written in as constants.
    var schema: TemplateSchema
    var constantNames: Set<String>

    init(steps: [Step], schema: TemplateSchema, constantNames: Set<String>) {
        program = TemplateProgram(steps)
        self.schema = schema
        self.constantNames = constantNames
    }
}

/// Where a name's value is at render time: the context levels that may hold its first part
/// (0 is the innermost), innermost first, then the members to follow. Mustache looks a name
/// up from the innermost context outwards; the levels are those whose schema has the name.
struct TemplateLookup: Sendable {
    var levels: [Int]
    /// ["article", "title"] for `article.title`; empty for `.`, the current item itself.
    var path: [String]
}

/// Resolves every name of a template against the schema of the page kind it renders, with
/// partials and parents written in place, and says exactly where and why when it cannot.
struct TemplateCompiler {
    /// The templates by name, parsed.
    let templates: [String: (source: TemplateSource, nodes: [TemplateNode])]
    /// The names whose values a page's language fixes (`lang`, `i18n`), with those values.
    let constants: TemplateObject
    /// Templates that exist but did not parse: their own error is reported, so including
    /// them says nothing more.
    let unparsable: Set<String>
    private(set) var diagnostics: [Diagnostic] = []
    /// Each template's lines, split once when it first has a problem to show.
    private var lines: [String: [Substring]] = [:]

    init(templates: [String: (source: TemplateSource, nodes: [TemplateNode])], constants: TemplateObject, unparsable: Set<String> = []) {
        self.templates = templates
        self.constants = constants
        self.unparsable = unparsable
    }

    /// What a section shows its content with: named values, or a text (`{{.}}`).
    private enum Frame {
        case object(TemplateSchema)
        case text
    }

    /// What is being compiled: the file its nodes come from, the stack of contexts, the
    /// blocks children fill in, and the chain of templates that led here.
    private struct Place {
        var source: TemplateSource
        var stack: [Frame]
        var blocks: [String: (block: TemplateBlock, source: TemplateSource)]
        var chain: [String]
        var depth: Int
    }

    mutating func compile(_ name: String, schema: TemplateSchema) -> CompiledTemplate? {
        guard let (source, nodes) = templates[name] else { return nil }
        let errorsBefore = diagnostics.count
        let place = Place(source: source, stack: [.object(schema)], blocks: [:], chain: [name], depth: 0)
        let steps = compile(nodes, place)
        guard diagnostics.count == errorsBefore else { return nil }
        return CompiledTemplate(steps: Self.merged(steps), schema: schema, constantNames: Set(constants.keys))
    }

    private mutating func compile(_ nodes: [TemplateNode], _ place: Place) -> [CompiledTemplate.Step] {
        var steps: [CompiledTemplate.Step] = []
        for node in nodes {
            switch node {
            case .text(let text):
                steps.append(.bytes(Array(text.utf8)))
            case .variable(let name, let escaped, let position):
                guard let (lookup, type) = resolve(name, at: position, place) else { continue }
                switch type {
                case .text, .textOrNo, nil:
                    if let constant = constant(lookup, place) {
                        steps.append(.bytes(Array((escaped ? HTMLEscaping.escape(constant) : constant).utf8)))
                    } else {
                        steps.append(.value(lookup, escaped: escaped))
                    }
                case .some(let other):
                    report(position, place, "`\(name)` is a \(other.description), which cannot be shown as text",
                           hint: other.schema == nil ? "use it as a section: `{{#\(name)}}…{{/\(name)}}`"
                               : "show one of its parts, e.g. `{{#\(name)}}{{\(other.schema!.fields.first?.name ?? "name")}}{{/\(name)}}`")
                }
            case .section(let name, let inverted, let body, let position):
                guard let (lookup, type) = resolve(name, at: position, place) else { continue }
                var inner = place
                inner.depth += 1
                if !inverted {
                    switch type {
                    case .object(let schema), .objectOrNo(let schema): inner.stack.append(.object(schema))
                    case .list(let item): inner.stack.append(item.schema.map(Frame.object) ?? .text)
                    case .text, .textOrNo: inner.stack.append(.text)
                    case .flag: break
                    case nil: inner.stack.append(.text)
                    }
                }
                guard inner.depth <= TemplateParser.depthLimit else {
                    report(position, place, "sections and partials are nested more than \(TemplateParser.depthLimit) deep here",
                           hint: "a template this deep is a mistake: look for a partial that includes itself")
                    continue
                }
                steps.append(.section(lookup, inverted: inverted, body: compile(body, inner)))
            case .partial(let name, let indentation, let position):
                guard let (source, nodes) = include(name, as: "partial", at: position, place) else { continue }
                var inner = place
                (inner.source, inner.chain, inner.depth) = (source, place.chain + [name], place.depth + 1)
                steps += Self.indented(compile(nodes, inner), by: indentation)
            case .parent(let name, let blocks, let indentation, let position):
                guard let (source, nodes) = include(name, as: "parent", at: position, place) else { continue }
                let offered = Self.blockNames(in: nodes, templates: templates)
                for (blockName, block) in blocks.sorted(by: { $0.key < $1.key }) where !offered.contains(blockName) {
                    report(block.position, place, "the parent `\(name)` has no block `\(blockName)`",
                           hint: offered.isEmpty ? "`\(name)` has no `{{$…}}` blocks to fill in"
                               : Suggestion.hint(for: blockName, expected: offered.sorted(), noun: "a block of `\(name)`:"))
                }
                var inner = place
                (inner.source, inner.chain, inner.depth) = (source, place.chain + [name], place.depth + 1)
                // A block filled in further down the chain (by a grandchild) wins.
                for (blockName, block) in blocks where inner.blocks[blockName] == nil {
                    inner.blocks[blockName] = (block, place.source)
                }
                steps += Self.indented(compile(nodes, inner), by: indentation)
            case .block(let name, let body, let indentation, _):
                if let (block, source) = place.blocks[name] {
                    var inner = place
                    inner.source = source
                    inner.blocks[name] = nil
                    // The chain shows the hop back into the child: a loop through a block reads
                    // `layout → page's block `content` → layout`.
                    inner.chain.append(Self.blockHop(source.name, name))
                    // As the spec's inheritance module says: what the child wrote loses its own
                    // indentation and, when the block's tag stood alone, takes that of the
                    // block's default content (or of its tag, when it has none).
                    let own = Self.leadingIndentation(block.body)
                    let here = indentation.map { body.isEmpty ? $0 : Self.leadingIndentation(body) } ?? ""
                    steps += Self.indented(compile(Self.dedented(block.body, by: own), inner), by: here)
                } else {
                    steps += compile(body, place)
                }
            }
        }
        return steps
    }

    /// The template a partial or parent tag names, unless it is missing or would include
    /// itself (directly or through others).
    private mutating func include(_ name: String, as what: String, at position: TemplatePosition, _ place: Place)
        -> (TemplateSource, [TemplateNode])? {
        guard let (source, nodes) = templates[name] else {
            if unparsable.contains(name) { return nil }
            report(position, place, "the \(what) `\(name)` does not exist",
                   hint: Suggestion.hint(for: name, expected: templates.keys.sorted(), noun: "a template:")
                       + " (templates are the .mustache files under Templates/, named without the extension)")
            return nil
        }
        if let start = place.chain.firstIndex(of: name) {
            let loop = place.chain[start...] + [name]
            let throughBlock = loop.contains { $0.contains("'s block `") }
            report(position, place, "templates include each other in a loop: \(loop.joined(separator: " → "))",
                   hint: throughBlock ? "a block filled in for `\(name)` cannot include `\(name)`: the page is already inside it"
                       : "a template cannot include itself, directly or through others")
            return nil
        }
        guard place.depth < TemplateParser.depthLimit else {
            report(position, place, "partials are nested more than \(TemplateParser.depthLimit) deep here",
                   hint: "look for partials that include each other")
            return nil
        }
        return (source, nodes)
    }

    // MARK: - Names

    /// The look-up for `name` and the type of what it finds; nil (with a diagnostic) when
    /// the page kind offers no such name here.
    private mutating func resolve(_ name: String, at position: TemplatePosition, _ place: Place) -> (TemplateLookup, TemplateSchema.FieldType?)? {
        if name == "." {
            guard case .text = place.stack.last else {
                report(position, place, "`{{.}}` shows the current item, and here it is not a text",
                       hint: "name what to show, e.g. `{{title}}`")
                return nil
            }
            return (TemplateLookup(levels: [0], path: []), .text)
        }
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else {
            report(position, place, "`\(name)` is not a name", hint: "names are words joined by single dots, e.g. `article.title`")
            return nil
        }
        var levels: [Int] = []
        var type: TemplateSchema.FieldType?
        for (distance, frame) in place.stack.reversed().enumerated() {
            guard case .object(let schema) = frame, let field = schema.field(path[0]) else { continue }
            levels.append(distance)
            if type == nil { type = field.type }
        }
        guard var current = type else {
            let offered = Self.namesOffered(place.stack)
            report(position, place, "unknown name `\(path[0])`",
                   hint: Suggestion.hint(for: path[0], expected: offered, noun: "a name this page offers here:"))
            return nil
        }
        for (index, member) in path.enumerated().dropFirst() {
            guard let schema = current.schema else {
                report(position, place, "`\(path[..<index].joined(separator: "."))` is \(current.description), which has no `\(member)`",
                       hint: "write `{{\(path[..<index].joined(separator: "."))}}`")
                return nil
            }
            guard let field = schema.field(member) else {
                let prefix = path[..<index].joined(separator: ".")
                let names = schema.fields.map(\.name).sorted()
                if let file = schema.definedIn {
                    let add = "add `\(member): …` to \(file)"
                    report(position, place, "unknown name `\(prefix).\(member)`: \(file) does not define `\(member)`",
                           hint: Suggestion.closest(to: member, in: names).map { "did you mean `\(prefix).\($0)`? If not, \(add)" } ?? add)
                } else {
                    report(position, place, "unknown name `\(prefix).\(member)`",
                           hint: Suggestion.hint(for: member, expected: names, noun: "a part of `\(prefix)`:"))
                }
                return nil
            }
            current = field.type
        }
        return (TemplateLookup(levels: levels, path: path), current)
    }

    /// The text of a look-up that can only find a language constant (`{{i18n.published}}`).
    private func constant(_ lookup: TemplateLookup, _ place: Place) -> String? {
        guard lookup.levels == [place.stack.count - 1], let first = lookup.path.first, var value = constants[first] else { return nil }
        for member in lookup.path.dropFirst() {
            guard case .object(let object) = value, let next = object[member] else { return nil }
            value = next
        }
        if case .text(let text) = value { return text }
        return nil
    }

    private static func namesOffered(_ stack: [Frame]) -> [String] {
        var names: Set<String> = []
        for case .object(let schema) in stack { names.formUnion(schema.fields.map(\.name)) }
        return names.sorted()
    }

    /// The blocks a template (and the parents it extends) offers to fill in.
    private static func blockNames(in nodes: [TemplateNode], templates: [String: (source: TemplateSource, nodes: [TemplateNode])],
                                   seen: Set<String> = []) -> Set<String> {
        var names: Set<String> = []
        for node in nodes {
            switch node {
            case .block(let name, let body, _, _):
                names.insert(name)
                names.formUnion(blockNames(in: body, templates: templates, seen: seen))
            case .section(_, _, let body, _):
                names.formUnion(blockNames(in: body, templates: templates, seen: seen))
            case .parent(let name, let blocks, _, _):
                // A block that this template fills in may itself offer blocks to its children.
                for block in blocks.values { names.formUnion(blockNames(in: block.body, templates: templates, seen: seen)) }
                if !seen.contains(name) {
                    names.formUnion(blockNames(in: templates[name]?.nodes ?? [], templates: templates, seen: seen.union([name])))
                }
            default:
                break
            }
        }
        return names
    }

    /// The link of a chain that goes from a parent back into the child that fills in its block.
    private static func blockHop(_ child: String, _ block: String) -> String {
        "\(child)'s block `\(block)`"
    }

    private mutating func report(_ position: TemplatePosition, _ place: Place, _ message: String, hint: String) {
        // In a partial or parent, the page kind and templates that led there.
        let path = place.source.name == place.chain.first ? "" : " (used in \(place.chain.joined(separator: " → ")))"
        var diagnostic = Diagnostic.error(place.source.path, position.location, message, hint: hint + path)
        let text = place.source.text
        let sourceLines = lines[place.source.path] ?? text.split(separator: "\n", omittingEmptySubsequences: false)
        lines[place.source.path] = sourceLines
        if position.line >= 1, position.line <= sourceLines.count { diagnostic.sourceLine = String(sourceLines[position.line - 1]) }
        // A partial that every page kind includes would otherwise say the same thing once per kind.
        if !diagnostics.contains(where: { $0.isSameProblem(as: diagnostic) }) { diagnostics.append(diagnostic) }
    }

    // MARK: - Steps

    /// A partial's steps indented as its tag was: every line of its own text starts with
    /// `indentation` (not what its values print).
    private static func indented(_ steps: [CompiledTemplate.Step], by indentation: String) -> [CompiledTemplate.Step] {
        guard !indentation.isEmpty else { return steps }
        let indent = Array(indentation.utf8)
        var result: [CompiledTemplate.Step] = [.bytes(indent)]
        for (index, step) in steps.enumerated() {
            guard case .bytes(let bytes) = step else { result.append(step); continue }
            var indentedBytes: [UInt8] = []
            for (offset, byte) in bytes.enumerated() {
                indentedBytes.append(byte)
                let isLast = index == steps.count - 1 && offset == bytes.count - 1
                if byte == 10, !isLast { indentedBytes += indent }
            }
            result.append(.bytes(indentedBytes))
        }
        return result
    }

    /// The spaces and tabs that begin the first line of `nodes`.
    private static func leadingIndentation(_ nodes: [TemplateNode]) -> String {
        guard case .text(let text) = nodes.first else { return "" }
        return String(text.prefix { $0 == " " || $0 == "\t" })
    }

    /// `nodes` with up to `indentation` removed from the start of every line of their text,
    /// inside sections and blocks too (a block's indentation is then relative to it).
    private static func dedented(_ nodes: [TemplateNode], by indentation: String) -> [TemplateNode] {
        guard !indentation.isEmpty else { return nodes }
        var atLineStart = true
        func dedent(_ nodes: [TemplateNode]) -> [TemplateNode] {
            nodes.map { node in
                switch node {
                case .text(let text):
                    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
                    for index in lines.indices where index > 0 || atLineStart {
                        var line = lines[index]
                        for character in indentation where line.first == character { line.removeFirst() }
                        lines[index] = line
                    }
                    atLineStart = text.hasSuffix("\n")
                    return .text(lines.joined(separator: "\n"))
                case .section(let name, let inverted, let body, let position):
                    atLineStart = false
                    return .section(name, inverted: inverted, body: dedent(body), at: position)
                case .block(let name, let body, let blockIndentation, let position):
                    atLineStart = blockIndentation != nil
                    let inner = dedent(body)
                    atLineStart = blockIndentation != nil
                    let shifted = blockIndentation.map { String($0.dropFirst(min($0.count, indentation.count))) }
                    return .block(name, body: inner, indentation: shifted, at: position)
                default:
                    atLineStart = false
                    return node
                }
            }
        }
        return dedent(nodes)
    }

    /// Neighbouring literal bytes joined into one step.
    static func merged(_ steps: [CompiledTemplate.Step]) -> [CompiledTemplate.Step] {
        var result: [CompiledTemplate.Step] = []
        for step in steps {
            switch step {
            case .bytes(let bytes):
                if case .bytes(let previous)? = result.last {
                    result[result.count - 1] = .bytes(previous + bytes)
                } else if !bytes.isEmpty {
                    result.append(step)
                }
            case .section(let lookup, let inverted, let body):
                result.append(.section(lookup, inverted: inverted, body: merged(body)))
            case .value:
                result.append(step)
            }
        }
        return result
    }
}

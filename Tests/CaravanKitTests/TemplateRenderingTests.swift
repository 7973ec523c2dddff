@testable import CaravanKit
import Testing

/// Caravan's Mustache compiler and renderer, module by module as the Mustache spec documents
/// them (interpolation, sections, inverted sections, comments, partials, delimiters,
/// inheritance), with the schema check in front: every case compiles against a schema made
/// from its values.
@Suite struct TemplateRenderingTests {
    @Test("escaping: the five HTML-special characters become entities, every other byte stays as it is")
    func escapingEveryByte() {
        #expect(HTMLEscaping.escape(#"a&b<c>d"e'f 中欧"#) == "a&amp;b&lt;c&gt;d&quot;e&#39;f 中欧")
        let special: Set<UInt8> = [38, 60, 62, 34, 39]
        let plain = String(decoding: (1...127).filter { !special.contains($0) }, as: UTF8.self)
        #expect(HTMLEscaping.escape(plain) == plain)
        var appended: [UInt8] = []
        HTMLEscaping.append("<" + plain + "&", to: &appended)
        #expect(appended == Array(("&lt;" + plain + "&amp;").utf8))
        // Each special character at every place in and across the escaper's 8-byte blocks,
        // in ASCII and in Chinese text.
        for filler in ["abcdefgh", "中欧班列", "a b,c.d"] {
            for length in 0..<24 {
                for (character, entity) in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")] {
                    let before = String(String(repeating: filler, count: 4).prefix(length))
                    var output: [UInt8] = []
                    HTMLEscaping.append(before + character + filler, to: &output)
                    #expect(String(decoding: output, as: UTF8.self) == before + entity + filler)
                }
            }
        }
    }

    /// A schema offering every name of `context`, typed by its value; `optional` names are
    /// offered but absent.
    static func schema(of context: TemplateObject, optional: [String] = []) -> TemplateSchema {
        TemplateSchema(context.keys.sorted().map { name in
            TemplateSchema.Field(name: name, type: type(of: context[name]!), isOptional: false, summary: "")
        } + optional.map { TemplateSchema.Field(name: $0, type: .text, isOptional: true, summary: "") })
    }

    static func type(of value: TemplateValue) -> TemplateSchema.FieldType {
        switch value {
        case .text, .bytes: .text
        case .flag: .flag
        case .object(let object): .object(schema(of: object))
        case .list(let items): .list(itemType(items))
        }
    }

    /// The type of a list's items: a group offers every name any item has.
    static func itemType(_ items: [TemplateValue]) -> TemplateSchema.FieldType {
        let objects = items.compactMap { if case .object(let object) = $0 { object } else { nil } }
        guard !objects.isEmpty else { return items.first.map(type(of:)) ?? .text }
        return .object(schema(of: objects.reduce(into: TemplateObject()) { merged, object in
            merged.merge(object) { first, _ in first }
        }))
    }

    /// Renders template `t` (with the other templates as partials and parents), or returns
    /// the diagnostics' messages when it does not compile.
    static func render(_ templates: [String: String], _ context: TemplateObject = [:], optional: [String] = [],
                       constants: TemplateObject = [:]) -> Result<String, Failure> {
        var parsed: [String: (source: TemplateSource, nodes: [TemplateNode])] = [:]
        for (name, text) in templates {
            let source = TemplateSource(name: name, path: "Templates/\(name).mustache", text: text)
            do {
                parsed[name] = (source, try TemplateParser.parse(text))
            } catch {
                return .failure(Failure(messages: ["\(source.path):\(error.position.line):\(error.position.column): \(error.message)"]))
            }
        }
        var compiler = TemplateCompiler(templates: parsed, constants: constants)
        let schema = Self.schema(of: context.merging(constants) { first, _ in first }, optional: optional)
        guard let program = compiler.compile("t", schema: schema) else {
            return .failure(Failure(messages: compiler.diagnostics.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }))
        }
        var renderer = TemplateRenderer(context.merging(constants) { first, _ in first })
        renderer.run(program)
        return .success(String(decoding: renderer.output, as: UTF8.self))
    }

    struct Failure: Error, Equatable {
        var messages: [String]
    }

    static func render(_ template: String, _ context: TemplateObject = [:], optional: [String] = []) -> Result<String, Failure> {
        render(["t": template], context, optional: optional)
    }

    // MARK: - Interpolation

    @Test("interpolation: escaped, raw with {{{ }}} and {{& }}, dotted names, whitespace in tags")
    func interpolation() {
        let context: TemplateObject = ["forbidden": "& \" < > '", "a": ["b": ["c": "deep"]], "name": "Joe"]
        #expect(Self.render("{{forbidden}}|{{{forbidden}}}|{{&forbidden}}|{{& forbidden }}", context)
            == .success("&amp; &quot; &lt; &gt; &#39;|& \" < > '|& \" < > '|& \" < > '"))
        #expect(Self.render("{{a.b.c}} {{ name }} {{{ name }}}", context) == .success("deep Joe Joe"))
        #expect(Self.render("  {{name}}\n", context) == .success("  Joe\n"), "a variable never stands alone")
        #expect(Self.render("[{{gone}}]", context, optional: ["gone"]) == .success("[]"), "an absent value shows nothing")
        // Text handed over as UTF-8 bytes (a story's HTML) shows as the same text would.
        let bytes: TemplateObject = ["html": .bytes(Array("<p>中欧 & \"x\"</p>".utf8))]
        #expect(Self.render("{{{html}}}|{{&html}}|{{html}}|{{#html}}yes{{/html}}{{^html}}no{{/html}}", bytes)
            == .success("<p>中欧 & \"x\"</p>|<p>中欧 & \"x\"</p>|&lt;p&gt;中欧 &amp; &quot;x&quot;&lt;/p&gt;|yes"))
    }

    @Test("interpolation: a name resolves from the innermost context out, and a dotted name does not fall back")
    func contextPrecedence() {
        let context: TemplateObject = ["a": ["b": "inner"], "b": "outer", "c": ["name": "C"]]
        #expect(Self.render("{{#a}}{{b}}{{/a}} {{#c}}{{b}}{{/c}}", context) == .success("inner outer"))
        #expect(Self.render("{{#c}}{{name}}{{/c}}", context) == .success("C"))
    }

    @Test("items that hold their names in another order, or lack one, render as their own names say")
    func namesInAnyOrder() {
        let items: [TemplateObject] = [["a": "1", "b": "2"], ["b": "3", "a": "4"], ["b": "5"], ["c": "x", "a": "6", "b": "7"]]
        #expect(Self.render("{{#items}}{{a}}{{b}};{{/items}}", ["items": .list(items)], optional: ["a"]) == .success("12;43;5;67;"))
    }

    @Test("one program renders pages whose names sit elsewhere than on the first page it rendered")
    func pagesInAnotherOrder() throws {
        let text = "{{a}}{{b}}{{#items}}{{x}}{{/items}};"
        let source = TemplateSource(name: "t", path: "Templates/t.mustache", text: text)
        let first: TemplateObject = ["a": "1", "b": "2", "items": .list([["x": "p"]] as [TemplateObject])]
        let second: TemplateObject = ["items": .list([["y": "", "x": "q"]] as [TemplateObject]), "b": "3", "a": "4"]
        var compiler = TemplateCompiler(templates: ["t": (source, try TemplateParser.parse(text))], constants: [:])
        let compiled = compiler.compile("t", schema: Self.schema(of: second))
        let program = try #require(compiled)
        var output = ""
        for context in [first, second, first] {
            var renderer = TemplateRenderer(context)
            renderer.run(program)
            output += String(decoding: renderer.output, as: UTF8.self)
        }
        #expect(output == "12p;43q;12p;")
    }

    @Test("a group of values: set, replace, remove and merge by name; equal whatever the order")
    func groupOfValues() {
        var group: TemplateObject = ["title": "A", "draft": false]
        group["title"] = "B"
        group["href"] = "b/"
        group["draft"] = nil
        #expect(group.keys == ["title", "href"] && group["title"] == "B" && group["draft"] == nil)
        group.merge(["href": "c/", "lang": "en"]) { mine, _ in mine }
        #expect(group == ["lang": "en", "href": "b/", "title": "B"])
        #expect(group.removeValue(forKey: "lang") == "en" && group.count == 2)
        #expect(group != ["title": "B", "href": "c/"])
    }

    // MARK: - Sections and inverted sections

    @Test("sections: yes shows once, no and empty lists never, lists once per item, groups and text push themselves")
    func sections() {
        let context: TemplateObject = [
            "yes": true, "no": false, "none": .list([TemplateValue]()), "items": .list([["n": "1"], ["n": "2"]] as [TemplateObject]),
            "texts": .list(["a", "b"] as [String]), "group": ["n": "g"], "empty": "",
        ]
        #expect(Self.render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#none}}E{{/none}}{{#items}}<{{n}}>{{/items}}{{#group}}{{n}}{{/group}}", context)
            == .success("Y<1><2>g"))
        #expect(Self.render("{{#texts}}[{{.}}]{{/texts}} {{#empty}}shown{{/empty}}", context) == .success("[a][b] shown"),
                "text shows its section, even empty")
        #expect(Self.render("{{^yes}}A{{/yes}}{{^no}}B{{/no}}{{^none}}C{{/none}}{{^items}}D{{/items}}{{^gone}}E{{/gone}}", context, optional: ["gone"])
            == .success("BCE"))
        #expect(Self.render("{{#items}}{{#yes}}{{n}}{{/yes}}{{/items}}", context) == .success("12"), "outer names inside items")
    }

    @Test("standalone lines: a section, inverted, comment or partial tag alone on its line leaves no trace of the line")
    func standaloneLines() {
        let context: TemplateObject = ["yes": true, "no": false]
        #expect(Self.render("| This Is\n{{#yes}}\n|\n{{/yes}}\n| A Line\n", context) == .success("| This Is\n|\n| A Line\n"))
        #expect(Self.render("| This Is\n  {{#yes}}\n|\n  {{/yes}}\n| A Line\n", context) == .success("| This Is\n|\n| A Line\n"), "indented")
        #expect(Self.render("|\r\n{{#yes}}\r\n{{/yes}}\r\n|", context) == .success("|\r\n|"), "CRLF")
        #expect(Self.render("  {{#yes}}\n#{{/yes}}\n/", context) == .success("#\n/"), "at the start")
        #expect(Self.render("#{{#yes}}\n/\n  {{/yes}}", context) == .success("#\n/\n"), "at the end, no newline")
        #expect(Self.render(" | {{#yes}}\t|\t{{/yes}} | \n", context) == .success(" | \t|\t | \n"), "not alone: kept")
        #expect(Self.render("{{^no}}\nA\n{{/no}}\n{{! note }}\nB\n", context) == .success("A\nB\n"))
        #expect(Self.render("{{! multi\nline }}X", context) == .success("X"))
    }

    // MARK: - Partials, delimiters, inheritance

    @Test("partials: the caller's context, standalone indentation on every line of the partial")
    func partials() {
        let templates = ["t": "<{{> p}}>\n  {{> lines}}\n|", "p": "{{name}}", "lines": "one\ntwo {{name}}\n"]
        #expect(Self.render(templates, ["name": "N"]) == .success("<N>\n  one\n  two N\n|"))
        #expect(Self.render(["t": "{{#items}}{{> p}};{{/items}}", "p": "{{n}}"], ["items": .list([["n": "1"], ["n": "2"]] as [TemplateObject])])
            == .success("1;2;"))
    }

    @Test("delimiters: changed for the rest of the template, the delimiter tag standing alone")
    func delimiters() {
        #expect(Self.render("{{=<% %>=}}\n<% name %> {{name}} <%={{ }}=%>{{name}}", ["name": "N"]) == .success("N {{name}} N"))
    }

    @Test("inheritance: a child fills in its parent's blocks; what it does not fill in shows the parent's")
    func inheritance() {
        let templates = [
            "t": "{{<layout}}\n{{$content}}Body {{name}}{{/content}}\n{{/layout}}\n",
            "layout": "<h>{{$title}}Default{{/title}}</h>\n<m>{{$content}}{{/content}}</m>\n{{> foot}}",
            "foot": "<f>{{name}}</f>",
        ]
        #expect(Self.render(templates, ["name": "N"]) == .success("<h>Default</h>\n<m>Body N</m>\n<f>N</f>"))
        let twoLevels = ["t": "{{<mid}}{{$a}}child{{/a}}{{/mid}}", "mid": "{{<base}}{{$b}}mid{{/b}}{{/base}}", "base": "{{$a}}A{{/a}}|{{$b}}B{{/b}}"]
        #expect(Self.render(twoLevels) == .success("child|mid"))
    }

    // MARK: - Mistakes

    @Test("a misspelt name is an error at its position with a did-you-mean: at the top, inside a section, inside a partial")
    func unknownNames() {
        let context: TemplateObject = ["summary": "s", "article": ["title": "t"]]
        #expect(Self.render("<p>\n  {{sumary}}</p>", context) == .failure(Failure(messages: ["Templates/t.mustache:2:3: unknown name `sumary`"])))
        #expect(Self.render("{{#article}}{{titel}}{{/article}}", context)
            == .failure(Failure(messages: ["Templates/t.mustache:1:13: unknown name `titel`"])))
        #expect(Self.render(["t": "{{#article}}{{> p}}{{/article}}", "p": "x {{tilte}}"], context)
            == .failure(Failure(messages: ["Templates/p.mustache:1:3: unknown name `tilte`"])))
        #expect(Self.render("{{article.tilte}}", context) == .failure(Failure(messages: ["Templates/t.mustache:1:1: unknown name `article.tilte`"])))
    }

    @Test("loops and depth are errors, never a crash: a partial including itself, a parent inside its own block, 10 000 nested sections")
    func loopsAndDepth() {
        #expect(Self.render(["t": "{{> p}}", "p": "a{{> q}}", "q": "{{> p}}"])
            == .failure(Failure(messages: ["Templates/q.mustache:1:1: templates include each other in a loop: p → q → p"])))
        #expect(Self.render(["t": "{{<layout}}{{$content}}{{> layout}}{{/content}}{{/layout}}", "layout": "{{$content}}{{/content}}"])
            == .failure(Failure(messages: ["Templates/t.mustache:1:24: templates include each other in a loop: layout → t's block `content` → layout"])))
        let deep = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        #expect(Self.render(deep, ["a": true])
            == .failure(Failure(messages: ["Templates/t.mustache:1:601: sections, blocks and parents are nested more than 100 deep here"])))
    }
}

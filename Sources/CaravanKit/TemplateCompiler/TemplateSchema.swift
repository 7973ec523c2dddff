/// What a template may use: the names a page kind's view model offers, each with what it
/// holds, declared once beside the view models (`PageSchemas`). The compiler checks every
/// name of every template against it; `Templates/README.md` is written from it.
struct TemplateSchema: Sendable {
    struct Field: Sendable {
        var name: String
        var type: FieldType
        /// Whether a page may leave it out (a section on it then shows nothing).
        var isOptional: Bool
        /// What it holds, in a reader's words: the table `Templates/README.md` shows.
        var summary: String
    }

    indirect enum FieldType: Sendable {
        /// Finished text, escaped by `{{name}}`, as it is by `{{{name}}}`.
        case text
        /// Yes or no: `{{#name}}` shows its content when yes, `{{^name}}` when no.
        case flag
        /// Text, or no: `{{#name}}` shows its content with the text, when there is one.
        case textOrNo
        /// Named values: `{{#name}}…{{/name}}` (or `name.member`) looks inside.
        case object(TemplateSchema)
        /// Named values, or no.
        case objectOrNo(TemplateSchema)
        /// A list: `{{#name}}…{{/name}}` shows its content once per item.
        case list(FieldType)
    }

    var fields: [Field]
    /// The file an editor defines these names in, when one does (a language's UI strings):
    /// an unknown name then says which file lacks it.
    var definedIn: String?

    init(_ fields: [Field], definedIn: String? = nil) {
        self.fields = fields
        self.definedIn = definedIn
    }

    func field(_ name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// This schema with `other`'s fields added (a field of the same name is replaced).
    func adding(_ other: TemplateSchema) -> TemplateSchema {
        TemplateSchema(fields.filter { field in other.field(field.name) == nil } + other.fields)
    }
}

/// Declaring fields reads like the table it becomes: `.text("title", "the page's title")`.
extension TemplateSchema.Field {
    static func text(_ name: String, _ summary: String, optional: Bool = false) -> Self {
        Self(name: name, type: .text, isOptional: optional, summary: summary)
    }

    static func flag(_ name: String, _ summary: String) -> Self {
        Self(name: name, type: .flag, isOptional: false, summary: summary)
    }

    static func textOrNo(_ name: String, _ summary: String) -> Self {
        Self(name: name, type: .textOrNo, isOptional: false, summary: summary)
    }

    static func object(_ name: String, _ summary: String, optional: Bool = false, _ schema: TemplateSchema) -> Self {
        Self(name: name, type: .object(schema), isOptional: optional, summary: summary)
    }

    static func objectOrNo(_ name: String, _ summary: String, _ schema: TemplateSchema) -> Self {
        Self(name: name, type: .objectOrNo(schema), isOptional: false, summary: summary)
    }

    static func list(_ name: String, _ summary: String, of item: TemplateSchema) -> Self {
        Self(name: name, type: .list(.object(item)), isOptional: false, summary: summary)
    }

    static func texts(_ name: String, _ summary: String) -> Self {
        Self(name: name, type: .list(.text), isOptional: false, summary: summary)
    }
}

extension TemplateSchema.FieldType {
    /// The members of the values of this type, if it has any.
    var schema: TemplateSchema? {
        switch self {
        case .object(let schema), .objectOrNo(let schema): schema
        case .list(let item): item.schema
        case .text, .flag, .textOrNo: nil
        }
    }

    /// In a reader's words, for error messages and the README.
    var description: String {
        switch self {
        case .text: "text"
        case .flag: "yes/no"
        case .textOrNo: "text or no"
        case .object: "group"
        case .objectOrNo: "group or no"
        case .list(let item): "list of \(item.description)s"
        }
    }
}

extension TemplateSchema {
    /// Where `object` differs from this schema: a name it has that the schema does not
    /// declare (no template could show it), a declared name it lacks that is not optional
    /// (templates would show nothing), or a value of another type. Debug builds check every
    /// page's view model with this (`TemplateSet.render`), so the README's table stays true.
    func mismatches(_ object: TemplateObject, at path: String = "", except skipped: Set<String> = []) -> [String] {
        var found: [String] = []
        for name in object.keys.sorted() where field(name) == nil {
            found.append("`\(path)\(name)` is not declared")
        }
        for field in fields where !skipped.contains(field.name) {
            guard let value = object[field.name] else {
                if !field.isOptional { found.append("`\(path)\(field.name)` is missing") }
                continue
            }
            found += field.type.mismatches(value, at: path + field.name)
        }
        return found
    }
}

extension TemplateSchema.FieldType {
    fileprivate func mismatches(_ value: TemplateValue, at path: String) -> [String] {
        switch (self, value) {
        case (.text, .text), (.text, .bytes), (.flag, .flag), (.textOrNo, .text), (.textOrNo, .bytes), (.textOrNo, .flag(false)),
             (.objectOrNo, .flag(false)):
            return []
        case (.object(let schema), .object(let object)), (.objectOrNo(let schema), .object(let object)):
            return schema.mismatches(object, at: path + ".")
        case (.list(let item), .list(let items)):
            return items.flatMap { item.mismatches($0, at: path + "[]") }
        default:
            return ["`\(path)` should be \(description)"]
        }
    }
}

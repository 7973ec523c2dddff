/// `Content/data/tags.yaml`: the topic tags articles may use, with a name per language.
public struct Tag: Sendable {
    public var id: String
    public var name: [String: String]
    var location: SourceLocation
}

extension Tag {
    static let path = "Content/data/tags.yaml"

    static func decode(_ root: YAMLNode, file: String, languages: [String]) -> ([Tag], [Diagnostic]) {
        var reader = FieldReader(root, file: file, what: "tags.yaml")
        reader.rejectUnknownKeys(allowed: ["tags"])
        var tags: [Tag] = []
        for item in reader.list("tags") {
            var entry = FieldReader(item, file: file, what: "a tag")
            entry.rejectUnknownKeys(allowed: ["id", "name"])
            let id = entry.id("id")
            let name = entry.localized("name", languages: languages)
            if let id, name.count == languages.count {
                tags.append(Tag(id: id, name: name, location: item.location))
            }
            reader.diagnostics(append: entry.diagnostics)
        }
        return (tags, reader.diagnostics)
    }
}

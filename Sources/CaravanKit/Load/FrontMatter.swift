/// The front matter of one story or page file, decoded and type-checked.
public struct FrontMatter: Sendable {
    public var title: String
    public var date: ContentDate
    public var summary: String?
    public var tags: [Reference]
    public var corridors: [Reference]
    public var author: String?
    public var updated: ContentDate?
    public var image: Reference?
    public var imageAlt: String?
    public var draft: Bool
    /// Leads the front page of its language (the newest featured article does).
    public var featured = false

    /// An id or path written in the front matter, with where, so that resolving it
    /// later can point at the line.
    public struct Reference: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
    }

    static let keys = ["title", "date", "summary", "tags", "corridors", "author", "updated", "image", "image_alt", "draft", "featured"]
}

extension FrontMatter {
    /// Decodes the YAML mapping of a front matter, reporting every problem found.
    static func decode(_ root: YAMLNode?, file: String, frontMatterLine: Int) -> (FrontMatter?, [Diagnostic]) {
        guard let root else {
            return (nil, [.error(
                file, SourceLocation(line: frontMatterLine, column: 1), "the front matter is empty",
                hint: "add at least:\ntitle: \"Your headline\"\ndate: 2024-05-17")])
        }
        var reader = FieldReader(root, file: file, what: "the front matter")
        reader.rejectUnknownKeys(allowed: keys)
        let title = reader.string("title", required: true, example: "\"Your headline\"")
        if let title, title.allSatisfy(\.isWhitespace) {
            reader.error(at: reader.node("title")?.location, "`title` is empty", hint: "write the headline after `title:`")
        }
        let date = decodeDate("date", required: true, &reader)
        let updated = decodeDate("updated", required: false, &reader)
        let summary = reader.string("summary", example: "\"One sentence on what the story says\"")
        let author = reader.string("author", example: "\"Caravan Newsroom\"")
        let tags = reader.stringList("tags", example: "[rail, customs]").map { Reference(text: $0.text, location: $0.location) }
        let corridors = reader.stringList("corridors", example: "[western]").map { Reference(text: $0.text, location: $0.location) }
        var image = reader.string("image", example: "photo.jpg").map {
            Reference(text: $0, location: reader.node("image")!.location)
        }
        // The picture is a file of the story's folder: a name, not an address or a path out.
        if let picture = image, !MarkdownStage.isRemote(picture.text),
           MarkdownStage.localFileName(picture.text) == nil || picture.text.split(separator: "/").contains("..") {
            reader.error(at: picture.location, "`image` must name a picture file in the story's folder, not `\(picture.text)`",
                         hint: "put the picture beside the story's Markdown files and write its file name, e.g. `image: photo.jpg`")
            image = nil
        }
        let imageAlt = reader.string("image_alt", example: "\"What the picture shows\"")
        if image != nil, imageAlt == nil || imageAlt!.allSatisfy(\.isWhitespace) {
            reader.error(at: reader.location(of: "image"), "`image` needs `image_alt`, a description of the picture",
                         hint: "add `image_alt: \"What the picture shows\"` for readers who cannot see it")
        }
        let draft = reader.bool("draft") ?? false
        let featured = reader.bool("featured") ?? false
        guard let title, let date, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        let frontMatter = FrontMatter(
            title: title, date: date, summary: summary, tags: tags, corridors: corridors, author: author,
            updated: updated, image: image, imageAlt: imageAlt, draft: draft, featured: featured)
        return (frontMatter, reader.diagnostics)
    }

    private static func decodeDate(_ key: String, required: Bool, _ reader: inout FieldReader) -> ContentDate? {
        guard let node = reader.node(key) else {
            if required, !reader.hasMisspelling(of: key) {
                reader.error(at: nil, "missing required key `\(key)`", hint: "add `\(key): 2024-05-17` (the publication day)")
            }
            return nil
        }
        if case .scalar(let scalar) = node, let problem = ContentDate.rangeProblem(in: scalar.text, key: key) {
            reader.error(at: node.location, problem.message, hint: problem.hint)
            return nil
        }
        guard case .scalar(let scalar) = node, let date = ContentDate.parse(scalar.text) else {
            reader.error(at: node.location, "`\(key)` is not a date I can read",
                         hint: "write the date as one of: \(ContentDate.acceptedForms)")
            return nil
        }
        return date
    }
}

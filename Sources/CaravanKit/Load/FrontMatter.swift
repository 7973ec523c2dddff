import Foundation

/// The front matter of one story or page file, decoded and type-checked.
public struct FrontMatter: Sendable, Equatable {
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
    /// What was corrected after publication, and when, oldest first as written.
    public var corrections: [Correction] = []
    /// When the story is taken down (an embargoed offer, a notice that runs out).
    public var expires: ContentDate?
    /// That this translation was checked against the other languages: `reviewed`, or the
    /// day it was (`TranslationStatus`).
    public var translation: TranslationReview?

    public enum TranslationReview: Sendable, Hashable {
        case reviewed
        case on(ContentDate)
    }

    /// A correction to a published story: shown dated at its end, in its JSON-LD and feed.
    public struct Correction: Sendable, Hashable {
        public var date: ContentDate
        public var text: String
    }

    /// The last time the story changed: its date, `updated`, or its latest correction.
    public var lastModified: ContentDate {
        // A loop, not `max()` of an array: asked for every page, feed entry and sitemap line.
        var latest = max(date, updated ?? date)
        for correction in corrections where correction.date > latest { latest = correction.date }
        return latest
    }

    /// An id or path written in the front matter, with where, so that resolving it
    /// later can point at the line.
    public struct Reference: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
    }

    static let keys = ["title", "date", "summary", "tags", "corridors", "author", "updated", "image", "image_alt", "draft", "featured", "corrections", "expires", "translation"]
}

extension FrontMatter {
    /// Decodes the YAML mapping of a front matter, reporting every problem found.
    /// Dates written without an offset are placed on the clock of `timeZone` (site.yaml's).
    static func decode(_ root: YAMLNode?, file: String, frontMatterLine: Int, timeZone: TimeZone) -> (FrontMatter?, [Diagnostic]) {
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
        let corrections = decodeCorrections(&reader)
        let expires = decodeDate("expires", required: false, &reader)
        if let date, let expires, expires.instant <= date.instant {
            reader.error(at: reader.location(of: "expires"), "`expires` (\(expires.asWritten)) is not after the story's `date` (\(date.asWritten)), so it would never be published",
                         hint: "give `expires` a later time than `date`, or remove it to keep the story up")
        }
        let translation = decodeTranslation(&reader)
        guard let title, let date, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics) }
        var frontMatter = FrontMatter(
            title: title, date: date.placed(in: timeZone), summary: summary, tags: tags, corridors: corridors, author: author,
            updated: updated?.placed(in: timeZone), image: image, imageAlt: imageAlt, draft: draft, featured: featured)
        frontMatter.corrections = corrections.map { Correction(date: $0.date.placed(in: timeZone), text: $0.text) }
        frontMatter.expires = expires?.placed(in: timeZone)
        frontMatter.translation = translation.map { review in
            if case .on(let day) = review { .on(day.placed(in: timeZone)) } else { review }
        }
        return (frontMatter, reader.diagnostics)
    }

    /// `corrections:` as a list of `- {date: 2024-05-20, text: "…"}`.
    private static func decodeCorrections(_ reader: inout FieldReader) -> [Correction] {
        let example = "corrections:\n  - date: 2024-05-20\n    text: \"An earlier version gave the wrong month.\""
        guard let node = reader.node("corrections") else { return [] }
        guard case .sequence(let items, _) = node else {
            reader.error(at: node.location, "`corrections` must be a list, each entry with a `date` and a `text`", hint: "write it like this:\n" + example)
            return []
        }
        var corrections: [Correction] = []
        for item in items {
            var entry = FieldReader(item, file: reader.file, what: "a correction")
            entry.rejectUnknownKeys(allowed: ["date", "text"])
            if entry.node("date") == nil, case .mapping = item {
                entry.error(at: item.location, "a correction needs the `date` it was made", hint: "add `date: 2024-05-20` to the entry")
            }
            let date = entry.node("date") == nil ? nil : decodeDate("date", required: true, &entry)
            let text = entry.string("text", required: true, example: "\"An earlier version gave the wrong month.\"")
            if let text, text.allSatisfy(\.isWhitespace) {
                entry.error(at: entry.node("text")?.location, "the correction's `text` is empty", hint: "say what was wrong and what is right now")
            }
            if let date, let text, !entry.diagnostics.hasErrors { corrections.append(Correction(date: date, text: text)) }
            reader.diagnostics(append: entry.diagnostics)
        }
        return corrections
    }

    /// `translation: reviewed` or `translation: 2024-05-20`.
    private static func decodeTranslation(_ reader: inout FieldReader) -> TranslationReview? {
        guard let node = reader.node("translation") else { return nil }
        if case .scalar(let scalar) = node {
            if scalar.text == "reviewed" { return .reviewed }
            if let date = ContentDate.parse(scalar.text) { return .on(date) }
        }
        reader.error(at: node.location, "`translation` must be `reviewed` or the date the translation was checked",
                     hint: "write `translation: reviewed` once this file says what the other languages say, or `translation: 2024-05-20`")
        return nil
    }

    private static func decodeDate(_ key: String, required: Bool, _ reader: inout FieldReader) -> ContentDate? {
        guard let node = reader.node(key) else {
            if required, !reader.hasMisspelling(of: key) {
                reader.error(at: nil, "missing required key `\(key)`", hint: "add `\(key): 2024-05-17` (the publication day)")
            }
            return nil
        }
        let text: String? = if case .scalar(let scalar) = node { scalar.text } else { nil }
        if let text, let date = ContentDate.parse(text) { return date }
        // Not a date: say why in the editor's terms, a day or month that does not exist
        // before "not a form I read".
        if let text, let problem = ContentDate.rangeProblem(in: text, key: key) {
            reader.error(at: node.location, problem.message, hint: problem.hint)
        } else {
            reader.error(at: node.location, "`\(key)` is not a date I can read",
                         hint: "write the date as one of: \(ContentDate.acceptedForms)")
        }
        return nil
    }
}

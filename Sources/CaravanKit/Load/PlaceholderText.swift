/// The placeholder paragraph `caravan new` writes (`StoryTemplate`) left in a story that is
/// no longer a draft: deleting `draft: true` alone would publish "Write the story here." as
/// the article, its summary on the home page and its feed entry.
enum PlaceholderText {
    /// Where the first placeholder sentence starts in a file, counting lines from the top.
    static func location(in document: SourceDocument) -> SourceLocation? {
        let body = document.body
        guard let found = StoryTemplate.fixedSentences.compactMap({ body.range(of: $0) })
            .min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let before = body[..<found.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { body.index(after: $0) } ?? body.startIndex
        let line = document.bodyFirstLine + before.count(where: { $0 == "\n" })
        return SourceLocation(line: line, column: body[lineStart..<found.lowerBound].count + 1)
    }

    static func diagnostic(for document: SourceDocument) -> Diagnostic? {
        guard !document.frontMatter.draft, let location = location(in: document) else { return nil }
        return .error(
            document.path, location, "the placeholder text of `caravan new` is still here, and the \(document.kind.rawValue) is not a draft",
            hint: "write the \(document.kind == .article ? "story" : "page") in place of this paragraph, or keep `draft: true` in the front matter until it is ready")
    }
}

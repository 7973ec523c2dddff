/// The placeholder paragraph `caravan new` writes (`StoryTemplate`) left in a story that is
/// no longer a draft: deleting `draft: true` alone would publish "Write the story here." as
/// the article, its summary on the home page and its feed entry.
enum PlaceholderText {
    /// Where the first placeholder sentence starts in a file, counting lines from the top.
    static func location(in document: SourceDocument) -> SourceLocation? {
        // Every story of the site is searched on every build: in the file's own bytes.
        var text = document.text
        let bodyOffset = document.bodyOffset
        let offsets = text.withUTF8 { bytes in
            sentenceBytes.compactMap { ByteSearch.firstOffset(of: $0, in: UnsafeBufferPointer(rebasing: bytes[bodyOffset...])) }
        }
        guard let offset = offsets.min() else { return nil }
        let body = document.body
        let utf8 = body.utf8
        let found = utf8.index(utf8.startIndex, offsetBy: offset)
        let before = body[..<found]
        let lineStart = before.lastIndex(of: "\n").map { body.index(after: $0) } ?? body.startIndex
        let line = document.bodyFirstLine + before.count(where: { $0 == "\n" })
        return SourceLocation(line: line, column: body[lineStart..<found].count + 1)
    }

    private static let sentenceBytes = StoryTemplate.fixedSentences.map { Array($0.utf8) }

    static func diagnostic(for document: SourceDocument) -> Diagnostic? {
        guard !document.frontMatter.draft, let location = location(in: document) else { return nil }
        return .error(
            document.path, location, "the placeholder text of `caravan new` is still here, and the \(document.kind.rawValue) is not a draft",
            hint: "write the \(document.kind == .article ? "story" : "page") in place of this paragraph, or keep `draft: true` in the front matter until it is ready")
    }
}

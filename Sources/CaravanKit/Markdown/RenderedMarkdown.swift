/// The HTML of one Markdown body, plus what later checks need from it.
struct RenderedMarkdown: Sendable {
    var html: String
    /// Every image and link destination, where it was written (file lines), for checks.
    var images: [Destination]
    var links: [Destination]
    /// The text of the first paragraph, for a summary when the front matter has none.
    var firstParagraph: String
    /// Han characters and other words in the text, for the reading time.
    var hanCount = 0
    var wordCount = 0

    struct Destination: Sendable {
        var url: String
        var location: SourceLocation
        /// The image's alt text (its description); empty for links.
        var text: String
    }
}

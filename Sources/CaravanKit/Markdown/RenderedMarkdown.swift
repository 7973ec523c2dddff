/// The HTML of one Markdown body, plus what later checks need from it.
struct RenderedMarkdown: Sendable {
    var html: String
    /// Where each top-level block (paragraph, heading, list, table…) of `html` ends, in
    /// UTF-8 bytes, in order: the bilingual view pairs blocks of two translations.
    var blocks: [Block] = []
    /// Every image and link destination, where it was written (file lines), for checks.
    var images: [Destination]
    var links: [Destination]
    /// The text of the first paragraph, for a summary when the front matter has none.
    var firstParagraph: String
    /// Han characters and other words in the text, for the reading time.
    var hanCount = 0
    var wordCount = 0

    struct Block: Sendable, Equatable {
        /// The UTF-8 offset in `html` just past the block.
        var end: Int
        /// Headings start the sections blocks are paired within.
        var isHeading: Bool
    }

    /// The HTML of each top-level block, with whether it is a heading.
    var blockHTML: [(html: Substring, isHeading: Bool)] {
        var start = html.utf8.startIndex
        return blocks.map { block in
            let end = html.utf8.index(html.utf8.startIndex, offsetBy: block.end)
            defer { start = end }
            return (html[start..<end], block.isHeading)
        }
    }

    struct Destination: Sendable {
        var url: String
        var location: SourceLocation
        /// The image's alt text (its description); empty for links.
        var text: String
    }
}

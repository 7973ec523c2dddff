/// The HTML of one Markdown body, plus what later checks need from it.
struct RenderedMarkdown: Sendable {
    /// As UTF-8 bytes, the way pages use it (`TemplateValue.bytes`).
    var html: [UInt8]
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

    /// Where each top-level block is in `html`'s UTF-8, with whether it is a heading.
    var blockRanges: [(block: Range<Int>, isHeading: Bool)] {
        var start = 0
        return blocks.map { block in
            defer { start = block.end }
            return (start..<block.end, block.isHeading)
        }
    }

    struct Destination: Sendable {
        var url: String
        var location: SourceLocation
        /// The image's alt text (its description); empty for links.
        var text: String
    }
}

/// The exact text of a story file's front matter, as a key: its hash, its length and the
/// line it starts on. Decoding is a pure function of the text, its first line and the
/// site's clock, so a file whose key is the one recorded decodes as recorded
/// (`KnownDocuments`).
struct FrontMatterKey: Hashable, Sendable {
    var hash: UInt64
    var length: Int
    var lineOffset: Int

    init(text: String, lineOffset: Int) {
        hash = ContentHash.of(text)
        length = text.utf8.count
        self.lineOffset = lineOffset
    }

    init(hash: UInt64, length: Int, lineOffset: Int) {
        self.hash = hash
        self.length = length
        self.lineOffset = lineOffset
    }
}

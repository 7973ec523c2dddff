/// What an editor writes: one language of one article or page.
public struct SourceDocument: Sendable {
    public enum Kind: String, Sendable {
        case article, page

        /// The folder under `Content/` that holds this kind.
        var folder: String { self == .article ? "articles" : "pages" }
    }

    public var kind: Kind
    public var slug: String
    public var language: String
    /// Relative to the site root: `Content/articles/<slug>/<lang>.md`.
    public var path: String
    public var frontMatter: FrontMatter
    /// Where the Markdown body starts in `text` (UTF-8 offset): the body is not kept as a
    /// second copy, which for a large site is tens of megabytes.
    var bodyOffset: Int
    public var body: String {
        let utf8 = text.utf8
        return String(utf8[utf8.index(utf8.startIndex, offsetBy: bodyOffset)...]) ?? ""
    }
    /// The file line the body starts on, so Markdown positions map back to the file.
    public var bodyFirstLine: Int
    /// The whole file, for showing source lines under diagnostics.
    public var text: String
}

/// A file stored beside a story (a picture, a PDF), copied next to its pages.
public struct SourceAsset: Sendable {
    public var kind: SourceDocument.Kind
    public var slug: String
    /// The file name inside the story folder (may include sub-folders: `img/map.png`).
    public var name: String
    public var bytes: [UInt8]
}

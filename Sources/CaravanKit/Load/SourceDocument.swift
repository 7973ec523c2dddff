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
    public var body: String
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

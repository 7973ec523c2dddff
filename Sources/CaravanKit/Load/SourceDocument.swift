import Synchronization

/// What an editor writes: one language of one article or page.
///
/// An immutable value kept in one shared box: a build copies documents into stories,
/// lists and plans thousands of times, and a copy is then one reference count instead of
/// one per field.
public struct SourceDocument: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case article, page

        /// The kind whose folder under `Content/` is `folder` (`articles`, `pages`).
        init?<Name: StringProtocol>(folder: Name) {
            guard let kind = Self.allCases.first(where: { $0.folder == folder }) else { return nil }
            self = kind
        }

        /// The folder under `Content/` that holds this kind.
        var folder: String { self == .article ? "articles" : "pages" }
    }

    /// What a build needs of a document's text beyond its front matter, in numbers: kept
    /// between runs (`KnownDocuments`), so an unchanged file need not be read again.
    struct Digest: Sendable, Equatable {
        /// Where the Markdown body starts in the text (UTF-8 offset), and on which line.
        var bodyOffset: Int
        var bodyFirstLine: Int
        /// Fingerprints of the front matter (with the path) and of the body.
        var headHash: UInt64
        var bodyHash: UInt64
        var hasStoryLinks: Bool
        var hasAddressLinks: Bool
    }

    private final class Storage: Sendable {
        let kind: Kind
        let slug: String
        let language: String
        let path: String
        let frontMatter: FrontMatter
        let digest: Digest
        /// The text as read, or the file to read it from when it is first asked for (a
        /// document whose file the last run knew, `KnownDocuments`).
        private let readText: String?
        private let file: String
        private let textReadLater = Mutex<String?>(nil)

        init(kind: Kind, slug: String, language: String, path: String, frontMatter: FrontMatter,
             digest: Digest, text: String?, file: String = "") {
            self.kind = kind
            self.slug = slug
            self.language = language
            self.path = path
            self.frontMatter = frontMatter
            self.digest = digest
            readText = text
            self.file = file
        }

        var text: String {
            if let readText { return readText }
            return textReadLater.withLock { text in
                if let text { return text }
                // Read as the loader reads; a file that went since (or broke) shows as empty
                // until the next build, which sees its new signature.
                let read = FileSystem.read(absolutePath: file).flatMap { try? SourceText.decode($0, file: path).get() } ?? ""
                text = read
                return read
            }
        }
    }

    private let storage: Storage

    init(kind: Kind, slug: String, language: String, path: String, frontMatter: FrontMatter,
         bodyOffset: Int, bodyFirstLine: Int, text: String) {
        storage = Storage(kind: kind, slug: slug, language: language, path: path, frontMatter: frontMatter,
                          digest: Digest(path: path, text: text, bodyOffset: bodyOffset, bodyFirstLine: bodyFirstLine), text: text)
    }

    /// A document as the last run read it (`KnownDocuments`), its text read from `file`
    /// (absolute) only when asked for.
    init(kind: Kind, slug: String, language: String, path: String, frontMatter: FrontMatter, digest: Digest, file: String) {
        storage = Storage(kind: kind, slug: slug, language: language, path: path, frontMatter: frontMatter,
                          digest: digest, text: nil, file: file)
    }

    public var kind: Kind { storage.kind }
    public var slug: String { storage.slug }
    public var language: String { storage.language }
    /// Relative to the site root: `Content/articles/<slug>/<lang>.md`.
    public var path: String { storage.path }
    public var frontMatter: FrontMatter { storage.frontMatter }
    /// `frontMatter.featured`, read without copying the whole front matter (the front page
    /// looks through every article for it).
    var isFeatured: Bool { storage.frontMatter.featured }
    /// Whether the front matter gives a `summary`, read the same way (every list asks it of
    /// each story it shows, on every build: `Story.teaserIsCut`).
    var hasSummary: Bool { !(storage.frontMatter.summary?.isEmpty ?? true) }
    /// Where the Markdown body starts in `text` (UTF-8 offset): the body is not kept as a
    /// second copy, which for a large site is tens of megabytes.
    var bodyOffset: Int { storage.digest.bodyOffset }
    public var body: String {
        let utf8 = text.utf8
        return String(utf8[utf8.index(utf8.startIndex, offsetBy: bodyOffset)...]) ?? ""
    }
    /// The file line the body starts on, so Markdown positions map back to the file.
    public var bodyFirstLine: Int { storage.digest.bodyFirstLine }
    /// The whole file, for showing source lines under diagnostics.
    public var text: String { storage.text }
    var digest: Digest { storage.digest }
    /// Fingerprints of the front matter (with the path) and of the body, for the input
    /// keys that decide which pages to render again (`InputKeys`).
    var headHash: UInt64 { storage.digest.headHash }
    var bodyHash: UInt64 { storage.digest.bodyHash }
    /// Whether the body links another story (`@/articles/x`): such documents are checked on
    /// every build, as a link's target can change without the document changing.
    var hasStoryLinks: Bool { storage.digest.hasStoryLinks }
    /// Whether the body links by address out of its folder (`](../x/)`, `](/en/…)`): such a
    /// link can break, and warn, when another story goes, so these are checked every build too.
    var hasAddressLinks: Bool { storage.digest.hasAddressLinks }
}

/// A file stored beside a story (a picture, a PDF), copied next to its pages.
public struct SourceAsset: Sendable {
    public var kind: SourceDocument.Kind
    public var slug: String
    /// The file name inside the story folder (may include sub-folders: `img/map.png`).
    public var name: String
    public var bytes: [UInt8]
}

extension SourceDocument.Digest {
    /// The digest of `text`, the file at `path`, whose body starts at `bodyOffset`.
    init(path: String, text: String, bodyOffset: Int, bodyFirstLine: Int) {
        let utf8 = text.utf8
        let bodyStart = utf8.index(utf8.startIndex, offsetBy: bodyOffset)
        var head = ContentHash()
        head.add(path)
        head.add(text[..<bodyStart].utf8)
        var body = ContentHash()
        body.add(text[bodyStart...].utf8)
        self.init(bodyOffset: bodyOffset, bodyFirstLine: bodyFirstLine, headHash: head.value, bodyHash: body.value,
                  hasStoryLinks: ByteSearch.contains(anyOf: Self.storyLink, in: text[bodyStart...].utf8),
                  hasAddressLinks: ByteSearch.contains(anyOf: Self.addressLinks, in: text[bodyStart...].utf8))
    }

    /// `@/articles/x`: a link to another story.
    private static let storyLink = [Array("@/".utf8)]
    /// `](/en/…)`, `](../x/)`, `](./x.png)`: a link by address out of or within the folder.
    private static let addressLinks = [Array("](/".utf8), Array("](.".utf8)]
}

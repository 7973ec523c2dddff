/// What the last run of `caravan build` learnt of each story file, by path, kept in the state
/// folder: a file whose signature (size, modification time to the nanosecond, inode) is
/// still the one recorded is taken as it was read then, without reading it again: its front
/// matter as decoded and its fingerprints come from here, its text from the disk only if a
/// page that shows it is rendered. This is how `make` and git trust a file's metadata;
/// editing, replacing or touching a file changes its signature. A file read again whose
/// front matter is the recorded text (a body edited, a file touched) takes the decoded
/// front matter too.
///
/// Only files read without a problem are recorded (a file with a warning is read again, so
/// the warning is repeated), and none changed in the last seconds before the build: a
/// same-size edit within one tick of the file system's clock would keep the signature (git
/// calls such files "racy").
struct KnownDocuments: Sendable {
    struct Entry: Sendable, Equatable {
        let signature: FileSystem.Signature
        /// The front matter's text, and the front matter it decoded to.
        let frontMatterKey: FrontMatterKey
        var frontMatter: FrontMatter { decoded.frontMatter }
        let digest: SourceDocument.Digest
        /// The front matter in a box of its own: inline, it made an entry half a kilobyte,
        /// and moving the ten thousand entries of a large site into a dictionary took half
        /// the time of reading them, on every build.
        private let decoded: DecodedFrontMatter
        /// The entry as the state file it was read from holds it (all but the path), written
        /// back as it is: most entries of a build's state are those of the last one, and
        /// encoding ten thousand front matters again was 3 % of a one-edit rebuild's CPU.
        fileprivate let record: ArraySlice<UInt8>?

        init(signature: FileSystem.Signature, frontMatterKey: FrontMatterKey, frontMatter: FrontMatter, digest: SourceDocument.Digest) {
            self.init(signature: signature, frontMatterKey: frontMatterKey, frontMatter: frontMatter, digest: digest, record: nil)
        }

        fileprivate init(signature: FileSystem.Signature, frontMatterKey: FrontMatterKey, frontMatter: FrontMatter, digest: SourceDocument.Digest,
                         record: ArraySlice<UInt8>?) {
            self.signature = signature
            self.frontMatterKey = frontMatterKey
            self.digest = digest
            decoded = DecodedFrontMatter(frontMatter)
            self.record = record
        }

        static func == (left: Entry, right: Entry) -> Bool {
            left.signature == right.signature && left.frontMatterKey == right.frontMatterKey && left.digest == right.digest
                && (left.decoded === right.decoded || left.frontMatter == right.frontMatter)
        }
    }

    private final class DecodedFrontMatter: Sendable {
        let frontMatter: FrontMatter
        init(_ frontMatter: FrontMatter) { self.frontMatter = frontMatter }
    }

    /// How long before a build a file must have last changed to be recorded.
    static let racyWindow = 2_000_000_000
    private static let magic = Array("caravan known documents 2\n".utf8)

    /// The languages and the clock (site.yaml's `timeZone`) the files were loaded with: a
    /// change to either loads every file again.
    var languages: [String] = []
    var timeZone = ""
    var entries: [String: Entry] = [:]

    init() {}

    /// Unreadable or foreign bytes give no entries: every file is read afresh.
    init(bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return }
        var reader = StateReader(bytes: bytes, offset: Self.magic.count)
        guard let timeZone = reader.text(), let languageCount = reader.number(), languageCount < 1_000 else { return }
        var languages: [String] = []
        for _ in 0..<languageCount {
            guard let language = reader.text() else { return }
            languages.append(language)
        }
        var entries: [String: Entry] = [:]
        // An entry takes a few hundred bytes: sized once, not grown a dozen times.
        entries.reserveCapacity(bytes.count / 256)
        while !reader.isAtEnd {
            guard let path = reader.text() else { return }
            let recordStart = reader.offset
            guard let size = reader.number(), let modified = reader.number(), let inode = reader.word(),
                  let yamlHash = reader.word(), let yamlLength = reader.number(), let yamlLine = reader.number(),
                  let bodyOffset = reader.number(), let bodyFirstLine = reader.number(),
                  let headHash = reader.word(), let bodyHash = reader.word(), let links = reader.byte(),
                  let frontMatter = reader.frontMatter() else { return }
            entries[path] = Entry(
                signature: FileSystem.Signature(size: size, modified: modified, inode: inode),
                frontMatterKey: FrontMatterKey(hash: yamlHash, length: yamlLength, lineOffset: yamlLine), frontMatter: frontMatter,
                digest: SourceDocument.Digest(bodyOffset: bodyOffset, bodyFirstLine: bodyFirstLine, headHash: headHash, bodyHash: bodyHash,
                                              hasStoryLinks: links & 1 != 0, hasAddressLinks: links & 2 != 0),
                record: bytes[recordStart..<reader.offset])
        }
        (self.timeZone, self.languages, self.entries) = (timeZone, languages, entries)
    }

    var bytes: [UInt8] {
        var writer = StateWriter(bytes: Self.magic)
        writer.bytes.reserveCapacity(entries.count * 512)
        writer.text(timeZone)
        writer.number(languages.count)
        for language in languages { writer.text(language) }
        // In no particular order: the file is read back whole into a dictionary, and
        // sorting ten thousand paths cost more than writing them.
        for (path, entry) in entries {
            writer.text(path)
            if let record = entry.record {
                writer.bytes += record
                continue
            }
            writer.number(entry.signature.size)
            writer.number(entry.signature.modified)
            writer.word(entry.signature.inode)
            writer.word(entry.frontMatterKey.hash)
            writer.number(entry.frontMatterKey.length)
            writer.number(entry.frontMatterKey.lineOffset)
            writer.number(entry.digest.bodyOffset)
            writer.number(entry.digest.bodyFirstLine)
            writer.word(entry.digest.headHash)
            writer.word(entry.digest.bodyHash)
            writer.bytes.append((entry.digest.hasStoryLinks ? 1 : 0) | (entry.digest.hasAddressLinks ? 2 : 0))
            writer.frontMatter(entry.frontMatter)
        }
        return writer.bytes
    }
}

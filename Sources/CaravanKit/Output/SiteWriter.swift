import Foundation

/// Brings the output folder to exactly a build's files: the only code that writes there.
///
/// - It writes into a folder only if the folder is new, empty, or carries Caravan's marker,
///   and never into the source tree, so a mistyped `--output` cannot destroy anything.
/// - The folder holds only what a reader may fetch: the pages, files and the marker (a fixed
///   text). What the writer compares against — the previous build's manifest — is handed in
///   and handed back; the engine keeps it outside (`StateFolder`).
/// - A file whose bytes are unchanged is not touched (its mtime stays; rsync and object
///   storage uploads see nothing to do).
/// - A changed file is written under a temporary name beside it and renamed into place,
///   so a reader or an interrupted build never sees half a file.
/// - Files the previous build wrote and this one did not are removed last; nothing the
///   manifest does not list is ever removed.
public struct SiteWriter: Sendable {
    public static let markerName = ".caravan-site"
    static let temporaryPrefix = ".caravan-tmp-"
    static let markerText = "This folder is written by `caravan build`: its files are replaced or removed on every build.\n"
    /// Files that earlier versions of caravan kept in the output folder, removed on sight:
    /// their build state there included the front matter of drafts.
    static let legacyStateNames = [".caravan-manifest", ".caravan-cache", ".caravan-writing"]

    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0

        public init(written: Int = 0, unchanged: Int = 0, removed: Int = 0) {
            self.written = written
            self.unchanged = unchanged
            self.removed = removed
        }
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
        public var hint: String
    }

    let output: String

    /// `output` is the folder to write; `source` the site root, which it must stay out of.
    public init(output: String, source: String) throws(Refusal) {
        let outputPath = Self.absolute(output)
        let sourcePath = Self.absolute(source)
        if outputPath == sourcePath || sourcePath.hasPrefix(outputPath + "/") {
            throw Refusal(description: "the output folder \(outputPath) contains the source folder",
                          hint: "choose an output folder of its own, e.g. --output Site")
        }
        for protected in ["Content", "Templates", "Public", "Sources", "Tests", ".git"] {
            let folder = sourcePath + "/" + protected
            if outputPath == folder || outputPath.hasPrefix(folder + "/") {
                throw Refusal(description: "the output folder \(outputPath) is inside \(protected)/",
                              hint: "choose a folder outside the sources, e.g. --output Site")
            }
        }
        var info = stat()
        if stat(outputPath, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw Refusal(description: "\(outputPath) exists and is not a folder", hint: "choose another --output")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputPath)) ?? []
            if !entries.isEmpty, !entries.contains(Self.markerName) {
                throw Refusal(
                    description: "\(outputPath) is not empty and was not created by caravan; refusing to write into it",
                    hint: "choose a new or empty folder with --output, or move that folder's files away first")
            }
        }
        self.output = outputPath
    }

    /// Which of the files `manifest` lists are still there as written: their page keys (a
    /// page whose key is unchanged need not be rendered again), and whether all are (a
    /// file deleted or changed by hand is left out, so the build writes it again).
    func present(_ manifest: Manifest) -> (pageKeys: [String: UInt64], isComplete: Bool) {
        let entries = Array(manifest.entries)
        let present = entries.concurrentMap { path, entry in fileSize(path) == entry.size }
        var pageKeys: [String: UInt64] = [:]
        for ((path, entry), isThere) in zip(entries, present) where isThere {
            if let key = entry.key { pageKeys[path] = key }
        }
        return (pageKeys, !present.contains(false))
    }

    /// The files in the folder that `manifest` does not list (the marker aside), sorted.
    func filesNotIn(_ manifest: Manifest) -> [String] {
        let names = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String } ?? []
        return names.filter { path in
            path != Self.markerName && manifest.entries[path] == nil && fileSize(path) != nil && !Self.isFolder(output + "/" + path)
        }.sorted()
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether the folder carries Caravan's marker (it was written by caravan).
    var isMarked: Bool { fileSize(Self.markerName) != nil }

    func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(output + "/" + path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// `mkdir -p` for a site-relative folder; returns the folders it had to create,
    /// outermost first. Safe from several threads: a folder made meanwhile is fine. Tries
    /// `mkdir` first: for a new page's folder that is one system call instead of three.
    func makeFolder(_ relative: String) throws -> [String] {
        if relative.isEmpty {
            var info = stat()
            if stat(output, &info) == 0 { return [] }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            return [""]
        }
        let full = output + "/" + relative
        if mkdir(full, 0o755) == 0 { return [relative] }
        if errno == EEXIST { return [] }
        guard errno == ENOENT else { throw Self.posixError("cannot create \(full)") }
        let created = try makeFolder(Self.folder(of: relative))
        if mkdir(full, 0o755) == 0 { return created + [relative] }
        guard errno == EEXIST else { throw Self.posixError("cannot create \(full)") }
        return created
    }

    /// The folder part of a `/`-separated path ("" for a name alone); a byte search, as
    /// it runs for every page written.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Writes `bytes` under a temporary name in the file's folder and returns that name;
    /// `publish` renames it into place, so no reader ever sees half a file.
    func writeTemporary(_ path: String, _ bytes: [UInt8]) throws -> String {
        let full = output + "/" + path
        let slash = full.utf8.lastIndex(of: UInt8(ascii: "/"))!  // `full` starts with `output + "/"`
        let temporary = full[..<slash] + "/" + Self.temporaryPrefix + full[full.utf8.index(after: slash)...]
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Self.posixError("cannot create \(temporary)") }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            guard count > 0 else {
                close(fd)
                unlink(temporary)
                throw Self.posixError("cannot write \(full)")
            }
            done += count
        }
        close(fd)
        return temporary
    }

    func publish(_ temporary: String, as path: String) throws {
        let full = output + "/" + path
        guard rename(temporary, full) == 0 else {
            unlink(temporary)
            throw Self.posixError("cannot rename \(temporary) to \(full)")
        }
    }

    func removeEmptyParents(of path: String) {
        var folder = Self.folder(of: path)
        while !folder.isEmpty, rmdir(output + "/" + folder) == 0 {
            folder = Self.folder(of: folder)
        }
    }

    /// A manifest line could have been edited by hand: never follow one out of the folder.
    static func isSafeRelative(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var text = url.path
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }

    static func posixError(_ message: String) -> NSError {
        writeError("\(message): \(String(cString: strerror(errno)))", code: Int(errno))
    }

    static func writeError(_ message: String, code: Int = 1) -> NSError {
        NSError(domain: "caravan", code: code, userInfo: [NSLocalizedDescriptionKey: message])
    }
}

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
///   so a reader or an interrupted build never sees half a file. Into a new (or empty)
///   folder, which no reader uses yet, files go straight under their own names.
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

    /// The output folder, absolute and resolved.
    let output: String
    /// The only way into it.
    let folder: OutputFolder

    /// `output` is the folder to write; `source` the site root, which it must stay out of.
    /// Both are resolved first (every symbolic link of the part that exists), so a link on
    /// the way cannot lead the output into the sources.
    public init(output: String, source: String) throws(Refusal) {
        let outputPath = Self.absolute(output)
        let sourcePath = Self.absolute(source)
        if outputPath == sourcePath || sourcePath.hasPrefix(outputPath + "/") {
            throw Refusal(description: "the output folder \(outputPath) contains the source folder",
                          hint: "choose an output folder of its own, e.g. --output Site")
        }
        for protected in ["Content", "Templates", "Public", "Sources", "Tests", ".git"] {
            let folder = Self.absolute(sourcePath + "/" + protected)
            if outputPath == folder || outputPath.hasPrefix(folder + "/") {
                throw Refusal(description: "the output folder \(outputPath) is inside \(protected)/",
                              hint: "choose a folder outside the sources, e.g. --output Site")
            }
        }
        var info = stat()
        if lstat(outputPath, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw Refusal(description: "\(outputPath) exists and is not a folder", hint: "choose another --output")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputPath)) ?? []
            if !entries.isEmpty, !entries.contains(Self.markerName) {
                throw Refusal(
                    description: "\(outputPath) is not empty and was not created by caravan; refusing to write into it",
                    hint: "choose a new or empty folder with --output, or move that folder's files away first")
            }
        } else if errno != ENOENT {
            throw Refusal(description: "cannot use \(outputPath) as the output folder: \(String(cString: strerror(errno)))",
                          hint: "check the path given to --output")
        }
        self.output = outputPath
        folder = OutputFolder(path: outputPath)
    }

    /// The files in the folder that `manifest` does not list (the marker aside), sorted.
    func filesNotIn(_ manifest: Manifest) -> [String] {
        folder.allFiles().filter { $0 != Self.markerName && manifest.entries[$0] == nil }.sorted()
    }

    /// Whether the folder carries Caravan's marker (it was written by caravan).
    var isMarked: Bool { folder.fileSize(Self.markerName) != nil }

    /// The folder part of a `/`-separated path ("" for a name alone); a byte search, as
    /// it runs for every page written.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The last part of a `/`-separated path.
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Removes the folders holding `path` that are left empty, innermost first.
    func removeEmptyParents(of path: String) {
        var parent = Self.folder(of: path)
        while !parent.isEmpty, folder.removeFolderIfEmpty(parent) {
            parent = Self.folder(of: parent)
        }
    }

    /// A manifest line could have been edited by hand: never follow one out of the folder.
    /// Relative, with no empty part and no `..`. One pass over the bytes: every file a build
    /// writes is checked, and splitting the path into strings cost a percent of the build.
    static func isSafeRelative(_ path: String) -> Bool {
        var partLength = 0
        var partIsDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if partLength == 0 || (partLength == 2 && partIsDots) { return false }
                partLength = 0
                partIsDots = true
            } else {
                partLength += 1
                partIsDots = partIsDots && byte == UInt8(ascii: ".")
            }
        }
        return partLength > 0 && !(partLength == 2 && partIsDots)
    }

    /// `path` made absolute, with every symbolic link in the part of it that exists resolved
    /// (`realpath`), and the rest appended: where a folder that does not exist yet will be.
    static func absolute(_ path: String) -> String {
        var missing: [String] = []
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                var text = String(cString: resolved)
                for name in missing.reversed() { text += (text == "/" ? "" : "/") + name }
                return text
            }
            let url = URL(fileURLWithPath: existing)
            guard existing != "/", !existing.isEmpty else { return path }
            missing.append(url.lastPathComponent)
            existing = url.deletingLastPathComponent().path
        }
    }

    static func posixError(_ message: String) -> NSError {
        writeError("\(message): \(String(cString: strerror(errno)))", code: Int(errno))
    }

    static func writeError(_ message: String, code: Int = 1) -> NSError {
        NSError(domain: "caravan", code: code, userInfo: [NSLocalizedDescriptionKey: message])
    }
}

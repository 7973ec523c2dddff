import Foundation

/// Where the engine keeps what the builds into one output folder learnt, between runs:
/// `<source>/.caravan/<output folder's name>-<hash of its path>/`, never inside the output
/// folder, so none of it (it includes the front matter of drafts) is ever uploaded with
/// the site. One folder per output folder: `Site/`, a preview folder and `serve`'s own.
///
/// Losing it costs one full build, nothing else: the next build renders every page, and
/// deletes nothing it cannot prove it made. A state written by another version of caravan
/// is ignored the same way (each file starts with its format). So a state whose output
/// folder is gone (a preview folder deleted, a build into `/tmp`) is removed when another
/// build saves its own: a few megabytes each at 5 000 stories, they would pile up forever.
struct StateFolder: Sendable {
    static let folderName = ".caravan"
    private static let readme = """
        This folder holds caravan's memory of earlier builds (one sub-folder per output
        folder), so that the next build renders only what changed. It is never published.
        Deleting it is safe: the next build is a full one.

        """

    let path: String
    /// The output folder it serves: absolute and resolved.
    let output: String

    init(source: String, output: String) {
        let name = URL(fileURLWithPath: output).lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let hash = String(ContentHash.of(output), radix: 16)
        path = SiteWriter.absolute(source) + "/" + Self.folderName + "/" + (name.isEmpty ? "site" : name) + "-" + hash
        self.output = output
    }

    /// The files the last build into the output folder wrote; empty when there is none or
    /// it cannot be read.
    func readManifest() -> Manifest {
        Manifest(bytes: Self.bytes(at: path + "/manifest") ?? [])
    }

    /// What the last build knew of the story files; nothing when it cannot be read.
    func readDocuments() -> KnownDocuments {
        KnownDocuments(bytes: Self.bytes(at: path + "/documents") ?? [])
    }

    /// The source folders' listings as the last build read them; none when they cannot be read.
    func readListings() -> StoredListings {
        StoredListings(bytes: Self.bytes(at: path + "/listings") ?? [])
    }

    /// The story files' git history as the last build read it; nil when it cannot be read.
    func readGitHistory() -> StoredGitHistory? {
        Self.bytes(at: path + "/git-history").flatMap(StoredGitHistory.init(bytes:))
    }

    /// The search index states of the last build; none when there are none or they cannot be read.
    func readSearch() -> StoredSearchState {
        StoredSearchState(bytes: Self.bytes(at: path + "/search") ?? [])
    }

    /// Stores what a build learnt. A state that cannot be written only costs speed: the
    /// error says so, and the caller reports it as a warning. The manifest goes first: a
    /// search state older than it no longer matches it, and is not trusted.
    /// Each argument is the encoded file (`Manifest.bytes`…).
    func write(manifest: [UInt8], documents: [UInt8], search: [UInt8], listings: [UInt8], gitHistory: [UInt8]?) throws {
        try prepare()
        try Self.replace(path + "/manifest", with: manifest)
        try Self.replace(path + "/documents", with: documents)
        try Self.replace(path + "/search", with: search)
        try Self.replace(path + "/listings", with: listings)
        if let gitHistory { try Self.replace(path + "/git-history", with: gitHistory) } else { unlink(path + "/git-history") }
        try Self.replace(path + "/" + Self.outputRecord, with: Array(output.utf8))
        // Parsed front matter, as earlier versions kept it beside: the documents hold it now.
        unlink(path + "/front-matter")
    }

    // MARK: - States of output folders that are gone

    /// The file naming the output folder a state serves, so that another build can tell
    /// when that folder is gone.
    private static let outputRecord = "output"
    /// Every file a state folder may hold: removing a state removes these and the folder,
    /// and leaves a folder holding anything else where it is.
    private static let stateFiles = ["manifest", "documents", "search", "listings", "git-history", "writing", "front-matter", outputRecord].flatMap { [$0, $0 + ".tmp"] }
        + ["lock"]

    /// Removes the states beside this one whose output folder no longer exists. Each is
    /// locked first, so a build under way (whose folder may not exist yet) keeps its own;
    /// a state that names no folder (written by an older caravan) is left alone, and so is
    /// anything that is not a plain folder of state files.
    func removeStatesOfRemovedOutputs() {
        let root = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let own = URL(fileURLWithPath: path).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        // A state's name ends in `-` and the hash of its output folder's path (`serve`'s own
        // output folder sits beside the states, and is not one).
        func isStateName(_ name: String) -> Bool {
            guard let dash = name.lastIndex(of: "-") else { return false }
            let hash = name[name.index(after: dash)...]
            return !hash.isEmpty && hash.allSatisfy(\.isHexDigit)
        }
        for name in names.sorted() where name != own && isStateName(name) {
            let folder = root + "/" + name
            var info = stat()
            guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                  let record = Self.bytes(at: folder + "/" + Self.outputRecord) else { continue }
            let served = String(decoding: record, as: UTF8.self)
            guard served.hasPrefix("/"), lstat(served, &info) != 0, errno == ENOENT else { continue }
            let lock = open(folder + "/lock", O_RDWR | O_NOFOLLOW | O_CLOEXEC)
            if lock >= 0 {
                defer { close(lock) }
                if flock(lock, LOCK_EX | LOCK_NB) == 0 { Self.remove(folder) }
            } else if errno == ENOENT {
                Self.remove(folder)
            }
        }
    }

    /// Removes the state files in `folder`, then the folder: only if nothing else is in it.
    private static func remove(_ folder: String) {
        for file in stateFiles { unlink(folder + "/" + file) }
        rmdir(folder)
    }

    /// Removes the stored manifest: the output folder no longer matches it (a write was cut
    /// short), and the next build must not trust it to skip anything.
    func forgetManifest() {
        unlink(path + "/manifest")
    }

    // MARK: - The journal of a write under way

    /// What a write into the output folder was doing when it was cut short.
    enum InterruptedWrite {
        /// Replacing files: what it left behind are temporary files.
        case replacing
        /// Filling a new folder: every file there is its, under its final name.
        case filling
    }

    /// The journal is present while files are being written into the output folder: found
    /// at the start of a build, it means the last write was cut short (Ctrl-C, power cut),
    /// and says what that write left behind.
    var interruptedWrite: InterruptedWrite? {
        guard let bytes = Self.bytes(at: path + "/writing") else { return nil }
        return bytes == Self.fillingJournal ? .filling : .replacing
    }

    var writeWasInterrupted: Bool { interruptedWrite != nil }

    /// Opens the journal (or says what a write still under way does now).
    func beginWrite(fillingNewFolder: Bool = false) throws {
        try prepare()
        try Self.replace(path + "/writing", with: fillingNewFolder ? Self.fillingJournal : [])
    }

    private static let fillingJournal = Array("filling a new folder\n".utf8)

    func endWrite() {
        unlink(path + "/writing")
    }

    // MARK: - One build at a time

    /// Holds the folder's lock until the returned descriptor is closed; nil when another
    /// caravan holds it (two builds into one folder would undo each other's work).
    func lock() throws -> Int32? {
        try prepare()
        let fd = open(path + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriter.posixError("cannot open \(path)/lock") }
        // A process this one spawns (git) briefly holds a copy of every descriptor until it
        // starts, and with it the lock a finished build just let go: a short wait tells
        // that apart from another caravan building into the folder.
        for attempt in 0..<20 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return fd }
            if attempt < 19 { usleep(10_000) }
        }
        close(fd)
        return nil
    }

    // MARK: - Files

    private func prepare() throws {
        let root = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if access(root + "/README", F_OK) != 0 {
            try? Self.replace(root + "/README", with: Array(Self.readme.utf8))
        }
    }

    private static func bytes(at path: String) -> [UInt8]? {
        FileSystem.read(absolutePath: path)
    }

    /// Written under another name and renamed, so a reader never finds half a state.
    private static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = path + ".tmp"
        if let problem = WholeFile.write(bytes, to: temporary, exclusive: false) {
            throw SiteWriter.writeError("cannot write \(temporary): \(problem)")
        }
        guard rename(temporary, path) == 0 else { throw SiteWriter.posixError("cannot write \(path)") }
    }
}

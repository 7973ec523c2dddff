import CDirectoryListing
import Foundation

/// Read-only file access for the loader: directory listings, file reads, symlink checks.
/// POSIX calls rather than FileManager: they are several times faster on large trees.
struct FileSystem: Sendable {
    /// The site root (the folder holding `Content/`), already resolved with realpath.
    let root: String
    /// Folder listings read earlier in this build (`recordingListings(under:)`), by path:
    /// `list` and `walk` answer from them instead of asking the file system again.
    var recorded: [String: [Entry]] = [:]
    /// When `recordingListings` began (ns since 1970, the clock file times are written with):
    /// a file changed just before cannot be told from one changed again in the same tick.
    var listedAt = 0
    /// The stamp of each recorded folder, as it was when listed (`StoredListings` keeps them).
    var stamps: [String: FolderStamp] = [:]
    /// Listings of an earlier run: a folder still stamped as recorded there is not listed.
    private var earlier = StoredListings()

    init(root: String) {
        self.root = root
    }

    /// The time now, as file modification times count it.
    static var now: Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }

    enum EntryKind { case file, directory, other }

    struct Entry {
        var name: String
        var kind: EntryKind
        var isSymlink: Bool
        var size: Int
        /// Modification time (ns since 1970) and inode, for the source fingerprint.
        var modified = 0
        var inode: UInt64 = 0

        /// What tells an edited file from the one read before: any save changes one of these.
        var signature: Signature { Signature(size: size, modified: modified, inode: inode) }
    }

    struct Signature: Hashable, Sendable {
        var size: Int
        var modified: Int
        var inode: UInt64
    }

    /// What tells a folder's names apart from those listed before: its change time (ns
    /// since 1970, set by every entry added, removed or renamed, and never set back) and inode.
    struct FolderStamp: Hashable, Sendable {
        var changed: Int
        var inode: UInt64

        init(changed: Int, inode: UInt64) {
            (self.changed, self.inode) = (changed, inode)
        }

        init(_ info: stat) {
            self.init(changed: info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec, inode: UInt64(info.st_ino))
        }
    }

    func absolute(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    func exists(_ relative: String) -> Bool {
        var info = stat()
        return stat(absolute(relative), &info) == 0
    }

    /// Entries of a folder, sorted by name, hidden files (`.DS_Store`, `.git`) left out.
    func list(_ relative: String) -> [Entry] {
        if let entries = recorded[relative] { return entries }
        let folder = open(absolute(relative), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return [] }
        defer { close(folder) }
        return Self.entries(of: folder)
    }

    /// The entries of the open folder `folder` (which stays open; its position is left at
    /// the end). Each is looked at from the folder: one name for the kernel to look up, not
    /// the whole path from the root. A sub-folder is known as one by its listing alone (no
    /// `stat`: the fingerprint and the loader use only its name, and at one folder per story
    /// that was a third of the calls). Read with `getdents64`: two calls for a story folder,
    /// where `readdir` took seven.
    private static func entries(of folder: Int32) -> [Entry] {
        var entries: [Entry] = []
        withUnsafeTemporaryAllocation(byteCount: 32_768, alignment: 8) { buffer in
            // 0 at the end; -1 on an error, where what was read stands, as with `readdir`.
            while case let count = getdents64(folder, buffer.baseAddress, buffer.count), count > 0 {
                var offset = 0
                while offset < count {
                    // `struct linux_dirent64`: inode, offset, record length, type, name.
                    let record = buffer.baseAddress! + offset
                    offset += Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                    let inode = record.loadUnaligned(as: UInt64.self)
                    let type = record.load(fromByteOffset: 18, as: UInt8.self)
                    let namePointer = (record + 19).assumingMemoryBound(to: CChar.self)
                    if namePointer.pointee == CChar(UInt8(ascii: ".")) { continue }
                    if let entry = entry(named: String(cString: namePointer), at: namePointer, type: type, inode: inode, in: folder) {
                        entries.append(entry)
                    }
                }
            }
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The entry `name`, at `path` from `folder`, of type `type` as a listing gave it; nil
    /// when it went since.
    private static func entry(named name: String, at path: UnsafePointer<CChar>, type: UInt8, inode: UInt64, in folder: Int32) -> Entry? {
        if type == UInt8(DT_DIR) {
            return Entry(name: name, kind: .directory, isSymlink: false, size: 0, inode: inode)
        }
        var linkInfo = stat()
        guard fstatat(folder, path, &linkInfo, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        let isSymlink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
        // Only a link needs a second look, at what it points to.
        var info = linkInfo
        if isSymlink, fstatat(folder, path, &info, 0) != 0 {
            return Entry(name: name, kind: .other, isSymlink: isSymlink, size: 0)
        }
        let mode = info.st_mode & S_IFMT
        let kind: EntryKind = mode == S_IFDIR ? .directory : mode == S_IFREG ? .file : .other
        return Entry(name: name, kind: kind, isSymlink: isSymlink, size: Int(info.st_size),
                     modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }

    /// True when `relative` resolves (through symlinks) to a place inside `folder`.
    func resolves(_ relative: String, inside folder: String) -> Bool {
        guard let target = realpath(absolute(relative), nil), let base = realpath(absolute(folder), nil) else { return false }
        defer { free(target); free(base) }
        let targetPath = String(cString: target)
        let basePath = String(cString: base)
        return targetPath == basePath || targetPath.hasPrefix(basePath + "/")
    }

    /// The file's bytes; with `followingLinks: false`, nil when the file is a symbolic link.
    func read(_ relative: String, followingLinks: Bool = true) -> [UInt8]? {
        Self.read(absolutePath: absolute(relative), followingLinks: followingLinks)
    }

    static func read(absolutePath: String, followingLinks: Bool = true) -> [UInt8]? {
        let fd = open(absolutePath, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if count <= 0 { break }
            done += count
        }
        return done == bytes.count ? bytes : Array(bytes[..<done])
    }

    /// Every regular file under `relative`, as paths relative to it, sorted. Symbolic links
    /// to folders are listed, not followed (a link to a parent would never end), and so are
    /// links that lead nowhere (kind `.other`), so the loader can say what it skipped.
    func walk(_ relative: String) -> [(path: String, entry: Entry)] {
        walk(relative, prefix: "")
    }

    private func walk(_ folder: String, prefix: String) -> [(path: String, entry: Entry)] {
        let visit: @Sendable (Entry) -> [(path: String, entry: Entry)] = { entry in
            let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            switch entry.kind {
            case .directory where entry.isSymlink: return [(path, entry)]
            case .directory: return walk(folder + "/" + entry.name, prefix: path)
            case .file: return [(path, entry)]
            case .other: return entry.isSymlink ? [(path, entry)] : []
            }
        }
        // A folder of thousands of story folders is walked on every core, unless its
        // listings were recorded (a build starts with this walk, for the fingerprint).
        let entries = list(folder)
        let parallel = entries.count >= 64 && recorded[folder] == nil
        return (parallel ? entries.concurrentMap(visit) : entries.map(visit)).flatMap { $0 }
    }

    /// This file system with the listing of every folder under `folders` read now, on every
    /// core: the source fingerprint reads them all before a build, and the loader then walks
    /// the same listings instead of the disk. Symbolic links to folders are not followed.
    /// Folders `earlier` (an earlier run's) records with their current stamp are not listed
    /// again: only their entries are looked at.
    func recordingListings(under folders: [String], earlier: StoredListings = StoredListings()) -> FileSystem {
        var files = self
        files.listedAt = Self.now
        files.earlier = earlier
        for folder in folders {
            for listing in files.listings(under: folder) where files.recorded[listing.path] == nil {
                files.recorded[listing.path] = listing.entries
                files.stamps[listing.path] = listing.stamp
            }
        }
        files.earlier = StoredListings()
        return files
    }

    /// These listings with what `changed` (paths relative to the root, as a file watcher
    /// reports them) may have changed read again: the folder holding each path, and the
    /// path itself with everything under it when it is (or was) a folder. Other folders
    /// keep their recorded listing, so a save costs a few system calls, not a walk.
    func refreshing(_ changed: Set<String>) -> FileSystem {
        var files = self
        // Only listings read in one go are kept for a later run (a watcher may report a
        // change before the folder's time says so).
        files.stamps = [:]
        // A changed path that is (or was) a folder takes its recorded sub-folders with it;
        // the folder holding it is listed again, its other sub-folders kept.
        files.recorded = recorded.filter { folder, _ in
            !changed.contains { folder == $0 || folder.hasPrefix($0 + "/") }
        }
        let parents = Set(changed.map(Self.parent(of:)))
        for parent in parents { files.recorded[parent] = nil }
        // The site root itself is never listed: only the source folders are (`changed` lies
        // inside them).
        for folder in parents.union(changed).sorted() where !folder.isEmpty && files.recorded[folder] == nil {
            var info = stat()
            guard lstat(absolute(folder), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            let entries = files.list(folder)
            files.recorded[folder] = entries
            // A new folder (or one just dropped above) is read whole.
            for entry in entries where entry.kind == .directory && !entry.isSymlink {
                let child = folder.isEmpty ? entry.name : folder + "/" + entry.name
                guard files.recorded[child] == nil else { continue }
                for listing in files.listings(under: child) where files.recorded[listing.path] == nil {
                    files.recorded[listing.path] = listing.entries
                }
            }
        }
        return files
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    private typealias Listing = (path: String, entries: [Entry], stamp: FolderStamp?)

    private func listings(under folder: String) -> [Listing] {
        if let entries = recorded[folder] { return listings(under: folder, entries: entries, stamp: stamps[folder], descriptor: nil) }
        let descriptor = open(absolute(folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return [(folder, [], nil)] }
        defer { close(descriptor) }
        var info = stat()
        let stamp = fstat(descriptor, &info) == 0 ? FolderStamp(info) : nil
        if let stamp, let known = earlier.folders[folder], known.stamp == stamp,
           let entries = Self.entries(known.entries, in: descriptor, under: nil) {
            return listings(under: folder, entries: entries, stamp: stamp, descriptor: descriptor)
        }
        return listings(under: folder, entries: Self.entries(of: descriptor), stamp: stamp, descriptor: descriptor)
    }

    /// Sub-folders are opened from their open parent (`descriptor`), not by their paths
    /// from the root; one the earlier run recorded with its current stamp is looked at from
    /// the parent, and opened only when it holds folders.
    private func listings(under folder: String, entries: [Entry], stamp: FolderStamp?, descriptor: Int32?) -> [Listing] {
        let subfolders = entries.filter { $0.kind == .directory && !$0.isSymlink }.map(\.name)
        let visit: @Sendable (String) -> [Listing] = { name in
            let path = folder + "/" + name
            guard let descriptor, recorded[path] == nil else { return listings(under: path) }
            var info = stat()
            if let known = earlier.folders[path], fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0,
               (info.st_mode & S_IFMT) == S_IFDIR, known.stamp == FolderStamp(info),
               let entries = Self.entries(known.entries, in: descriptor, under: name) {
                guard entries.contains(where: { $0.kind == .directory && !$0.isSymlink }) else { return [(path, entries, known.stamp)] }
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { return [(path, [], nil)] }
                defer { close(child) }
                return listings(under: path, entries: entries, stamp: known.stamp, descriptor: child)
            }
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return [(path, [], nil)] }
            defer { close(child) }
            return listings(under: path, entries: Self.entries(of: child), stamp: fstat(child, &info) == 0 ? FolderStamp(info) : nil,
                            descriptor: child)
        }
        let nested = subfolders.count >= 64 ? subfolders.concurrentMap(visit) : subfolders.map(visit)
        return [(folder, entries, stamp)] + nested.flatMap { $0 }
    }

    /// The entries an earlier listing of the folder `name` (from `folder`; nil: `folder`
    /// itself) recorded, each looked at again; nil when one went since.
    private static func entries(_ recorded: [Entry], in folder: Int32, under name: String?) -> [Entry]? {
        var entries: [Entry] = []
        entries.reserveCapacity(recorded.count)
        for known in recorded {
            let path = name.map { $0 + "/" + known.name } ?? known.name
            let type = known.kind == .directory && !known.isSymlink ? UInt8(DT_DIR) : UInt8(DT_UNKNOWN)
            guard let entry = path.withCString({ entry(named: known.name, at: $0, type: type, inode: known.inode, in: folder) }) else { return nil }
            entries.append(entry)
        }
        return entries
    }
}

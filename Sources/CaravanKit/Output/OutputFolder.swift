import Foundation
import Synchronization

/// The output folder, opened once: every create, write, rename, look-up and delete below it
/// goes through here, relative to the opened folder and one path component at a time with
/// `O_NOFOLLOW`, so a symbolic link anywhere under it is never followed. A link where a
/// folder should be stops the build with an error naming it; a link where a file goes is
/// replaced like any file (the rename replaces the link, not what it points to).
/// Temporary files get unpredictable names and are created with `O_EXCL`.
final class OutputFolder: Sendable {
    /// The folder, absolute and resolved (see `SiteWriter.absolute`).
    let path: String
    private let root = Mutex<Int32?>(nil)
    /// Folders one or two levels down (`en`, `en/articles`), kept open while a write lasts:
    /// nearly every page lies below one of them.
    private let openFolders = Mutex<[String: Int32]>([:])
    /// Folders `writeNewFile` made or found to be real folders, while a write lasts.
    private let ownFolders = Mutex<Set<String>>([])

    struct Failure: Error, CustomStringConvertible {
        /// The path it is about, relative to the output folder ("" for the folder itself).
        var path: String
        var description: String
        var hint: String
    }

    init(path: String) {
        self.path = path
    }

    deinit {
        closeFolders()
        root.withLock { fd in if let fd { close(fd) } }
    }

    // MARK: - Folders

    /// Whether the output folder exists (as a folder, not a link).
    var exists: Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The descriptor of the folder `relative` ("" for the output folder); with `creating`,
    /// missing folders are made and appended to `made` (relative paths, outermost first).
    /// The caller closes what it gets unless `isCached` says the folder keeps it.
    func openFolder(_ relative: String, creating: Bool, made: inout [String]) throws(Failure) -> (fd: Int32, isCached: Bool) {
        var base = try rootDescriptor(creating: creating, made: &made)
        var baseIsShared = true
        var walked = ""
        for component in relative.split(separator: "/") {
            walked += walked.isEmpty ? String(component) : "/" + component
            let depth = walked.utf8.count(where: { $0 == 47 })
            if depth < 2, let cached = openFolders.withLock({ $0[walked] }) {
                if !baseIsShared { close(base) }
                (base, baseIsShared) = (cached, true)
                continue
            }
            var next = openat(base, String(component), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, creating {
                if mkdirat(base, String(component), 0o755) == 0 {
                    made.append(walked)
                } else if errno != EEXIST {
                    let failure = Self.failure(walked, "cannot create the folder")
                    if !baseIsShared { close(base) }
                    throw failure
                }
                next = openat(base, String(component), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard next >= 0 else {
                let failure = errno == ELOOP || errno == ENOTDIR ? foreignEntry(walked, in: base) : Self.failure(walked, "cannot open the folder")
                if !baseIsShared { close(base) }
                throw failure
            }
            if !baseIsShared { close(base) }
            (base, baseIsShared) = (next, false)
            if depth < 2 {
                let kept = openFolders.withLock { folders -> Int32 in
                    if let other = folders[walked] { return other }
                    folders[walked] = next
                    return next
                }
                if kept != next { close(next) }
                (base, baseIsShared) = (kept, true)
            }
        }
        return (base, baseIsShared)
    }

    /// Closes the folders kept open; the next write opens them again (a build may have
    /// removed some of them since).
    func closeFolders() {
        let folders = openFolders.withLock { folders in
            defer { folders = [:] }
            return folders
        }
        for fd in folders.values { close(fd) }
        ownFolders.withLock { $0 = [] }
    }

    private func rootDescriptor(creating: Bool, made: inout [String]) throws(Failure) -> Int32 {
        if let fd = root.withLock({ $0 }) { return fd }
        if creating, !exists {
            if mkdir(path, 0o755) == 0 {
                made.append("")
            } else if errno == ENOENT {
                // Its parent is missing too: outside the output folder, so made as asked.
                do {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                    made.append("")
                } catch {
                    throw Failure(path: "", description: "cannot create the output folder: \(error.localizedDescription)",
                                  hint: "check the path given to --output and the permissions of its parent folder")
                }
            } else if errno != EEXIST {
                throw Self.failure("", "cannot create the output folder")
            }
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            throw errno == ELOOP || errno == ENOTDIR
                ? Failure(path: "", description: "the output folder is a symbolic link or not a folder",
                          hint: "give --output a real folder (or a new name)")
                : Self.failure("", "cannot open the output folder")
        }
        return root.withLock { current in
            if let current {
                close(fd)
                return current
            }
            current = fd
            return fd
        }
    }

    /// The error for a path that exists but is not a folder caravan can write into; `name`
    /// is where it is from `parent` (its last part, unless said).
    private func foreignEntry(_ relative: String, in parent: Int32, name: String? = nil) -> Failure {
        var info = stat()
        let name = name ?? String(relative.split(separator: "/").last ?? "")
        let isLink = fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        return isLink
            ? Failure(path: relative, description: "is a symbolic link where the site has a folder; caravan never writes through a link",
                      hint: "remove the link (the site's files go in a real folder), or build into a new folder")
            : Failure(path: relative, description: "is a file where the site has a folder",
                      hint: "remove or rename it, or build into a new folder")
    }

    // MARK: - Files

    /// Writes `bytes` under a new, unpredictable temporary name in `folder` and returns the
    /// name; `rename` then puts it in place.
    func writeTemporary(_ bytes: [UInt8], in folder: Int32, for relative: String) throws(Failure) -> String {
        var fd: Int32 = -1
        var name = ""
        for _ in 0..<8 where fd < 0 {
            name = SiteWriter.temporaryPrefix + String(UInt64.random(in: 0...UInt64.max), radix: 16)
            fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd < 0, errno != EEXIST { break }
        }
        guard fd >= 0 else { throw Self.failure(relative, "cannot create a temporary file for it") }
        try write(bytes, to: fd, named: name, in: folder, for: relative)
        return name
    }

    /// Writes `bytes` as the new file `relative`, straight under its final name, making the
    /// folders on its way; false (and nothing written) when something of that name is already
    /// there. Only into an output folder that was missing or empty when the write began
    /// (`SiteWriter.begin(intoNewFolder:)`): every folder in it is then this write's own, made
    /// by `mkdirat` (which never follows a link) or found to be a real folder, so a path
    /// through them holds no link, and the file is created through the whole path in one
    /// call, `O_NOFOLLOW` guarding its own name. Opening each folder in turn took twice the
    /// system calls (writing files is a quarter of a new site's build on ext4).
    func writeNewFile(_ bytes: [UInt8], at relative: String, made: inout [String]) throws(Failure) -> Bool {
        guard SiteWriter.isSafeRelative(relative) else { throw Failure(path: relative, description: "is not a path inside the output folder", hint: "report this as a bug") }
        let root = try rootDescriptor(creating: true, made: &made)
        try makeOwnFolder(SiteWriter.folder(of: relative), in: root, made: &made)
        let fd = openat(root, relative, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw Self.failure(relative, "cannot create it")
        }
        try write(bytes, to: fd, named: relative, in: root, for: relative)
        return true
    }

    /// Makes `relative` and the folders holding it, for `writeNewFile`: each one the write
    /// does not own yet is made, or (made by another thread just now) checked to be a folder.
    private func makeOwnFolder(_ relative: String, in root: Int32, made: inout [String]) throws(Failure) {
        guard !relative.isEmpty, !ownFolders.withLock({ $0.contains(relative) }) else { return }
        try makeOwnFolder(SiteWriter.folder(of: relative), in: root, made: &made)
        if mkdirat(root, relative, 0o755) == 0 {
            made.append(relative)
        } else {
            guard errno == EEXIST else { throw Self.failure(relative, "cannot create the folder") }
            var info = stat()
            guard fstatat(root, relative, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw foreignEntry(relative, in: root, name: relative)
            }
        }
        ownFolders.withLock { _ = $0.insert(relative) }
    }

    /// Writes all of `bytes` into the file just created as `name`, and closes it; on failure
    /// the file is removed.
    private func write(_ bytes: [UInt8], to fd: Int32, named name: String, in folder: Int32, for relative: String) throws(Failure) {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            guard count > 0 else {
                let failure = Self.failure(relative, "cannot write it")
                close(fd)
                unlinkat(folder, name, 0)
                throw failure
            }
            done += count
        }
        close(fd)
    }

    /// Puts the temporary file `temporary` of `folder` in place as `name`.
    func rename(_ temporary: String, to name: String, in folder: Int32, for relative: String) throws(Failure) {
        guard renameat(folder, temporary, folder, name) == 0 else {
            let failure = errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST
                ? Failure(path: relative, description: "is a folder where the site has a file", hint: "remove or rename it, or build into a new folder")
                : Self.failure(relative, "cannot put it in place")
            unlinkat(folder, temporary, 0)
            throw failure
        }
    }

    /// The size of the regular file at `relative`; nil when there is none (or a link, or
    /// anything else, which a write then replaces).
    func fileSize(_ relative: String) -> Int? {
        withParent(of: relative) { folder, name in
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        } ?? nil
    }

    /// The size of the regular file at `path`, nil where there is none, read with one
    /// system call: links inside the path are followed, the file itself is not. Only for
    /// deciding whether a build may keep a file; writing never follows a link (`openFolder`).
    func sizeForCheck(_ path: String) -> Int? {
        var made: [String] = []
        guard let root = try? rootDescriptor(creating: false, made: &made) else { return nil }
        var info = stat()
        guard fstatat(root, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The bytes of the regular file at `relative`; nil when there is none (a link is not followed).
    func contents(_ relative: String) -> [UInt8]? {
        withParent(of: relative) { folder, name -> [UInt8]? in
            let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            return count == bytes.count ? bytes : nil
        } ?? nil
    }

    /// Removes the file (or link) at `relative`; true when there was one.
    @discardableResult
    func remove(_ relative: String) -> Bool {
        withParent(of: relative) { folder, name in unlinkat(folder, name, 0) == 0 } ?? false
    }

    /// Removes the folder at `relative` if it is empty; true when it was removed.
    @discardableResult
    func removeFolderIfEmpty(_ relative: String) -> Bool {
        if relative.isEmpty { return rmdir(path) == 0 }
        return withParent(of: relative) { folder, name in unlinkat(folder, name, AT_REMOVEDIR) == 0 } ?? false
    }

    /// Whether the output folder is missing or holds nothing at all.
    var isMissingOrEmpty: Bool {
        guard let dir = opendir(path) else { return errno == ENOENT }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name[0] == 46 && (name[1] == 0 || (name[1] == 46 && name[2] == 0))
            }
            if !isDot { return false }
        }
        return true
    }

    /// Every file under the output folder (relative paths, links included as files), without
    /// following a link.
    func allFiles() -> [String] {
        var made: [String] = []
        guard let (fd, isCached) = try? openFolder("", creating: false, made: &made) else { return [] }
        return Self.files(in: isCached ? dup(fd) : fd, prefix: "")
    }

    private static func files(in fd: Int32, prefix: String) -> [String] {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return []
        }
        defer { closedir(dir) }
        var result: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            let child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                result += files(in: child, prefix: relative)
            } else {
                result.append(relative)
            }
        }
        return result
    }

    /// Runs `body` with the descriptor of the folder holding `relative` and its last name;
    /// nil when that folder cannot be reached without following a link.
    private func withParent<T>(of relative: String, _ body: (Int32, String) -> T) -> T? {
        let parts = relative.split(separator: "/")
        guard let name = parts.last, !parts.contains("..") else { return nil }
        var made: [String] = []
        guard let (fd, isCached) = try? openFolder(parts.dropLast().joined(separator: "/"), creating: false, made: &made) else { return nil }
        defer { if !isCached { close(fd) } }
        return body(fd, String(name))
    }

    private static func failure(_ relative: String, _ what: String) -> Failure {
        let reason = String(cString: strerror(errno))
        return Failure(path: relative, description: "\(what): \(reason)",
                       hint: errno == ENOSPC ? "free some disk space, then build again"
                           : errno == EACCES || errno == EPERM ? "check the permissions of the output folder"
                           : "check the output folder, then build again")
    }
}

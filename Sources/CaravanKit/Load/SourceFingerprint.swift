import Foundation

/// A fingerprint of everything a build reads — every file's path, size, modification time
/// and inode under Content/, Templates/ and Public/ — plus the build's options and the
/// generator itself. When it matches the one stored with the previous output, nothing a
/// build could produce has changed, and the build is skipped: a no-change rebuild costs
/// a few thousand `stat` calls instead of a full render.
enum SourceFingerprint {
    static let folders = ["Content", "Templates", "Public"]

    /// The fingerprint a build may be skipped by: none while a file is newer than
    /// `KnownDocuments.racyWindow` before the listing, as a same-size edit in the same tick
    /// of the file system's clock would leave the fingerprint as it is.
    static func trusted(_ files: FileSystem, options: BuildOptions) -> UInt64? {
        let settled = files.listedAt - KnownDocuments.racyWindow
        // The recorded listings are those of `folders`: looked at directly, with no paths made.
        for entries in files.recorded.values where entries.contains(where: { $0.modified >= settled }) { return nil }
        return of(files, options: options)
    }

    /// `files` must hold the listing of every folder under `folders`
    /// (`FileSystem.recordingListings(under:)`), which the build then reuses.
    static func of(_ files: FileSystem, options: BuildOptions) -> UInt64 {
        var hasher = ContentHash()
        hasher.add("caravan-3|\(options.fingerprint)|")
        // The generator is an input too: a new caravan may render the same sources differently.
        hasher.add(generator)
        for folder in folders {
            hasher.add(folder)
            add(folder, of: files, to: &hasher)
        }
        return hasher.value
    }

    /// Every entry under `folder` that `FileSystem.walk` lists, and where each folder begins
    /// and ends, hashed straight from the listings: no path is made for each of thousands of
    /// files (this runs before every build, even one that is then skipped).
    private static func add(_ folder: String, of files: FileSystem, to hasher: inout ContentHash) {
        for entry in files.list(folder) {
            switch entry.kind {
            case .directory where !entry.isSymlink:
                hasher.add(entry.name)
                hasher.add(UInt64.max)
                add(folder + "/" + entry.name, of: files, to: &hasher)
                hasher.add(UInt64.max - 1)
            case .other where !entry.isSymlink:
                continue
            default:
                hasher.add(entry.name)
                hasher.add(UInt64(entry.size))
                hasher.add(UInt64(bitPattern: Int64(entry.modified)))
                hasher.add(entry.inode)
            }
        }
    }

    /// The running caravan binary's size, modification time and inode: a rebuilt generator
    /// may render the same sources differently.
    static var generator: String {
        Bundle.main.executablePath.flatMap(metadata(of:)) ?? ""
    }

    private static func metadata(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)\n"
    }
}

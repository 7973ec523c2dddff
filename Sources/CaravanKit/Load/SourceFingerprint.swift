import Foundation

/// A fingerprint of everything a build reads — every file's path, size and modification
/// time under Content/, Templates/ and Public/ — plus the build's options and the
/// generator itself. When it matches the one stored with the previous output, nothing a
/// build could produce has changed, and the build is skipped: a no-change rebuild costs
/// a few thousand `stat` calls instead of a full render.
public enum SourceFingerprint {
    public static func compute(_ options: BuildOptions) -> UInt64 {
        var hasher = ContentHash()
        hasher.add("caravan-1|drafts=\(options.includeDrafts)|")
        // The generator is an input too: a new caravan may render the same sources differently.
        hasher.add(generator)
        let files = FileSystem(root: options.source)
        for folder in ["Content", "Templates", "Public"] {
            for (path, entry) in files.walk(folder) {
                hasher.add(folder + "/" + path)
                hasher.add(UInt64(entry.size))
                hasher.add(UInt64(bitPattern: Int64(entry.modified)))
                hasher.add(entry.inode)
            }
        }
        return hasher.value
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

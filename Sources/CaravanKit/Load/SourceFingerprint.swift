import Foundation

/// A fingerprint of everything a build reads — every file's path, size and modification
/// time under Content/, Templates/ and Public/ — plus the build's options and the
/// generator itself. When it matches the one stored with the previous output, nothing a
/// build could produce has changed, and the build is skipped: a no-change rebuild costs
/// a few thousand `stat` calls instead of a full render.
public struct SourceFingerprint: Sendable {
    public let value: UInt64
    /// The folder listings read to compute it; pass them on in `BuildOptions.listings` so
    /// the build that follows does not read the same folders again.
    public let listings: SourceListings

    public init(_ options: BuildOptions) {
        var hasher = ContentHash()
        hasher.add("caravan-1|drafts=\(options.includeDrafts)|")
        // The generator is an input too: a new caravan may render the same sources differently.
        hasher.add(Self.generator)
        let folders = ["Content", "Templates", "Public"]
        let files = FileSystem(root: options.source).recordingListings(under: folders)
        for folder in folders {
            for (path, entry) in files.walk(folder) {
                hasher.add(folder + "/" + path)
                hasher.add(UInt64(entry.size))
                hasher.add(UInt64(bitPattern: Int64(entry.modified)))
                hasher.add(entry.inode)
            }
        }
        value = hasher.value
        listings = SourceListings(folders: files.recorded)
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

/// Folder listings of the source tree read by `SourceFingerprint`, for the loader to reuse.
/// Only valid for the build that immediately follows: a later build must read its own.
public struct SourceListings: Sendable {
    let folders: [String: [FileSystem.Entry]]
}

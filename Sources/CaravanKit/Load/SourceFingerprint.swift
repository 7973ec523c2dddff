import Foundation

/// A fingerprint of everything a build reads — every file's path, size and modification
/// time under Content/, Templates/ and Public/ — plus the build's options and the
/// generator itself. When it matches the one stored with the previous output, nothing a
/// build could produce has changed, and the build is skipped: a no-change rebuild costs
/// a few thousand `stat` calls instead of a full render.
public enum SourceFingerprint {
    public static func compute(_ options: BuildOptions) -> UInt64 {
        var hasher = FNV()
        hasher.add("caravan-1|drafts=\(options.includeDrafts)|")
        // The generator is an input too: a new caravan may render the same sources differently.
        if let executable = Bundle.main.executablePath { hasher.add(metadata(of: executable) ?? "") }
        let files = FileSystem(root: options.source)
        for folder in ["Content", "Templates", "Public"] {
            for (path, _) in files.walk(folder) {
                hasher.add(folder + "/" + path)
                hasher.add(metadata(of: files.absolute(folder + "/" + path)) ?? "missing")
            }
        }
        return hasher.value
    }

    private static func metadata(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)\n"
    }

    private struct FNV {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            value = (value ^ 0xFF) &* 0x0000_0100_0000_01b3
        }
    }
}

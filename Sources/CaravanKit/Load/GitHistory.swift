import Foundation

/// When each story file was last committed, from one `git log` over the content folders
/// (one process for the whole site, not one per file). Nil outside a git checkout or
/// where git is missing: translation status then falls back to the front matter's dates.
struct GitHistory: Sendable {
    /// Commit times (seconds since 1970), newest first, by path relative to the site folder.
    let commits: [String: [Int]]

    /// The folders whose files' history is read.
    static let folders = ["Content/articles", "Content/pages"]

    /// What identifies the repository's state without running git: the size and time of
    /// `.git/logs/HEAD`, which every commit, checkout and reset appends to. Nil outside a
    /// checkout.
    static func signature(source: String) -> String? {
        guard let gitFolder = gitFolder(above: source) else { return nil }
        var info = stat()
        guard stat(gitFolder + "/logs/HEAD", &info) == 0 else { return gitFolder }
        return "\(gitFolder) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Whether `signature` changes with every commit, checkout and reset (git keeps
    /// `.git/logs/HEAD` unless told not to): only then may a history read at it be kept
    /// between runs (`StoredGitHistory`).
    static func followsCommits(_ signature: String) -> Bool {
        !signature.hasSuffix("/.git")
    }

    /// The `.git` folder of the checkout holding `source`, looking upwards.
    private static func gitFolder(above source: String) -> String? {
        var folder = URL(fileURLWithPath: source).standardizedFileURL.path
        while true {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/.git", isDirectory: &isFolder) {
                return isFolder.boolValue ? folder + "/.git" : nil
            }
            let parent = (folder as NSString).deletingLastPathComponent
            guard parent != folder, !parent.isEmpty else { return nil }
            folder = parent
        }
    }

    /// Reads the history of the story files under `source`; nil when it cannot be read.
    static func read(source: String) -> GitHistory? {
        guard signature(source: source) != nil,
              let text = run(["log", "--relative", "--format=%x01%ct", "--name-only", "--"] + folders, in: source) else { return nil }
        var commits: [String: [Int]] = [:]
        var time = 0
        for line in text.split(separator: "\n") {
            if line.first == "\u{01}" {
                time = Int(line.dropFirst()) ?? 0
            } else if !line.isEmpty {
                commits[String(line), default: []].append(time)
            }
        }
        return GitHistory(commits: commits)
    }

    /// The file as it was committed last at or before `time`; nil when it did not exist then.
    static func text(of path: String, before time: Int, in source: String) -> String? {
        guard let hash = run(["log", "-1", "--format=%H", "--before=@\(time)", "--", path], in: source)?
            .trimmingCharacters(in: .whitespacesAndNewlines), !hash.isEmpty else { return nil }
        return run(["show", "\(hash):./\(path)"], in: source)
    }

    /// Git's output, or nil when git is missing or fails.
    private static func run(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

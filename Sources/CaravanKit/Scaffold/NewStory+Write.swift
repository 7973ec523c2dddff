import Foundation

extension NewStory {
    /// Writes a plan: creates the story folder (failing if anything is already there) and
    /// each file with `O_EXCL`, so nothing existing is ever replaced. On any failure what
    /// this call created is removed again and the reason returned; empty when all went well.
    public static func write(_ plan: ScaffoldPlan, root: String) -> [Diagnostic] {
        let parent = (plan.folder as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: root + "/" + parent, withIntermediateDirectories: true)
        } catch {
            return [.error(parent, nil, "cannot create the folder: \(error.localizedDescription)",
                           hint: "check that \(parent) is a folder you can write to")]
        }
        let folder = root + "/" + plan.folder
        guard mkdir(folder, 0o755) == 0 else {
            let code = errno
            if code == EEXIST { return [existsError(plan.folder, slug: plan.slug)] }
            return [.error(plan.folder, nil, "cannot create the folder: \(String(cString: strerror(code)))",
                           hint: "check that \(parent) is a folder you can write to")]
        }
        var written: [String] = []
        for file in plan.files {
            if let problem = writeNew(root + "/" + file.path, Array(file.text.utf8)) {
                for path in written { unlink(path) }
                rmdir(folder)
                return [.error(file.path, nil, "cannot write the file: \(problem); nothing was written",
                               hint: "check the free disk space and that \(parent) is writable")]
            }
            written.append(root + "/" + file.path)
        }
        return []
    }

    /// Creates `path` (never replacing a file) with `bytes`; the reason on failure.
    private static func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if count <= 0 {
                let problem = String(cString: strerror(errno))
                close(fd)
                unlink(path)
                return problem
            }
            done += count
        }
        guard close(fd) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(path)
            return problem
        }
        return nil
    }
}

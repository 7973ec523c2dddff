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
            if let problem = WholeFile.write(Array(file.text.utf8), to: root + "/" + file.path, exclusive: true) {
                for path in written { unlink(path) }
                rmdir(folder)
                return [.error(file.path, nil, "cannot write the file: \(problem); nothing was written",
                               hint: "check the free disk space and that \(parent) is writable")]
            }
            written.append(root + "/" + file.path)
        }
        return []
    }
}

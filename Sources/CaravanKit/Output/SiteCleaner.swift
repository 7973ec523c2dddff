import Foundation

/// `caravan clean`: removes an output folder caravan built (it carries caravan's marker
/// file, `.caravan-site`) and the build state caravan keeps for it beside `Content/`
/// (`StateFolder`), and nothing else. A folder without the marker is refused whole, so a
/// mistyped `--output` can never delete someone's files.
public enum SiteCleaner {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
        public var hint: String
    }

    /// What was removed (absolute paths); nil for what was not there.
    public struct Report: Sendable, Equatable {
        public var output: String?
        public var state: String?
    }

    public static func clean(output: String, source: String) throws(Refusal) -> Report {
        let given = URL(fileURLWithPath: output).standardizedFileURL.path
        var info = stat()
        if lstat(given, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw Refusal(description: "\(given) is a symbolic link; `caravan clean` removes only a folder caravan built, not a link or what it points to",
                          hint: "give the folder itself with --output")
        }
        let outputPath = SiteWriter.absolute(output)
        let sourcePath = SiteWriter.absolute(source)
        if outputPath == sourcePath || sourcePath.hasPrefix(outputPath + "/") {
            throw Refusal(description: "\(outputPath) holds the source folder; `caravan clean` does not remove it",
                          hint: "give the output folder with --output, e.g. --output Site")
        }
        let folder = OutputFolder(path: outputPath)
        var report = Report()
        if lstat(outputPath, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw Refusal(description: "\(outputPath) is not a folder; `caravan clean` removes only a folder caravan built",
                              hint: "check --output")
            }
            guard folder.fileSize(SiteWriter.markerName) != nil else {
                throw Refusal(
                    description: "\(outputPath) was not built by caravan (it has no \(SiteWriter.markerName) file); `caravan clean` leaves it alone",
                    hint: "check --output (the folder `caravan build` wrote); if this folder should go, delete it yourself")
            }
            guard folder.removeAll() else {
                throw Refusal(description: "could not remove all of \(outputPath): \(String(cString: strerror(errno)))",
                              hint: "check the permissions of the folder, then run `caravan clean` again")
            }
            report.output = outputPath
        }
        let state = StateFolder(source: source, output: outputPath).path
        if FileManager.default.fileExists(atPath: state) {
            do {
                try FileManager.default.removeItem(atPath: state)
            } catch {
                throw Refusal(description: "could not remove the build state \(state): \(error.localizedDescription)",
                              hint: "check its permissions; deleting it by hand is safe")
            }
            report.state = state
        }
        return report
    }

    /// The line `caravan clean` prints.
    public static func message(_ report: Report, output: String) -> String {
        switch (report.output, report.state) {
        case (let folder?, let state?): "Removed \(folder) and its build state (\(state))."
        case (let folder?, nil): "Removed \(folder) (it had no build state)."
        case (nil, let state?): "Removed the build state of \(output) (\(state)); the folder itself was not there."
        case (nil, nil): "Nothing to remove: there is no \(output) and no build state for it."
        }
    }
}

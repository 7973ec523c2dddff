import CaravanKit
import Foundation

/// A site written from strings into a fresh temporary folder, for golden-site tests.
///
///     let site = try FixtureSite(files: FixtureSite.minimal + ["Content/articles/a/en.md": "…"])
///     let result = site.build()
public struct FixtureSite {
    public let root: URL

    /// `binaryFiles` are files that are not text (pictures), by path.
    public init(files: [String: String], binaryFiles: [String: [UInt8]] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("caravan-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files {
            try write(path, Data(text.utf8))
        }
        for (path, bytes) in binaryFiles {
            try write(path, Data(bytes))
        }
    }

    /// Writes (or replaces) one file, creating its folders.
    public func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Dates every source file (Content/, Templates/, Public/) an hour back, as on an
    /// editor's machine: a build trusts such files by their signatures (`KnownDocuments`)
    /// and may be skipped when none changed; files changed in the last seconds it checks.
    public func backdate() throws {
        let date = Date().addingTimeInterval(-3_600)
        for folder in ["Content", "Templates", "Public"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            for case let url as URL in enumerator ?? FileManager.DirectoryEnumerator() {
                try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
            }
        }
    }

    /// Rewrites one text file with `change` applied to what it holds.
    public func edit(_ path: String, _ change: (String) -> String) throws {
        try write(path, change(String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// Builds in memory, from scratch: `output.files` holds the whole site.
    public func build(drafts: Bool = false) -> BuildResult {
        SiteBuilder(options: BuildOptions(source: root.path, includeDrafts: drafts)).build()
    }

    /// The default output folder, `Site/` inside the fixture.
    public var outputPath: String { root.appendingPathComponent("Site").path }

    /// Builds and writes to `Site/` (or `output`) as `caravan build` does, with a new engine
    /// that starts from the state the last build there left: rendering only the pages whose
    /// inputs changed, staging each page as it is rendered. Returns the build result and
    /// what writing did (nil when the build failed and nothing was written).
    @discardableResult
    public func buildAndWrite(output: String? = nil, drafts: Bool = false) throws -> (BuildResult, SiteWriter.Report?) {
        let builder = try SiteBuilder(options: BuildOptions(source: root.path, includeDrafts: drafts), output: output ?? outputPath)
        let result = builder.build()
        return (result, result.succeeded ? result.report : nil)
    }

    /// Every file under `folder` (relative paths) with its bytes.
    public func snapshot(of folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in enumerator {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[String(url.path.dropFirst(base.path.count + 1))] = try? Data(contentsOf: url)
            }
        }
        return result
    }

    public func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}

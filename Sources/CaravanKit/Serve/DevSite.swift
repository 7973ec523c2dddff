import Foundation

/// The site as `caravan serve` holds it: an engine that builds into serve's own folder
/// (`.caravan/serve/` beside Content/, never `Site/`), the files of its last good build, the
/// diagnostics of the latest build, and a version that changes whenever what a browser
/// shows changed (pages reload then).
public actor DevSite {
    public let options: BuildOptions
    private let builder: SiteBuilder
    private let folder: String
    /// The files of the last good build; nil until one succeeded.
    private var files: Set<String>?
    private(set) var diagnostics: [Diagnostic] = []
    public private(set) var version = 0
    private var waiters: [CheckedContinuation<Int, Never>] = []

    public init(options: BuildOptions) throws(SiteWriter.Refusal) {
        self.options = options
        let folder = SiteWriter.absolute(options.source) + "/" + StateFolder.folderName + (options.includeDrafts ? "/serve-drafts" : "/serve")
        builder = try SiteBuilder(options: options, output: folder, savesStateAfterEachBuild: false)
        self.folder = builder.outputFolder ?? folder
    }

    /// Builds again (`changes` as the file watcher reported them); a failed build keeps
    /// the previous output and records its problems.
    @discardableResult
    public func rebuild(changes: SourceChanges = .unknown) -> BuildResult {
        let result = builder.build(changes: changes)
        let errorsBefore = diagnostics.filter(\.isError)
        diagnostics = result.diagnostics
        var changed = diagnostics.filter(\.isError) != errorsBefore
        if result.succeeded {
            changed = changed || files == nil || (result.report.map { $0.written + $0.removed > 0 } ?? true)
            files = builder.builtFiles
        }
        if changed || version == 0 { announceNewVersion() }
        return result
    }

    /// The files of the last good build, by path relative to the site root.
    public var builtFiles: Set<String> { files ?? [] }

    /// Keeps what the builds learnt for the next `caravan serve` (see `SiteBuilder.saveState`).
    public func saveState() throws {
        try builder.saveState()
    }

    private func announceNewVersion() {
        version += 1
        let waiting = waiters
        waiters.removeAll()
        for waiter in waiting { waiter.resume(returning: version) }
    }

    /// Returns once the version is newer than `seen` (at once if it already is).
    public func waitForChange(after seen: Int) async -> Int {
        if version > seen { return version }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// The answer to one request. Only GET and HEAD are served; the body of HEAD is
    /// dropped by the caller.
    public func response(method: String, path: String) -> DevResponse {
        guard method == "GET" || method == "HEAD" else {
            return DevResponse(status: 405, contentType: "text/plain; charset=utf-8", body: Array("405 method not allowed\n".utf8),
                               headers: ["Allow": "GET, HEAD"])
        }
        guard let files else {
            // The very first build failed: there is no site yet, only the problems.
            let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>caravan: build failed</title></head><body></body></html>"
            return DevResponse(status: 503, contentType: "text/html; charset=utf-8",
                               body: LiveReload.inject(into: Array(page.utf8), diagnostics: diagnostics))
        }
        switch DevRouting.lookup(path, in: files) {
        case .file(let file):
            if let answer = page(file, status: 200) { return answer }
        case .badRequest:
            return DevResponse(status: 400, contentType: "text/plain; charset=utf-8", body: Array("400 bad request\n".utf8))
        case .notFound:
            break
        }
        if files.contains("404.html"), let answer = page("404.html", status: 404) { return answer }
        return DevResponse(status: 404, contentType: "text/plain; charset=utf-8", body: Array("404 not found\n".utf8))
    }

    /// A file of the last good build, read from serve's folder; `file` is one of the paths
    /// that build wrote, never a path taken from a request.
    private func page(_ file: String, status: Int) -> DevResponse? {
        guard var body = FileSystem(root: folder).read(file, followingLinks: false) else { return nil }
        let type = ContentTypes.forPath(file)
        if type.hasPrefix("text/html") { body = LiveReload.inject(into: body, diagnostics: diagnostics) }
        return DevResponse(status: status, contentType: type, body: body, headers: ["Cache-Control": "no-store"])
    }
}

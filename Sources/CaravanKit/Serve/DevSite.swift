import Foundation
import Glibc
import Synchronization

/// The site as `caravan serve` holds it: an engine that builds into serve's own folder
/// (`.caravan/serve/` beside Content/, never `Site/`), the files of its last good build, the
/// diagnostics of the latest build, and a version that changes whenever what a browser
/// shows changed (pages reload then).
public actor DevSite {
    public let options: BuildOptions
    private let builder: SiteBuilder
    private let folder: String
    /// What requests are answered from, readable from any thread without waiting for the
    /// actor (a rebuild in progress never holds a request up): the files of the last good
    /// build (nil until one succeeded) and the diagnostics of the latest build.
    private let served = Mutex<(files: Set<String>?, diagnostics: [Diagnostic])>((nil, []))
    public private(set) var version = 0
    private var waiters: [CheckedContinuation<Int, Never>] = []

    public init(options: BuildOptions) throws(SiteWriter.Refusal) {
        self.options = options
        let folder = SiteWriter.absolute(options.source) + "/" + StateFolder.folderName + "/serve"
            + (options.includeDrafts ? "-drafts" : "") + (options.includeFuture ? "-future" : "")
        builder = try SiteBuilder(options: options, output: folder, savesStateAfterEachBuild: false)
        self.folder = builder.outputFolder ?? folder
    }

    /// Builds again (`changes` as the file watcher reported them); a failed build keeps
    /// the previous output and records its problems.
    @discardableResult
    public func rebuild(changes: SourceChanges = .unknown) -> BuildResult {
        let result = builder.build(changes: changes)
        let files = result.succeeded ? builder.builtFiles : nil
        let changed = served.withLock { served in
            let errorsBefore = served.diagnostics.filter(\.isError)
            served.diagnostics = result.diagnostics
            var changed = result.diagnostics.filter(\.isError) != errorsBefore
            if let files {
                changed = changed || served.files == nil || (result.report.map { $0.written + $0.removed > 0 } ?? true)
                served.files = files
            }
            return changed
        }
        let isFirst = version == 0
        if changed || isFirst { announceNewVersion() }
        // Serve lives for hours: what a large build freed (the first loads and renders the
        // whole site) goes back to the system, once the browser has been told; glibc keeps
        // it for the process otherwise. Not after small builds: the next one would only
        // take the memory back, page by page.
        if isFirst || (result.report?.written ?? 0) > 1_000 { _ = Self.returnFreedMemory?(0) }
        return result
    }

    /// glibc's `malloc_trim`, looked up at run time (Swift's Glibc module does not offer it).
    private static let returnFreedMemory: (@convention(c) (Int) -> Int32)? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }

    /// When the clock alone next changes the site (a story goes live or expires), in
    /// seconds since 1970; nil when nothing is scheduled.
    public func nextScheduledChange() -> Double? {
        builder.nextScheduledChange
    }

    /// The files of the last good build, by path relative to the site root.
    public nonisolated var builtFiles: Set<String> { served.withLock { $0.files ?? [] } }

    /// The diagnostics of the latest build.
    nonisolated var diagnostics: [Diagnostic] { served.withLock { $0.diagnostics } }

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
    public nonisolated func response(method: String, path: String) -> DevResponse {
        let (files, diagnostics) = served.withLock { ($0.files, $0.diagnostics) }
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
            if let answer = page(file, status: 200, diagnostics: diagnostics) { return answer }
        case .badRequest:
            return DevResponse(status: 400, contentType: "text/plain; charset=utf-8", body: Array("400 bad request\n".utf8))
        case .notFound:
            break
        }
        if files.contains("404.html"), let answer = page("404.html", status: 404, diagnostics: diagnostics) { return answer }
        return DevResponse(status: 404, contentType: "text/plain; charset=utf-8", body: Array("404 not found\n".utf8))
    }

    /// A file of the last good build, read from serve's folder; `file` is one of the paths
    /// that build wrote, never a path taken from a request.
    private nonisolated func page(_ file: String, status: Int, diagnostics: [Diagnostic]) -> DevResponse? {
        guard var body = FileSystem(root: folder).read(file, followingLinks: false) else { return nil }
        let type = ContentTypes.forPath(file)
        if type.hasPrefix("text/html") { body = LiveReload.inject(into: body, diagnostics: diagnostics) }
        return DevResponse(status: status, contentType: type, body: body, headers: ["Cache-Control": "no-store"])
    }
}

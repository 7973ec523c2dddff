import Foundation

/// The site as `caravan serve` holds it: the last good build in memory, the diagnostics
/// of the latest build, and a version that changes on every rebuild (pages reload then).
public actor DevSite {
    public let options: BuildOptions
    private(set) var output: BuildOutput?
    private(set) var diagnostics: [Diagnostic] = []
    public private(set) var version = 0
    private var waiters: [CheckedContinuation<Int, Never>] = []

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds again; a failed build keeps the previous output and records its problems.
    @discardableResult
    public func rebuild() -> BuildResult {
        let result = Site.build(options)
        if let built = result.output { output = built }
        diagnostics = result.diagnostics
        version += 1
        let waiting = waiters
        waiters.removeAll()
        for waiter in waiting { waiter.resume(returning: version) }
        return result
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
        guard let output else {
            // The very first build failed: there is no site yet, only the problems.
            let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>caravan: build failed</title></head><body></body></html>"
            return DevResponse(status: 503, contentType: "text/html; charset=utf-8",
                               body: LiveReload.inject(into: Array(page.utf8), diagnostics: diagnostics))
        }
        switch DevRouting.lookup(path, in: output.files) {
        case .file(let file):
            return page(file, status: 200, from: output)
        case .badRequest:
            return DevResponse(status: 400, contentType: "text/plain; charset=utf-8", body: Array("400 bad request\n".utf8))
        case .notFound:
            if output.files["404.html"] != nil { return page("404.html", status: 404, from: output) }
            return DevResponse(status: 404, contentType: "text/plain; charset=utf-8", body: Array("404 not found\n".utf8))
        }
    }

    private func page(_ file: String, status: Int, from output: BuildOutput) -> DevResponse {
        let type = ContentTypes.forPath(file)
        var body = output.files[file]!
        if type.hasPrefix("text/html") { body = LiveReload.inject(into: body, diagnostics: diagnostics) }
        return DevResponse(status: status, contentType: type, body: body, headers: ["Cache-Control": "no-store"])
    }
}

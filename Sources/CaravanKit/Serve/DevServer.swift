import Foundation

/// `caravan serve`: a `DevSite` over HTTP (`HTTPServer`), "reload" pushed over a WebSocket
/// after each rebuild that changed what a browser shows, and the sources watched.
public final class DevServer: Sendable {
    public let site: DevSite
    private let server: HTTPServer
    private let root: String
    private let listening = Gate()

    public struct StartFailure: Error, CustomStringConvertible {
        public var description: String
        public var hint: String
    }

    /// Builds nothing yet, but takes the address: a port in use or an unknown host is
    /// refused at once, with what to do instead.
    public init(options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000) throws {
        let site = try DevSite(options: options)
        self.site = site
        root = options.source
        do {
            server = try HTTPServer(host: host, port: port) { request in Self.reply(to: request, site: site) }
        } catch {
            throw StartFailure(description: error.description, hint: error.hint)
        }
    }

    /// The port the server listens on (the one the system picked, with port 0).
    public func listeningPort() async -> UInt16? {
        server.port
    }

    /// Builds, starts answering, and watches the sources until cancelled. `report` is
    /// called after each build with its result, for the terminal.
    public func run(report: @escaping @Sendable (BuildResult, Duration) -> Void) async throws {
        // Watching starts first: a file saved during the first build is built next.
        let watcher = SourceWatcher(root: root)
        defer { watcher.stop() }
        let start = ContinuousClock.now
        let first = await site.rebuild()
        report(first, ContinuousClock.now - start)
        server.start()
        await listening.open()
        // A scheduled story goes live (or one expires) with no file changing: the clock
        // asks for a build then, as a save would.
        var alarm: Task<Void, Never>?
        func setAlarm() async {
            alarm?.cancel()
            guard let moment = await site.nextScheduledChange() else { return }
            alarm = Task {
                try? await Task.sleep(for: .seconds(max(moment - Date().timeIntervalSince1970, 0) + 0.5))
                if !Task.isCancelled { watcher.nudge() }
            }
        }
        await setAlarm()
        try await withTaskCancellationHandler {
            for await changes in watcher.changes {
                try Task.checkCancellation()
                let start = ContinuousClock.now
                let result = await site.rebuild(changes: changes)
                report(result, ContinuousClock.now - start)
                await setAlarm()
            }
        } onCancel: {
            watcher.stop()
        }
        alarm?.cancel()
        try Task.checkCancellation()
    }

    /// Returns once the server answers requests (after the first build).
    public func waitUntilListening() async throws {
        await listening.wait()
    }

    public func stop() async {
        server.stop()
        try? await site.saveState()
    }

    private static func reply(to request: HTTPServer.Request, site: DevSite) -> HTTPServer.Reply {
        let path = String(request.target.split(separator: "?", maxSplits: 1).first ?? "")
        if path == LiveReload.socketPath, request.header("Upgrade")?.lowercased() == "websocket" {
            return .webSocket { socket in
                // "reload" each time what the browser shows changed, until the page goes.
                var seen = await site.version
                while !Task.isCancelled {
                    seen = await site.waitForChange(after: seen)
                    if Task.isCancelled || !socket.send("reload") { break }
                }
            }
        }
        let answer = site.response(method: request.method, path: request.target)
        return .response(HTTPServer.Response(
            status: answer.status, headers: [("Content-Type", answer.contentType)] + answer.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            body: answer.body))
    }
}

/// Opens once; everyone waiting then goes on, and later waits return at once.
private actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}

import FlyingFox
import FlyingSocks
import Foundation

/// The FlyingFox adapter: the only file that imports it. Serves a `DevSite` over HTTP on
/// loopback, pushes "reload" over a WebSocket after each rebuild, and watches the sources.
public final class DevServer: Sendable {
    public let site: DevSite
    private let server: HTTPServer
    private let root: String

    public init(options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000) throws {
        site = try DevSite(options: options)
        root = options.source
        server = HTTPServer(address: try sockaddr_in.inet(ip4: host, port: port), logger: .disabled)
    }

    /// The address the server listens on (useful with port 0, which picks a free port).
    public func listeningPort() async -> UInt16? {
        if case .ip4(_, let port) = await server.listeningAddress { return port }
        return nil
    }

    /// Builds, starts listening, and watches the sources until cancelled. `report` is
    /// called after each build with its result, for the terminal.
    public func run(report: @escaping @Sendable (BuildResult, Duration) -> Void) async throws {
        // Watching starts first: a file saved during the first build is built next.
        let watcher = SourceWatcher(root: root)
        defer { watcher.stop() }
        let start = ContinuousClock.now
        let first = await site.rebuild()
        report(first, ContinuousClock.now - start)
        await server.appendRoute(HTTPRoute("GET \(LiveReload.socketPath)"), to: .webSocket(ReloadMessages(site: site)))
        await server.appendRoute("*") { [site] request in
            let answer = await site.response(method: request.method.rawValue, path: request.target.path(percentEncoded: true))
            var headers: HTTPHeaders = [.contentType: answer.contentType]
            for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
            let body = request.method == .HEAD ? Data() : Data(answer.body)
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)), headers: headers, body: body)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask { try await self.rebuild(on: watcher, report: report) }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Returns once the server listens; the first build comes before, and takes as long as
    /// it takes (seconds on a large site), so there is no time limit here.
    public func waitUntilListening() async throws {
        try await server.waitUntilListening(timeout: 86_400)
    }

    public func stop() async {
        await server.stop(timeout: 1)
        try? await site.saveState()
    }

    /// Rebuilds after each batch of changes the watcher reports, with what it names.
    private func rebuild(on watcher: SourceWatcher, report: @escaping @Sendable (BuildResult, Duration) -> Void) async throws {
        for await changes in watcher.changes {
            try Task.checkCancellation()
            let start = ContinuousClock.now
            let result = await site.rebuild(changes: changes)
            report(result, ContinuousClock.now - start)
        }
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// Sends "reload" to a connected page each time the site is rebuilt.
private struct ReloadMessages: WSMessageHandler {
    let site: DevSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
        let task = Task { [site] in
            var seen = await site.version
            while !Task.isCancelled {
                seen = await site.waitForChange(after: seen)
                if Task.isCancelled { break }
                continuation.yield(.text("reload"))
            }
        }
        Task {
            for await _ in client {}
            task.cancel()
            continuation.finish()
        }
        return messages
    }
}

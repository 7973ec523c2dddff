import ArgumentParser
import CaravanKit
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser; pages reload when you save.",
        discussion: """
            Builds the site into a folder of its own (.caravan/serve/ beside Content/; Site/ is not touched) and serves it at http://127.0.0.1:8000/. When a file under Content/, Templates/ or Public/ is saved, what it changes is rebuilt and open pages reload themselves. If a change breaks the build, the last good version stays up and every page shows the problems (file:line and a hint) until you fix them. Stop with Ctrl-C.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder: the one holding Content/.", valueName: "folder"))
    var source: String = "."

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(name: .long, help: "The address to listen on. Keep the default to serve only this computer.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Also show stories marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Also show stories dated later than now, marked as scheduled.")
    var future = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The public address to use instead of `baseURL` in site.yaml, for a preview or staging host (canonical links, feeds, sitemap).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "After each build, print how long each stage took.")
    var timings = false

    func validate() throws {
        if let baseURL, let problem = BuildOptions.baseURLProblem(baseURL) { throw ValidationError(problem) }
    }

    func run() async throws {
        let server: DevServer
        do {
            var options = BuildOptions(source: source, includeDrafts: drafts, baseURL: baseURL)
            options.includeFuture = future
            server = try DevServer(options: options, host: host, port: port)
        } catch let failure as DevServer.StartFailure {
            standardError("error: \(failure.description)\nhint: \(failure.hint)")
            throw ExitCode.failure
        } catch let refusal as SiteWriter.Refusal {
            standardError("error: \(refusal.description)\nhint: \(refusal.hint)")
            throw ExitCode.failure
        }
        let timings = self.timings
        let printer: @Sendable (BuildResult, Duration) -> Void = { result, duration in
            if timings {
                say("timings: " + result.timings.map { "\($0.stage) \(milliseconds($0.duration)) ms" }.joined(separator: ", "))
            }
            if !result.diagnostics.isEmpty {
                FileHandle.standardError.write(Data((DiagnosticPrinter.format(result.diagnostics) + "\n").utf8))
            }
            say(RebuildMessage.line(for: result, milliseconds: milliseconds(duration)))
        }
        // Ctrl-C stops the server and exits cleanly.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
        let serving = Task { try await server.run(report: printer) }
        interrupt.setEventHandler {
            say("\nStopping.")
            serving.cancel()
        }
        interrupt.resume()
        Task {
            try await server.waitUntilListening()
            let port = await server.listeningPort() ?? port
            let address = host.contains(":") ? "[\(host)]" : host
            say("Serving on http://\(address):\(port)/ — press Ctrl-C to stop.")
        }
        do {
            try await serving.value
        } catch where serving.isCancelled {
            // Ctrl-C: whichever part noticed first (the watcher or the listening socket)
            // ends the task; either way it is a clean stop.
            await server.stop()
        }
    }
}

/// Writes a line at once, also when stdout is a pipe (print would buffer it).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

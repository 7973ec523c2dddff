@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// `caravan serve`: the in-memory site over HTTP, live reload, the error overlay, and
/// requests that try to leave the site.
@Suite struct ServeTests {
    static func site() throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/articles/story/zh.md"] = FixtureSite.article(title: "报道", body: "旧的正文。")
        files["Content/articles/story/en.md"] = FixtureSite.article(title: "Story", body: "Old text.")
        return try FixtureSite(files: files)
    }

    /// Starts `caravan serve` on a free port; `onBuild` runs after every build.
    static func start(_ site: FixtureSite, onBuild: @escaping @Sendable (BuildResult) -> Void = { _ in }) async throws
        -> (DevServer, Task<Void, any Error>, UInt16) {
        let server = try DevServer(options: BuildOptions(source: site.root.path), port: 0)
        let running = Task { try await server.run { result, _ in onBuild(result) } }
        try await server.waitUntilListening()
        let port = try #require(await server.listeningPort())
        return (server, running, port)
    }

    @Test("edit → reload message and new page; broken front matter → overlay over the last good page")
    func liveReload() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let (server, running, port) = try await Self.start(site)
        defer { running.cancel() }

        let first = try await RawHTTP.request(port: port, target: "/en/articles/story/")
        #expect(first.status == 200 && first.body.contains("Old text."))
        #expect(first.head.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(first.body.contains(LiveReload.socketPath), "the reload script is injected in serve mode")

        let socket = try await RawHTTP.blocking { try RawHTTP.openWebSocket(port: port, path: LiveReload.socketPath) }
        defer { close(socket) }
        try site.write("Content/articles/story/en.md", FixtureSite.article(title: "Story", body: "New text."))
        #expect(try await RawHTTP.nextTextMessage(socket) == "reload")
        #expect(try await RawHTTP.request(port: port, target: "/en/articles/story/index.html").body.contains("New text."))

        try site.write("Content/articles/story/en.md", "---\ntitle: \"Story\ndate: 2024-01-25\n---\nBroken.\n")
        #expect(try await RawHTTP.nextTextMessage(socket) == "reload")
        let broken = try await RawHTTP.request(port: port, target: "/en/articles/story/index.html")
        #expect(broken.status == 200 && broken.body.contains("New text."), "the last good page is still served")
        #expect(broken.body.contains("id=\"caravan-errors\""))
        #expect(broken.body.contains("Content/articles/story/en.md:2:8: error: YAML syntax error"))

        try site.write("Content/articles/story/en.md", FixtureSite.article(title: "Story", body: "Fixed text."))
        #expect(try await RawHTTP.nextTextMessage(socket) == "reload")
        let fixed = try await RawHTTP.request(port: port, target: "/en/articles/story/index.html")
        #expect(fixed.body.contains("Fixed text.") && !fixed.body.contains("caravan-errors"))
        await server.stop()
    }

    @Test("a story scheduled a few seconds ahead goes live in serve when its time comes, with no file saved")
    func scheduledStoryGoesLive() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let (server, running, port) = try await Self.start(site)
        defer { running.cancel() }
        let socket = try await RawHTTP.blocking { try RawHTTP.openWebSocket(port: port, path: LiveReload.socketPath) }
        defer { close(socket) }
        // Whole seconds, as written in the front matter.
        let date = ISO8601DateFormatter().string(from: Date().addingTimeInterval(8))
        let moment = try #require(ISO8601DateFormatter().date(from: date))
        try site.write("Content/articles/soon/en.md", FixtureSite.article(title: "Soon", date: date, body: "SOONBODY"))
        // The save changes no page (the story is held back), so no reload is sent for it.
        try await Task.sleep(for: .seconds(1))
        if Date() < moment {
            #expect(try await RawHTTP.request(port: port, target: "/en/articles/soon/").status == 404, "held back until its time")
        }
        #expect(try await RawHTTP.nextTextMessage(socket) == "reload", "the clock")
        #expect(Date() >= moment)
        let live = try await RawHTTP.request(port: port, target: "/en/articles/soon/")
        #expect(live.status == 200 && live.body.contains("SOONBODY"))
        await server.stop()
    }

    @Test("content types, folders, 404 page, 405 for other methods, and no way out of the site")
    func routing() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let (server, running, port) = try await Self.start(site)
        defer { running.cancel() }
        for (target, type) in [("/style.css", "text/css"), ("/sitemap.xml", "application/xml"), ("/en/feed.xml", "application/atom+xml"), ("/", "text/html")] {
            let response = try await RawHTTP.request(port: port, target: target)
            #expect(response.status == 200, "\(target)")
            #expect(response.head.lowercased().contains("content-type: \(type)"), "\(target)")
        }
        let missing = try await RawHTTP.request(port: port, target: "/en/nope/")
        #expect(missing.status == 404 && missing.body.contains("not_found") == false && missing.body.contains("<html"))
        #expect(try await RawHTTP.request(port: port, method: "POST", target: "/").status == 405)
        #expect(try await RawHTTP.request(port: port, method: "DELETE", target: "/index.html").status == 405)
        for target in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/en/..%2f..%2f..%2fetc/passwd", "/a\\..\\..\\etc\\passwd",
                       "/index.html%00.css", "//etc/passwd", "/en/%2e%2e/%2e%2e/Content/site.yaml"] {
            let response = try await RawHTTP.request(port: port, target: target)
            #expect([400, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.body.contains("root:") && !response.body.contains("baseURL"), "\(target)")
        }
        await server.stop()
    }

    @Test("files saved together (an editor saving both languages, a checkout) give one rebuild, not two")
    func quickSavesRebuildOnce() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let builds = BuildCounter()
        let (server, running, port) = try await Self.start(site) { _ in builds.increment() }
        defer { running.cancel() }
        let socket = try await RawHTTP.blocking { try RawHTTP.openWebSocket(port: port, path: LiveReload.socketPath) }
        defer { close(socket) }
        #expect(builds.value == 1, "the first build")
        try site.write("Content/articles/story/zh.md", FixtureSite.article(title: "报道", body: "第二次保存。"))
        try site.write("Content/articles/story/en.md", FixtureSite.article(title: "Story", body: "Second save."))
        #expect(try await RawHTTP.nextTextMessage(socket) == "reload")
        // Give a second, wrong rebuild every chance to happen before counting.
        try await Task.sleep(for: .milliseconds(1200))
        #expect(builds.value == 2, "one rebuild for both saves")
        #expect(try await RawHTTP.request(port: port, target: "/en/articles/story/").body.contains("Second save."))
        await server.stop()
    }

    @Test("a saved article renders again its page and the lists and feed showing it, nothing else")
    func saveRendersOnlyWhatShowsIt() async throws {
        var files = FixtureSite.minimal()
        for index in 1...6 {
            for language in ["zh", "en"] {
                files["Content/articles/story-\(index)/\(language).md"] = FixtureSite.article(
                    title: "Story \(index) \(language)", date: "2024-0\(index)-01", body: "Text \(index).")
            }
        }
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let results = ResultLog()
        let (server, running, port) = try await Self.start(site) { results.append($0) }
        defer { running.cancel() }
        let socket = try await RawHTTP.blocking { try RawHTTP.openWebSocket(port: port, path: LiveReload.socketPath) }
        defer { close(socket) }
        let pages = try #require(results.last?.output?.pageKeys.count)
        #expect(results.last?.output?.renderedPageCount == results.last?.output?.pagesPerLanguage.values.reduce(0, +))

        try site.write("Content/articles/story-3/en.md", FixtureSite.article(title: "Story 3 en", date: "2024-03-01", body: "New text 3."))
        #expect(try await RawHTTP.nextTextMessage(socket) == "reload")
        let rebuilt = try #require(results.last?.output)
        let rendered = Set(rebuilt.pageKeys.keys).subtracting(rebuilt.keptPages)
        #expect(rendered == ["en/articles/story-3/index.html", "en/index.html", "en/feed.xml",
                             "en/articles/story-3/bilingual/index.html", "zh/articles/story-3/bilingual/index.html",
                             "en/archive/2024/03/index.html"])
        #expect(rebuilt.renderedPageCount == 5 && rebuilt.keptPages.count == pages - 6)
        #expect(try await RawHTTP.request(port: port, target: "/en/articles/story-3/").body.contains("New text 3."))
        await server.stop()
    }

    @Test("path rules, without a network")
    func lookupRules() {
        let files: Set<String> = ["index.html", "en/index.html", "en/a/index.html", "style.css"]
        #expect(DevRouting.lookup("/", in: files) == .file("index.html"))
        #expect(DevRouting.lookup("/en/a", in: files) == .file("en/a/index.html"))
        #expect(DevRouting.lookup("/en/?x=1", in: files) == .file("en/index.html"))
        #expect(DevRouting.lookup("/en/%2e%2e/style.css", in: files) == .notFound)
        #expect(DevRouting.lookup("/a\\b", in: files) == .badRequest)
        #expect(DevRouting.lookup("/a%00", in: files) == .badRequest)
        #expect(DevRouting.lookup("etc/passwd", in: files) == .badRequest)
        #expect(DevRouting.lookup("/%zz", in: files) == .badRequest)
    }
}

/// The builds reported from the server's tasks, in order.
final class ResultLog: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [BuildResult] = []
    func append(_ result: BuildResult) { lock.withLock { results.append(result) } }
    var last: BuildResult? { lock.withLock { results.last } }
}

/// Counts builds reported from the server's tasks.
final class BuildCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

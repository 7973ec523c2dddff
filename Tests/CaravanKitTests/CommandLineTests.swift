@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// What the thin command line (`Sources/caravan/`) asks of CaravanKit: the version, unknown
/// commands, `clean`, `--base-url`, and the draft badge of `--drafts` previews.
@Suite struct CommandLineTests {
    static let commands = ["build", "serve", "new", "check", "clean", "help"]

    static func site(_ files: [String: String] = [:]) throws -> FixtureSite {
        var all = FixtureSite.minimal()
        all["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯口岸")
        all["Content/articles/khorgos/en.md"] = FixtureSite.article(title: "Khorgos gateway")
        all.merge(files) { _, new in new }
        return try FixtureSite(files: all)
    }

    @Test("`caravan --version` has a version to print")
    func version() {
        #expect(CaravanVersion.current.split(separator: ".").count == 3)
    }

    @Test("`caravan biuld`: an unknown command with a did-you-mean, not build's usage; options and commands pass")
    func unknownCommand() {
        #expect(UnknownCommand.problem(in: ["biuld"], commands: Self.commands)
                == .init(message: "unknown command `biuld`", hint: "expected one of build, serve, new, check, clean, help; did you mean `caravan build`?"))
        #expect(UnknownCommand.problem(in: ["publish"], commands: Self.commands)?.hint == "expected one of build, serve, new, check, clean, help")
        #expect(UnknownCommand.problem(in: [], commands: Self.commands) == nil)
        #expect(UnknownCommand.problem(in: ["--version"], commands: Self.commands) == nil)
        #expect(UnknownCommand.problem(in: ["--output", "Preview"], commands: Self.commands) == nil)
        #expect(UnknownCommand.problem(in: ["clean", "--output", "x"], commands: Self.commands) == nil)
    }

    @Test("`caravan clean` removes the output folder caravan built and its build state, and nothing else")
    func cleanRemovesWhatCaravanMade() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let (result, _) = try site.buildAndWrite()
        #expect(result.succeeded, "\(SiteAssertions.printed(result))")
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath)).path
        #expect(FileManager.default.fileExists(atPath: state))
        try site.write("Notes/keep.txt", "mine")

        let report = try SiteCleaner.clean(output: site.outputPath, source: site.root.path)
        #expect(report == .init(output: SiteWriter.absolute(site.outputPath), state: state))
        #expect(!FileManager.default.fileExists(atPath: site.outputPath) && !FileManager.default.fileExists(atPath: state))
        for kept in ["Content/articles/khorgos/en.md", "Templates/layout.mustache", "Notes/keep.txt"] {
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(kept).path), "\(kept)")
        }
        #expect(SiteCleaner.message(report, output: "Site") == "Removed \(report.output!) and its build state (\(state)).")
        // Again: nothing left to remove, and that is no error.
        let again = try SiteCleaner.clean(output: site.outputPath, source: site.root.path)
        #expect(again == .init() && SiteCleaner.message(again, output: "Site") == "Nothing to remove: there is no Site and no build state for it.")
        // The next build is a full one.
        #expect(try site.buildAndWrite().0.succeeded)
    }

    @Test("`caravan clean` refuses a folder it did not build, a link, and the source folder, removing nothing")
    func cleanRefusesForeignFolders() throws {
        let site = try Self.site(["Photos/holiday.jpg": "jpg"])
        defer { site.cleanUp() }
        let photos = site.root.appendingPathComponent("Photos").path
        #expect {
            try SiteCleaner.clean(output: photos, source: site.root.path)
        } throws: { error in
            (error as? SiteCleaner.Refusal)?.description == "\(SiteWriter.absolute(photos)) was not built by caravan (it has no .caravan-site file); `caravan clean` leaves it alone"
        }
        #expect(FileManager.default.fileExists(atPath: photos + "/holiday.jpg"))

        // A link to a folder caravan built is refused too: clean removes folders, not links.
        try site.buildAndWrite()
        let link = site.root.appendingPathComponent("Latest").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: site.outputPath)
        #expect(throws: SiteCleaner.Refusal.self) { try SiteCleaner.clean(output: link, source: site.root.path) }
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/index.html"))
        #expect(throws: SiteCleaner.Refusal.self) { try SiteCleaner.clean(output: site.root.path, source: site.root.path) }
    }

    @Test("`caravan clean` never follows a link inside the folder: it removes the link, not what it points to")
    func cleanDoesNotFollowLinks() throws {
        let site = try Self.site(["Elsewhere/precious.txt": "keep"])
        defer { site.cleanUp() }
        try site.buildAndWrite()
        try FileManager.default.createSymbolicLink(atPath: site.outputPath + "/en/elsewhere",
                                                   withDestinationPath: site.root.appendingPathComponent("Elsewhere").path)
        _ = try SiteCleaner.clean(output: site.outputPath, source: site.root.path)
        #expect(!FileManager.default.fileExists(atPath: site.outputPath))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Elsewhere/precious.txt").path))
    }

    @Test("`--base-url` replaces site.yaml's address in canonical links, feeds and the sitemap; pages stay relative")
    func baseURLOverride() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let staging = try #require(SiteBuilder(options: BuildOptions(source: site.root.path, baseURL: "https://staging.example.org/")).build().output)
        let page = try #require(staging.text("en/articles/khorgos/index.html"))
        #expect(page.contains("https://staging.example.org/en/articles/khorgos/") && !page.contains("https://example.com/"))
        #expect(staging.text("sitemap.xml")?.contains("https://staging.example.org/zh/") == true)
        #expect(staging.text("en/feed.xml")?.contains("https://staging.example.org/") == true)
        #expect(BuildOptions.baseURLProblem("https://staging.example.org/") == nil)
        #expect(BuildOptions.baseURLProblem("staging.example.org") != nil)
        // A build into a folder notices the changed address: it is not "nothing changed".
        try site.buildAndWrite()
        let builder = try SiteBuilder(options: BuildOptions(source: site.root.path, baseURL: "https://staging.example.org/"), output: site.outputPath)
        let rebuilt = builder.build()
        #expect(!rebuilt.wasUpToDate)
        let written = try String(contentsOfFile: site.outputPath + "/en/articles/khorgos/index.html", encoding: .utf8)
        #expect(written.contains("https://staging.example.org/en/articles/khorgos/"))
    }

    @Test("previews mark drafts with a visible badge in the page's language; the published site has none")
    func draftBadge() throws {
        let site = try Self.site([
            "Content/articles/plans/zh.md": FixtureSite.article(title: "新线路", extra: "draft: true\n"),
            "Content/articles/plans/en.md": FixtureSite.article(title: "New route", extra: "draft: true\n"),
            "Content/pages/team/en.md": FixtureSite.article(title: "Team", extra: "draft: true\n"),
            "Content/pages/team/zh.md": FixtureSite.article(title: "团队", extra: "draft: true\n"),
        ])
        defer { site.cleanUp() }
        let preview = try #require(site.build(drafts: true).output)
        #expect(preview.text("en/articles/plans/index.html")?.contains("<p class=\"draft-badge\">Draft — not published</p>") == true)
        #expect(preview.text("zh/articles/plans/index.html")?.contains("<p class=\"draft-badge\">草稿 · 未发布</p>") == true)
        #expect(preview.text("en/team/index.html")?.contains("class=\"draft-badge\"") == true)
        #expect(preview.text("en/articles/khorgos/index.html")?.contains("draft-badge") == false)
        #expect(preview.text("style.css")?.contains(".draft-badge") == true)
        // In the lists too, next to its title.
        let month = try #require(preview.text("en/archive/2024/01/index.html"))
        #expect(month.contains(">New route</a> <span class=\"draft-badge\">Draft — not published</span></h2>"), "\(month)")
        #expect(month.components(separatedBy: "class=\"draft-badge\"").count == 2, "only the draft is marked")
        let published = try #require(site.build().output)
        #expect(published.text("en/archive/2024/01/index.html")?.contains("draft-badge") == false)
        #expect(!published.files.keys.contains { $0.contains("plans") || $0.contains("team") })
        // The text comes from the UI strings: no template holds it.
        for template in ["Templates/article.mustache", "Templates/page.mustache", "Templates/partials/article-list.mustache"] {
            let text = try String(contentsOf: FixtureSite.repositoryRoot.appendingPathComponent(template), encoding: .utf8)
            #expect(text.contains("{{i18n.draft_badge}}") && !text.contains("Draft") && !text.contains("草稿"))
        }
    }
}

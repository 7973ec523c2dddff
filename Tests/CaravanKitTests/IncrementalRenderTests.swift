@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Rebuilds render only the pages whose inputs changed, and still come out exactly like a
/// clean build: after every kind of edit, the incremental `Site/` is compared byte for byte
/// (manifest included) with a build into a new folder.
@Suite struct IncrementalRenderTests {
    static func site() throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/data/tags.yaml"] = FixtureSite.sampleTags
        for (index, slug) in ["one", "two", "three"].enumerated() {
            for language in ["zh", "en"] {
                files["Content/articles/\(slug)/\(language).md"] = FixtureSite.article(
                    title: "\(slug) \(language)", date: "2024-0\(index + 1)-10", extra: "tags: [rail]\n",
                    body: "First paragraph of \(slug).\n\nSecond paragraph.")
            }
        }
        return try FixtureSite(files: files)
    }

    /// Builds `site` into Site/ (incrementally) and into a new folder (from scratch), checks
    /// both are identical, and returns the incremental build's result.
    @discardableResult
    static func rebuild(_ site: FixtureSite, _ step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildResult {
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(step): \(SiteAssertions.printed(result))", sourceLocation: sourceLocation)
        let clean = site.root.appendingPathComponent("Clean-\(UUID().uuidString)").path
        let (cleanResult, _) = try site.buildAndWrite(output: clean)
        #expect(cleanResult.output?.keptPages.isEmpty == true, sourceLocation: sourceLocation)
        let incremental = site.snapshot(of: site.outputPath)
        let fresh = site.snapshot(of: clean)
        #expect(Set(incremental.keys) == Set(fresh.keys), "\(step): same files", sourceLocation: sourceLocation)
        let differing = incremental.keys.filter { incremental[$0] != fresh[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): files differ from a clean build: \(differing)", sourceLocation: sourceLocation)
        return result
    }

    static func pageCount(_ result: BuildResult) -> Int {
        result.output?.pagesPerLanguage.values.reduce(0, +) ?? 0
    }

    @Test("editing an article's text renders only its page and the lists showing its summary")
    func bodyEditRendersFewPages() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let first = try Self.rebuild(site, "first build")
        #expect(first.output?.keptPages.isEmpty == true)
        #expect(first.output?.renderedPageCount == Self.pageCount(first))

        try site.write("Content/articles/two/en.md", FixtureSite.article(
            title: "two en", date: "2024-02-10", extra: "tags: [rail]\n", body: "A new first paragraph.\n\nSecond paragraph."))
        let edited = try Self.rebuild(site, "body edit")
        // The article itself, the English home page and the rail tag page (both show its summary).
        #expect(edited.output?.renderedPageCount == 3)
        #expect(edited.output?.keptPages.contains("en/articles/one/index.html") == true)
        #expect(edited.output?.keptPages.contains("zh/articles/two/index.html") == true)

        let unchanged = try Self.rebuild(site, "no change")
        #expect(unchanged.wasUpToDate, "nothing to build")
        // Saved again with the same text: built, but no page needs rendering.
        try site.write("Content/articles/two/en.md", FixtureSite.article(
            title: "two en", date: "2024-02-10", extra: "tags: [rail]\n", body: "A new first paragraph.\n\nSecond paragraph."))
        let touched = try Self.rebuild(site, "saved unchanged")
        #expect(!touched.wasUpToDate && touched.output?.renderedPageCount == 0)
    }

    @Test("front matter, templates, strings, data and added or deleted stories render everything again")
    func siteWideEditsRenderEverything() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try Self.rebuild(site, "first build")
        let edits: [(String, () throws -> Void)] = [
            ("title", { try site.write("Content/articles/one/zh.md", FixtureSite.article(
                title: "新标题", date: "2024-01-10", extra: "tags: [rail]\n", body: "First paragraph of one.\n\nSecond paragraph.")) }),
            ("template", { try site.write("Templates/partials/footer.mustache", "<footer>{{i18n.footer_text}} edited</footer>\n") }),
            ("strings", {
                let path = site.root.appendingPathComponent("Content/i18n/en.yaml")
                let text = try String(contentsOf: path, encoding: .utf8)
                try site.write("Content/i18n/en.yaml", text.replacingOccurrences(of: "footer_text: ", with: "footer_text: Edited · "))
            }),
            ("tags", { try site.write("Content/data/tags.yaml", FixtureSite.sampleTags.replacingOccurrences(of: "Rail", with: "Railways")) }),
            ("added story", {
                for language in ["zh", "en"] {
                    try site.write("Content/articles/four/\(language).md", FixtureSite.article(title: "four \(language)", date: "2024-04-01"))
                }
            }),
            ("deleted story", { try site.remove("Content/articles/three") }),
            ("stylesheet", { try site.write("Public/style.css", "body { color: #222; }\n") }),
        ]
        for (step, edit) in edits {
            try edit()
            let result = try Self.rebuild(site, step)
            #expect(result.output?.keptPages.isEmpty == true, "\(step) renders every page")
        }
    }

    @Test("front matter parsed by the previous build is reused; a damaged cache is ignored")
    func frontMatterCache() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try Self.rebuild(site, "first build")
        let cachePath = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath)).path + "/front-matter"
        let cache = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        #expect(cache.count > 0)
        for title in ["one en", "two en", "three en"] {
            #expect(cache.range(of: Data(title.utf8)) != nil, "the cache holds the parsed title \(title)")
        }
        // Damaged bytes (cut short, then garbage): parsed afresh, same site as a clean build.
        try cache.prefix(cache.count / 2).write(to: URL(fileURLWithPath: cachePath))
        try site.write("Content/articles/one/en.md", FixtureSite.article(
            title: "one en, retitled", date: "2024-01-10", extra: "tags: [rail]\n", body: "First paragraph of one."))
        try Self.rebuild(site, "after a cache cut short")
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: cachePath))
        try site.write("Content/articles/two/en.md", FixtureSite.article(
            title: "two en", date: "2024-02-10", extra: "tags: [rail, customs]\n", body: "First paragraph of two."))
        try Self.rebuild(site, "after a garbage cache")
    }

    @Test("a page removed from Site/ by hand is rendered again")
    func missingPageIsRenderedAgain() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try Self.rebuild(site, "first build")
        try FileManager.default.removeItem(atPath: site.outputPath + "/en/articles/one/index.html")
        let result = try Self.rebuild(site, "after removing a page")
        #expect(result.output?.renderedPageCount == 1)
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/one/index.html"))
    }

    @Test("a story link's warning is repeated on rebuilds that do not render its page")
    func warningsSurviveKeptPages() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("Content/articles/zh-only/zh.md", FixtureSite.article(title: "只有中文", date: "2023-12-01"))
        try site.write("Content/articles/one/en.md", FixtureSite.article(
            title: "one en", date: "2024-01-10", extra: "tags: [rail]\n", body: "See [the Chinese report](@/articles/zh-only)."))
        let first = try Self.rebuild(site, "first build")
        let warning = { (result: BuildResult) in
            result.diagnostics.contains { $0.file == "Content/articles/one/en.md" && $0.message.contains("has no en version") }
        }
        #expect(warning(first))
        try site.write("Content/articles/two/en.md", FixtureSite.article(
            title: "two en", date: "2024-02-10", extra: "tags: [rail]\n", body: "Edited."))
        let second = try Self.rebuild(site, "other article edited")
        #expect(second.output?.keptPages.contains("en/articles/one/index.html") == true)
        #expect(warning(second))
    }
}

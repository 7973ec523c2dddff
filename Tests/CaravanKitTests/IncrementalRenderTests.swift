@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Rebuilds render only the pages whose inputs changed, and still come out exactly like a
/// clean build: after every kind of edit, the incremental `Site/` is compared byte for byte
/// (manifest included) with a build into a new folder.
@Suite struct IncrementalRenderTests {
    /// Three articles tagged `rail`; `two` is on the western route and reported a figure.
    static func site() throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/data/tags.yaml"] = FixtureSite.sampleTags
        files["Content/data/corridors.yaml"] = FixtureSite.sampleCorridors + """
            figures:
              - id: western-trains
                metric: {en: Trains, zh: 班列}
                value: 2129
                unit: trains
                period: 2023-01..2023-04
                corridor: western
                source: two

            """
        for slug in ["one", "two", "three"] {
            for language in ["zh", "en"] {
                files["Content/articles/\(slug)/\(language).md"] = article(slug, language)
            }
        }
        let site = try FixtureSite(files: files)
        // Old enough to be trusted by their signatures: `caravan build` then reads only the
        // files each step edits, and the clean build (a new state) reads them all.
        try site.backdate()
        return site
    }

    /// The fixture's article file, with another title or body when given.
    static func article(_ slug: String, _ language: String, title: String? = nil, body: String? = nil) -> String {
        let month = ["one": 1, "two": 2, "three": 3][slug]!
        return FixtureSite.article(
            title: title ?? "\(slug) \(language)", date: "2024-0\(month)-10",
            extra: "tags: [rail]\n" + (slug == "two" ? "corridors: [western]\n" : ""),
            body: body ?? "First paragraph of \(slug).\n\nSecond paragraph.")
    }

    /// The pages and files a build rendered (the others it kept).
    static func rendered(_ result: BuildResult) -> Set<String> {
        Set(result.output?.pageKeys.keys ?? [:].keys).subtracting(result.output?.keptPages ?? [])
    }

    /// Builds `site` into Site/ as `caravan build` does (a new engine, from the state the last
    /// build left) and into a new folder (from scratch), checks both are identical, and
    /// returns the incremental build's result. With `live`, the long-lived engine of
    /// `caravan serve` builds too, told what changed by the file watcher, and must make the
    /// same files and render the same pages.
    @discardableResult
    static func rebuild(_ site: FixtureSite, _ step: String, live: LiveBuilds? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> BuildResult {
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(step): \(SiteAssertions.printed(result))", sourceLocation: sourceLocation)
        let fresh = try cleanBuild(site, sourceLocation: sourceLocation)
        var builds = [("Site/", site.snapshot(of: site.outputPath))]
        if let live {
            let liveResult = await live.rebuild()
            builds.append(("serve", site.snapshot(of: live.output)))
            if !result.wasUpToDate {
                #expect(rendered(liveResult) == rendered(result), "\(step): serve renders what build does", sourceLocation: sourceLocation)
            }
        }
        for (name, incremental) in builds {
            expectSame(incremental, fresh, "\(step), \(name)", sourceLocation: sourceLocation)
        }
        return result
    }

    /// What a build of `site` from scratch, into a new folder, writes.
    static func cleanBuild(_ site: FixtureSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Data] {
        let clean = site.root.appendingPathComponent("Clean-\(UUID().uuidString)").path
        let (cleanResult, _) = try site.buildAndWrite(output: clean)
        #expect(cleanResult.output?.keptPages.isEmpty == true, sourceLocation: sourceLocation)
        return site.snapshot(of: clean)
    }

    static func expectSame(_ incremental: [String: Data], _ fresh: [String: Data], _ what: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(Set(incremental.keys) == Set(fresh.keys), "\(what): same files", sourceLocation: sourceLocation)
        let differing = incremental.keys.filter { incremental[$0] != fresh[$0] }.sorted()
        #expect(differing.isEmpty, "\(what): files differ from a clean build: \(differing)", sourceLocation: sourceLocation)
    }

    static func pageCount(_ result: BuildResult) -> Int {
        result.output?.pagesPerLanguage.values.reduce(0, +) ?? 0
    }

    @Test("editing an article's text renders only its page and the lists showing its summary")
    func bodyEditRendersFewPages() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let live = try LiveBuilds(site)
        let first = try await Self.rebuild(site, "first build")
        #expect(first.output?.keptPages.isEmpty == true)
        #expect(first.output?.renderedPageCount == Self.pageCount(first))

        try site.write("Content/articles/two/en.md", Self.article("two", "en", body: "A new first paragraph.\n\nSecond paragraph."))
        let edited = try await Self.rebuild(site, "body edit", live: live)
        // The article itself, the English home page and the rail tag page (both show its
        // summary), the English feed (its full text) and both bilingual views.
        #expect(Self.rendered(edited) == ["en/articles/two/index.html", "en/index.html", "en/tags/rail/index.html", "en/feed.xml",
                                          "en/articles/two/bilingual/index.html", "zh/articles/two/bilingual/index.html",
                                          "en/archive/2024/02/index.html"])
        #expect(edited.output?.renderedPageCount == 6)
        #expect(edited.output?.keptPages.contains("en/articles/one/index.html") == true)
        #expect(edited.output?.keptPages.contains("zh/articles/two/index.html") == true)

        let unchanged = try await Self.rebuild(site, "no change")
        #expect(!unchanged.wasUpToDate && unchanged.output?.renderedPageCount == 0, "edited a moment ago: checked, nothing rendered")
        try site.backdate()
        try await Self.rebuild(site, "touched")
        #expect(try await Self.rebuild(site, "no change").wasUpToDate, "nothing to build")
        // Saved again with the same text: built, but no page needs rendering.
        try site.write("Content/articles/two/en.md", Self.article("two", "en", body: "A new first paragraph.\n\nSecond paragraph."))
        let touched = try await Self.rebuild(site, "saved unchanged", live: live)
        #expect(!touched.wasUpToDate && touched.output?.renderedPageCount == 0)
    }

    @Test("editing the text of an article with a summary leaves the lists showing it as they were")
    func bodyEditKeepsListsShowingSummary() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.edit("Content/articles/two/en.md") {
            $0.replacingOccurrences(of: "tags: [rail]\n", with: "tags: [rail]\nsummary: \"Trains on the western route.\"\n")
        }
        let live = try LiveBuilds(site)
        try await Self.rebuild(site, "first build")
        try site.edit("Content/articles/two/en.md") { $0.replacingOccurrences(of: "First paragraph of two.", with: "A new first paragraph.") }
        let edited = try await Self.rebuild(site, "body edit", live: live)
        // The home, tag and archive pages show its summary, not its text: only its page, the
        // feed (its full text) and both bilingual views.
        #expect(Self.rendered(edited) == ["en/articles/two/index.html", "en/feed.xml",
                                          "en/articles/two/bilingual/index.html", "zh/articles/two/bilingual/index.html"])
        let home = try String(contentsOfFile: site.outputPath + "/en/index.html", encoding: .utf8)
        #expect(home.contains("Trains on the western route.") && !home.contains("A new first paragraph"))
    }

    @Test("every kind of edit renders what shows the change, and nothing else")
    func editsRenderWhatShowsThem() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let live = try LiveBuilds(site)
        let first = try await Self.rebuild(site, "first build")
        let everything = Self.rendered(first)
        let perLanguage = { (paths: [String]) in Set(["zh", "en"].flatMap { language in paths.map { "\(language)/\($0)" } }) }
        #expect(everything.isSuperset(of: perLanguage(["index.html", "articles/one/index.html", "tags/rail/index.html",
                                                        "corridors/western/index.html", "stats/index.html", "feed.xml"])))

        let edits: [(String, Set<String>, () throws -> Void)] = [
            // Its page, the lists and feed showing it, the landing's latest, the sitemap's dates,
            // and the bilingual views in both languages (each shows both texts).
            ("title", ["zh/articles/one/index.html", "zh/index.html", "zh/tags/rail/index.html", "zh/feed.xml", "index.html", "sitemap.xml",
                       "zh/articles/one/bilingual/index.html", "en/articles/one/bilingual/index.html", "zh/archive/2024/01/index.html"], {
                try site.write("Content/articles/one/zh.md", Self.article("one", "zh", title: "新标题"))
            }),
            // Also the corridor page listing it, the corridor index showing it as the latest, and
            // the stats and corridor pages citing it as a figure's source.
            ("title of a figure's source", ["en/articles/two/index.html", "en/index.html", "en/tags/rail/index.html", "en/feed.xml",
                                             "index.html", "sitemap.xml", "en/corridors/western/index.html", "zh/corridors/western/index.html",
                                             "en/corridors/central/index.html", "zh/corridors/central/index.html",
                                             "en/stats/index.html", "zh/stats/index.html",
                                             "en/articles/two/bilingual/index.html", "zh/articles/two/bilingual/index.html",
                                             "en/corridors/index.html", "en/archive/2024/02/index.html"], {
                try site.write("Content/articles/two/en.md", Self.article("two", "en", title: "two en, retitled"))
            }),
            ("template of one kind", perLanguage(["articles/one/index.html", "articles/two/index.html", "articles/three/index.html"]), { try site.edit("Templates/article.mustache") { $0 + "\n" } }),
            // Every page but the landing, which has a layout of its own.
            ("partial every page uses", everything.filter { $0.hasSuffix(".html") && $0 != "index.html" }, {
                try site.write("Templates/partials/footer.mustache", "<footer>{{i18n.footer_text}} edited</footer>\n")
            }),
            ("UI string", everything, { try Self.editEnglishStrings(site, "footer_text: ", "footer_text: Edited · ") }),
            ("tags.yaml", everything, {
                try site.write("Content/data/tags.yaml", FixtureSite.sampleTags.replacingOccurrences(of: "Rail", with: "Railways"))
            }),
            ("corridors.yaml", everything, {
                try site.edit("Content/data/corridors.yaml") { $0.replacingOccurrences(of: "value: 2129", with: "value: 2130") }
            }),
            ("stylesheet", ["404.html"], { try site.write("Public/style.css", "body { color: #222; }\n") }),
            ("added story", perLanguage(["articles/four/index.html", "articles/four/bilingual/index.html", "index.html", "feed.xml",
                                         "archive/2024/04/index.html"])
                .union(["index.html", "sitemap.xml"]), {
                for language in ["zh", "en"] {
                    try site.write("Content/articles/four/\(language).md", FixtureSite.article(title: "four \(language)", date: "2024-04-01"))
                }
            }),
            ("story in one language", ["en/articles/five/index.html", "en/index.html", "en/feed.xml", "index.html", "sitemap.xml",
                                       "en/archive/2024/05/index.html"], {
                try site.write("Content/articles/five/en.md", FixtureSite.article(title: "five en", date: "2024-05-01"))
            }),
            // The English page gains a language switch; the Chinese one and the lists appear.
            ("added translation", ["en/articles/five/index.html", "zh/articles/five/index.html", "zh/index.html", "zh/feed.xml", "index.html", "sitemap.xml",
                                   "en/articles/five/bilingual/index.html", "zh/articles/five/bilingual/index.html",
                                   "en/archive/2024/05/index.html", "zh/archive/2024/05/index.html"], {
                try site.write("Content/articles/five/zh.md", FixtureSite.article(title: "five zh", date: "2024-05-01"))
            }),
            ("deleted story", perLanguage(["index.html", "feed.xml", "tags/index.html", "tags/rail/index.html"]).union(["index.html", "sitemap.xml"]), {
                try site.remove("Content/articles/three")
            }),
        ]
        for (step, expected, edit) in edits {
            try edit()
            let result = try await Self.rebuild(site, step, live: live)
            let rendered = Self.rendered(result)
            #expect(rendered == expected, "\(step): rendered also \(rendered.subtracting(expected).sorted()), not \(expected.subtracting(rendered).sorted())")
        }
    }

    @Test("serve's engine renders a story's Markdown again only when its body or the Markdown settings change")
    func liveBuilderKeepsMarkdown() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let live = try LiveBuilds(site)
        let table = "\n\n| Port | Trains |\n| --- | --- |\n| Khorgos | 2485 |\n"
        let steps: [(String, Int, () throws -> Void)] = [
            // The tables' label is a setting of the Markdown: with this table, a page would
            // differ from a clean build if a body rendered with the old label were kept.
            ("a table in one body", 1, { try site.write("Content/articles/one/en.md", Self.article("one", "en", body: "Trains." + table)) }),
            ("a template", 0, { try site.edit("Templates/article.mustache") { $0 + "\n" } }),
            ("a UI string of the pages", 0, { try Self.editEnglishStrings(site, "footer_text: ", "footer_text: Edited · ") }),
            ("a title", 0, { try site.write("Content/articles/two/en.md", Self.article("two", "en", title: "two en, retitled")) }),
            ("the tables' label in English", 3, { try Self.editEnglishStrings(site, "table_label: Table", "table_label: Data table") }),
            ("raw HTML allowed in site.yaml", 6, { try site.edit("Content/site.yaml") { $0 + "unsafe_html: true\n" } }),
            ("a deleted story", 0, { try site.remove("Content/articles/three") }),
            // A story link's address depends on the story it names: always rendered.
            ("a story link in one body", 1, { try site.write("Content/articles/one/en.md", Self.article("one", "en", body: "See [two](@/articles/two).")) }),
            ("the linked story's English file deleted", 1, { try site.remove("Content/articles/two/en.md") }),
        ]
        for (step, renders, edit) in steps {
            try edit()
            let result = await live.rebuild()
            #expect(result.output?.renderedMarkdownCount == renders, "\(step): \(result.output?.renderedMarkdownCount ?? -1) bodies rendered")
            let fresh = try Self.cleanBuild(site)
            Self.expectSame(site.snapshot(of: live.output), fresh, "\(step), serve")
            _ = try site.buildAndWrite()
            Self.expectSame(site.snapshot(of: site.outputPath), fresh, "\(step), Site/")
        }
    }

    @Test("more edits that reach other stories' pages: the rebuilt site equals a clean build after each")
    func crossStoryEditsEqualCleanBuilds() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let live = try LiveBuilds(site)
        try await Self.rebuild(site, "first build")
        let edits: [(String, () throws -> Void)] = [
            ("a date moved to another month", {
                try site.write("Content/articles/one/en.md", FixtureSite.article(title: "one en", date: "2024-03-20", extra: "tags: [rail]\n",
                                                                                   body: "First paragraph of one.\n\nSecond paragraph."))
            }),
            ("a tag taken off", { try site.write("Content/articles/two/zh.md", FixtureSite.article(title: "two zh", date: "2024-02-10")) }),
            ("a corridor and a summary added", {
                try site.write("Content/articles/three/en.md", FixtureSite.article(
                    title: "three en", date: "2024-03-10", extra: "tags: [rail]\ncorridors: [central]\nsummary: \"A summary.\"\n"))
            }),
            ("a story made a draft", {
                try site.write("Content/articles/two/en.md", FixtureSite.article(title: "two en", date: "2024-02-10", extra: "draft: true\n"))
            }),
            ("a page added to the navigation", {
                for language in ["zh", "en"] {
                    try site.write("Content/pages/about/\(language).md", FixtureSite.article(title: "About \(language)", date: "2024-01-01"))
                }
            }),
            ("a story's folder renamed", {
                try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/articles/three"),
                                                 to: site.root.appendingPathComponent("Content/articles/third"))
            }),
            ("a picture beside a story, shown in its text", {
                try site.write("Content/articles/one/map.png", Data([0x89, 0x50, 0x4E, 0x47, 1]))
                try site.write("Content/articles/one/en.md", FixtureSite.article(title: "one en", date: "2024-03-20", body: "![A map of the route](map.png)"))
            }),
            ("the picture changed", { try site.write("Content/articles/one/map.png", Data([0x89, 0x50, 0x4E, 0x47, 2])) }),
            ("the picture's story folder renamed", {
                try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/articles/one"),
                                                 to: site.root.appendingPathComponent("Content/articles/first"))
            }),
            ("the list size in site.yaml", { try site.edit("Content/site.yaml") { $0 + "paginate: 1\n" } }),
        ]
        for (step, edit) in edits {
            try edit()
            try await Self.rebuild(site, step, live: live)
        }
    }

    @Test("a picture taken from beside the story that shows it fails the rebuild, as it fails a clean build")
    func removedPictureFailsRebuilds() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let live = try LiveBuilds(site)
        try await Self.rebuild(site, "first build")
        try site.write("Content/articles/one/map.png", Data([0x89, 0x50, 0x4E, 0x47]))
        try site.write("Content/articles/one/en.md", Self.article("one", "en", body: "![A map of the route](map.png)"))
        try await Self.rebuild(site, "a picture shown", live: live)
        try site.remove("Content/articles/one/map.png")
        let missing = "picture `map.png` does not exist in Content/articles/one/"
        let clean = try site.buildAndWrite(output: site.root.appendingPathComponent("Clean").path)
        #expect(clean.0.diagnostics.map(\.message) == [missing])
        let before = site.snapshot(of: site.outputPath)
        let (rebuilt, report) = try site.buildAndWrite()
        #expect(report == nil && rebuilt.diagnostics.map(\.message) == [missing], "\(SiteAssertions.printed(rebuilt))")
        #expect(site.snapshot(of: site.outputPath) == before, "a failed build leaves Site/ as it was")
        let served = await live.rebuild()
        #expect(served.output == nil && served.diagnostics.map(\.message) == [missing], "\(SiteAssertions.printed(served))")
    }

    @Test("a page linking another story is rendered again when that story loses or gains a translation")
    func storyLinkFollowsItsTarget() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let live = try LiveBuilds(site)
        let page = "en/articles/one/index.html"
        func linksTo(_ target: String) -> Bool {
            site.snapshot(of: site.outputPath)[page].map { String(decoding: $0, as: UTF8.self) }?.contains("href=\"../../../\(target)\"") == true
        }
        try await Self.rebuild(site, "first build")
        try site.write("Content/articles/one/en.md", Self.article("one", "en", body: "See [two](@/articles/two)."))
        try await Self.rebuild(site, "a story link", live: live)
        #expect(linksTo("en/articles/two/index.html"))
        // Nothing about `one` changed, but its link now goes to the Chinese story.
        try site.remove("Content/articles/two/en.md")
        let removed = try await Self.rebuild(site, "the linked story's English file deleted", live: live)
        #expect(Self.rendered(removed).contains(page))
        #expect(linksTo("zh/articles/two/index.html"))
        try site.write("Content/articles/two/en.md", Self.article("two", "en"))
        try await Self.rebuild(site, "the linked story's English file back", live: live)
        #expect(linksTo("en/articles/two/index.html"))
    }

    static func editEnglishStrings(_ site: FixtureSite, _ text: String, _ replacement: String) throws {
        try site.edit("Content/i18n/en.yaml") { strings in
            #expect(strings.contains(text))
            return strings.replacingOccurrences(of: text, with: replacement)
        }
    }

    @Test("front matter decoded by the previous build is reused; a damaged record of it is ignored")
    func frontMatterRecord() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.backdate()
        try await Self.rebuild(site, "first build")
        let recordPath = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath)).path + "/documents"
        let record = try Data(contentsOf: URL(fileURLWithPath: recordPath))
        for title in ["one en", "two en", "three en"] {
            #expect(record.range(of: Data(title.utf8)) != nil, "the record holds the decoded title \(title)")
        }
        // Damaged bytes (cut short, then garbage): read afresh, same site as a clean build.
        try record.prefix(record.count / 2).write(to: URL(fileURLWithPath: recordPath))
        try site.write("Content/articles/one/en.md", FixtureSite.article(
            title: "one en, retitled", date: "2024-01-10", extra: "tags: [rail]\n", body: "First paragraph of one."))
        try await Self.rebuild(site, "after a record cut short")
        try Data("not a record".utf8).write(to: URL(fileURLWithPath: recordPath))
        try site.write("Content/articles/two/en.md", FixtureSite.article(
            title: "two en", date: "2024-02-10", extra: "tags: [rail, customs]\n", body: "First paragraph of two."))
        try await Self.rebuild(site, "after a garbage record")
        // Only a body edited, with no record: the pages planned from the same front matter
        // are kept by their stored keys only when they show none of the bodies read afresh.
        try site.backdate()
        try await Self.rebuild(site, "settled")
        try FileManager.default.removeItem(atPath: recordPath)
        try site.write("Content/articles/three/en.md", Self.article("three", "en", body: "A new text for three."))
        let edited = try await Self.rebuild(site, "body edited after the record went")
        #expect(Self.rendered(edited).contains("en/articles/three/index.html"))
        #expect(!Self.rendered(edited).contains("zh/articles/three/index.html"))
    }

    @Test("a page removed from Site/ by hand is rendered again")
    func missingPageIsRenderedAgain() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try await Self.rebuild(site, "first build")
        try FileManager.default.removeItem(atPath: site.outputPath + "/en/articles/one/index.html")
        let result = try await Self.rebuild(site, "after removing a page")
        #expect(result.output?.renderedPageCount == 1)
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/one/index.html"))
    }

    @Test("a story link's warning is repeated on rebuilds that do not render its page")
    func warningsSurviveKeptPages() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("Content/articles/zh-only/zh.md", FixtureSite.article(title: "只有中文", date: "2023-12-01"))
        try site.write("Content/articles/one/en.md", FixtureSite.article(
            title: "one en", date: "2024-01-10", extra: "tags: [rail]\n", body: "See [the Chinese report](@/articles/zh-only)."))
        let live = try LiveBuilds(site)
        let first = try await Self.rebuild(site, "first build")
        let warning = { (result: BuildResult) in
            result.diagnostics.contains { $0.file == "Content/articles/one/en.md" && $0.message.contains("has no en version") }
        }
        #expect(warning(first))
        try site.write("Content/articles/two/en.md", Self.article("two", "en", body: "Edited."))
        let second = try await Self.rebuild(site, "other article edited", live: live)
        #expect(second.output?.keptPages.contains("en/articles/one/index.html") == true)
        #expect(warning(second))
    }
}

/// The engine as `caravan serve` runs it: one builder that lives across edits, told what
/// changed by the file watcher, building into a folder of its own.
final class LiveBuilds: @unchecked Sendable {
    let builder: SiteBuilder
    let output: String
    private let watcher: SourceWatcher
    private let lock = NSLock()
    private var reported: [SourceChanges] = []

    init(_ site: FixtureSite) throws {
        output = site.root.appendingPathComponent("Live").path
        builder = try SiteBuilder(options: BuildOptions(source: site.root.path), output: output, savesStateAfterEachBuild: false)
        watcher = SourceWatcher(root: site.root.path)
        let changes = watcher.changes
        Task { [weak self] in
            for await batch in changes {
                guard let self else { return }
                self.lock.withLock { self.reported.append(batch) }
            }
        }
        _ = builder.build()
    }

    deinit { watcher.stop() }

    /// Waits for the watcher to report the last edit (batches that follow closely are
    /// merged, so one edit of several files is one build), then builds what it reported.
    func rebuild() async -> BuildResult {
        var waited = Duration.zero
        while lock.withLock({ reported.isEmpty }), waited < .seconds(10) {
            try? await Task.sleep(for: .milliseconds(10))
            waited += .milliseconds(10)
        }
        try? await Task.sleep(for: .milliseconds(200))
        let batches = lock.withLock { () -> [SourceChanges] in
            defer { reported = [] }
            return reported
        }
        var paths: Set<String>? = []
        for batch in batches {
            if case .paths(let more) = batch { paths?.formUnion(more) } else { paths = nil }
        }
        return builder.build(changes: paths.map { .paths($0) } ?? .unknown)
    }
}

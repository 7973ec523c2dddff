@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// `caravan new article|page`: the files it writes build, stay unpublished while drafts,
/// and every refusal names the problem and a fix without touching the disk.
@Suite struct NewCommandTests {
    static let tags = FixtureSite.sampleTags
    static let corridors = FixtureSite.sampleCorridors

    static func site(languages: [(code: String, htmlLang: String, name: String)]? = nil, withArticle: Bool = true) throws -> FixtureSite {
        var files = languages.map { FixtureSite.minimal(languages: $0) } ?? FixtureSite.minimal()
        if languages == nil {
            files["Content/data/tags.yaml"] = tags
            files["Content/data/corridors.yaml"] = corridors
        }
        if withArticle {
            files["Content/articles/existing/zh.md"] = FixtureSite.article(title: "已有报道", extra: "tags: [rail]\ncorridors: [western]\n")
            files["Content/articles/existing/en.md"] = FixtureSite.article(title: "Existing story", extra: "tags: [rail]\ncorridors: [western]\n")
        }
        return try FixtureSite(files: files)
    }

    static func request(_ slug: String, kind: SourceDocument.Kind = .article, titles: [String: String] = [:],
                        tags: [String] = [], corridors: [String] = []) -> NewStoryRequest {
        NewStoryRequest(kind: kind, slug: slug, titles: titles, tags: tags, corridors: corridors, date: "2024-05-17")
    }

    static func text(_ site: FixtureSite, _ path: String) -> String? {
        try? String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("new article, then build: both languages, front matter parses, hidden until drafts are built")
    func newArticleBuilds() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let (plan, diagnostics) = NewStory.create(Self.request(
            "khorgos-trains", titles: ["en": "Trains: \"10,000\" through Khorgos #1", "zh": "霍尔果斯：一万列"],
            tags: ["rail", "customs"], corridors: ["western"]), root: site.root.path)
        #expect(diagnostics.isEmpty, "\(DiagnosticPrinter.format(diagnostics))")
        let created = try #require(plan)
        #expect(created.files.map(\.path) == ["Content/articles/khorgos-trains/zh.md", "Content/articles/khorgos-trains/en.md"])
        let en = try #require(Self.text(site, "Content/articles/khorgos-trains/en.md"))
        #expect(en == """
            ---
            title: "Trains: \\"10,000\\" through Khorgos #1"
            date: 2024-05-17
            summary: ""
            tags: [rail, customs]
            corridors: [western]
            draft: true
            ---

            Write the story here. When it is ready to publish, remove the line `draft: true` above.

            """)
        let zh = try #require(Self.text(site, "Content/articles/khorgos-trains/zh.md"))
        #expect(zh.contains("title: \"霍尔果斯：一万列\"\n") && zh.contains("在这里撰写报道正文。") && zh.contains("删除上方的 `draft: true` 一行"))

        let published = site.build()
        #expect(!published.diagnostics.hasErrors, "\(SiteAssertions.printed(published))")
        let output = try #require(published.output)
        #expect(output.files["en/articles/khorgos-trains/index.html"] == nil && output.files["zh/articles/khorgos-trains/index.html"] == nil)
        #expect(!output.text("en/index.html")!.contains("khorgos-trains"), "a draft is not listed")
        #expect(output.files["en/articles/existing/index.html"] != nil)

        let preview = try #require(site.build(drafts: true).output)
        let page = try #require(preview.text("en/articles/khorgos-trains/index.html"))
        #expect(page.contains("Trains: &quot;10,000&quot; through Khorgos #1") || page.contains("Trains: \"10,000\" through Khorgos #1"))
        #expect(page.contains("Write the story here."))
        #expect(preview.text("zh/articles/khorgos-trains/index.html")?.contains("霍尔果斯：一万列") == true)
        #expect(SiteAssertions.brokenRelativeLinks(in: preview) == [])
    }

    @Test("removing `draft: true` alone is an error at the placeholder; with the story written, it is published in every language")
    func removingDraftPublishes() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let plan = try #require(NewStory.create(Self.request("new-route", titles: ["en": "New route"]), root: site.root.path).0)
        var texts: [String: String] = [:]
        for file in plan.files {
            let text = try #require(Self.text(site, file.path))
            texts[file.path] = text.replacingOccurrences(of: "draft: true\n", with: "")
            try site.write(file.path, texts[file.path]!)
        }
        let placeholder = site.build()
        #expect(placeholder.output == nil)
        #expect(placeholder.diagnostics.map { "\($0.file):\($0.line ?? 0)" }.sorted()
                == ["Content/articles/new-route/en.md:7", "Content/articles/new-route/zh.md:7"], "\(SiteAssertions.printed(placeholder))")
        #expect(placeholder.diagnostics.allSatisfy { $0.message.contains("placeholder") })

        for (path, text) in texts {
            let body = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
            try site.write(path, body + "\n" + (path.hasSuffix("zh.md") ? "新线路开通。" : "A new route opens.") + "\n")
        }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        #expect(output.text("en/articles/new-route/index.html")?.contains("New route") == true)
        let zh = try #require(output.text("zh/articles/new-route/index.html"))
        #expect(zh.contains("new-route"), "without --title-zh the slug stands in as the title")
        #expect(zh.contains("新线路开通。"))
        #expect(output.text("en/index.html")!.contains("New route"))
    }

    @Test("one file per language of site.yaml, not a fixed zh + en; other languages get English text")
    func languagesFromConfig() throws {
        let site = try Self.site(languages: [("zh", "zh-Hans", "中文"), ("en", "en", "English"), ("ru", "ru", "Русский")], withArticle: false)
        defer { site.cleanUp() }
        let (plan, diagnostics) = NewStory.create(Self.request("about-us", kind: .page, titles: ["ru": "О нас"]), root: site.root.path)
        #expect(!diagnostics.hasErrors)
        #expect(plan?.files.map(\.path) == ["Content/pages/about-us/zh.md", "Content/pages/about-us/en.md", "Content/pages/about-us/ru.md"])
        let ru = try #require(Self.text(site, "Content/pages/about-us/ru.md"))
        #expect(ru.contains("title: \"О нас\"") && ru.contains("Write the page here.") && !ru.contains("tags:") && !ru.contains("corridors:"))
        #expect(Self.text(site, "Content/pages/about-us/zh.md")?.contains("在这里撰写页面内容。") == true)
        let result = site.build(drafts: true)
        #expect(!result.diagnostics.hasErrors, "\(SiteAssertions.printed(result))")
        #expect(result.output?.text("ru/about-us/index.html")?.contains("О нас") == true)
        let noTags = try #require(NewStory.plan(Self.request("tagged", tags: ["rail"]), root: site.root.path).1.first)
        #expect(noTags.message == "unknown tag `rail`" && noTags.hint?.contains("defines no tags yet") == true)
    }

    @Test("an existing folder is refused and nothing on disk changes")
    func refusesExistingFolder() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("Content/articles/half-done/notes.txt", "my notes")
        let before = site.snapshot(of: site.root.path)
        for slug in ["existing", "half-done"] {
            let (plan, diagnostics) = NewStory.create(Self.request(slug, titles: ["en": "Again"]), root: site.root.path)
            #expect(plan == nil)
            let error = try #require(diagnostics.first { $0.isError })
            #expect(error.file == "Content/articles/\(slug)" && error.message.contains("already exists"))
            #expect(error.hint?.contains("`\(slug)-2`") == true)
        }
        // Even when the check passed and the folder appears before the write.
        let plan = try #require(NewStory.plan(Self.request("racing"), root: site.root.path).0)
        try site.write("Content/articles/racing/zh.md", "mine")
        #expect(NewStory.write(plan, root: site.root.path).first?.message.contains("already exists") == true)
        try site.remove("Content/articles/racing")
        #expect(site.snapshot(of: site.root.path) == before)
    }

    @Test("an invalid slug is an error with a suggested slug, and nothing is written", arguments: [
        ("Khorgos Trains", "khorgos-trains"), ("中欧", "my-story"), ("trains_2024", "trains-2024"), ("-trains", "trains"),
    ])
    func invalidSlug(slug: String, suggestion: String) throws {
        let site = try Self.site(withArticle: false)
        defer { site.cleanUp() }
        let (plan, diagnostics) = NewStory.create(Self.request(slug), root: site.root.path)
        #expect(plan == nil)
        let error = try #require(diagnostics.first)
        #expect(error.isError && error.message.contains("`\(slug)` is not a valid slug"))
        #expect(error.hint?.contains("`\(suggestion)`") == true, "\(error.hint ?? "")")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/articles").path))
        #expect(DiagnosticPrinter.format(error).contains("error: `\(slug)` is not a valid slug"))
    }

    @Test("unknown tag and corridor ids are errors with a did-you-mean; nothing is written")
    func unknownIDs() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let before = site.snapshot(of: site.root.path)
        let (plan, diagnostics) = NewStory.create(
            Self.request("new-story", tags: ["rial", "customs"], corridors: ["westen"]), root: site.root.path)
        #expect(plan == nil)
        let tag = try #require(diagnostics.first { $0.message == "unknown tag `rial`" })
        #expect(tag.isError && tag.hint?.contains("did you mean `rail`?") == true && tag.hint?.contains("Content/data/tags.yaml") == true)
        let corridor = try #require(diagnostics.first { $0.message == "unknown corridor `westen`" })
        #expect(corridor.hint?.contains("did you mean `western`?") == true)
        #expect(diagnostics.count == 2, "customs is known")
        #expect(site.snapshot(of: site.root.path) == before)
    }

    @Test("other refusals: tags on a page, a reserved page slug, an unknown title language, no site")
    func otherRefusals() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let root = site.root.path
        #expect(NewStory.plan(Self.request("contact", kind: .page, tags: ["rail"]), root: root).1.first?.message == "pages have no tags or corridors")
        #expect(NewStory.plan(Self.request("tags", kind: .page), root: root).1.first?.message.contains("cannot be called `tags`") == true)
        let language = try #require(NewStory.plan(Self.request("x", titles: ["fr": "Trains"]), root: root).1.first)
        #expect(language.message.contains("no language `fr`") && language.hint?.contains("zh, en") == true)
        let date = NewStoryRequest(kind: .article, slug: "x", date: "17/05/2024")
        #expect(NewStory.plan(date, root: root).1.first?.message == "`17/05/2024` is not a date")
        let empty = try FixtureSite(files: [:])
        defer { empty.cleanUp() }
        let noSite = try #require(NewStory.create(Self.request("x"), root: empty.root.path).1.first)
        #expect(noSite.file == "Content/site.yaml" && noSite.hint?.contains("--source") == true)
        #expect(site.snapshot(of: root).keys.allSatisfy { !$0.contains("contact") && !$0.hasPrefix("Content/articles/x/") })
    }

    @Test("a new page goes to Content/pages/<slug>/ and builds at /<lang>/<slug>/ when previewed")
    func newPage() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let plan = try #require(NewStory.create(Self.request("contact", kind: .page, titles: ["en": "Contact us"]), root: site.root.path).0)
        #expect(plan.folder == "Content/pages/contact")
        #expect(site.build().output?.files["en/contact/index.html"] == nil)
        #expect(site.build(drafts: true).output?.text("en/contact/index.html")?.contains("Contact us") == true)
        let message = NewStory.successMessage(plan)
        #expect(message.contains("  Content/pages/contact/zh.md\n  Content/pages/contact/en.md"))
        #expect(message.contains("caravan serve") && message.contains("remove the line `draft: true`"))
        #expect(message.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("today is the machine's local date, YYYY-MM-DD, in its time zone")
    func today() throws {
        let evening = Date(timeIntervalSince1970: 20 * 3600)  // 1970-01-01 20:00 UTC
        #expect(NewStory.today(now: evening, timeZone: TimeZone(identifier: "UTC")!) == "1970-01-01")
        #expect(NewStory.today(now: evening, timeZone: TimeZone(identifier: "Asia/Shanghai")!) == "1970-01-02")
        #expect(ContentDate.parse(NewStory.today()) != nil)
    }

    @Test("titles are quoted so any text stays text: colons, quotes, backslashes, numbers, booleans")
    func quoting() throws {
        let site = try Self.site(withArticle: false)
        defer { site.cleanUp() }
        let titles = ["en": "2024", "zh": "yes: \\ \"引号\" # 不是注释"]
        #expect(NewStory.create(Self.request("odd-titles", titles: titles), root: site.root.path).0 != nil)
        let result = site.build(drafts: true)
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        #expect(output.text("en/articles/odd-titles/index.html")?.contains("<h1>2024</h1>") == true
                || output.text("en/articles/odd-titles/index.html")?.contains(">2024<") == true)
        #expect(output.text("zh/articles/odd-titles/index.html")?.contains("yes: \\ &quot;引号&quot; # 不是注释") == true)
    }
}

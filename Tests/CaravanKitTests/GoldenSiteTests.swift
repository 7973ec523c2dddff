import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Builds small sites from strings and checks the pages a reader gets.
@Suite struct GoldenSiteTests {
    /// Two stories in both languages and an About page.
    static func bilingualSite() -> [String: String] {
        var files = FixtureSite.minimal()
        files["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯口岸", date: "2024-01-25", body: "正文。")
        files["Content/articles/khorgos/en.md"] = FixtureSite.article(title: "Khorgos gateway", date: "2024-01-25", body: "Body.")
        files["Content/articles/belarus/zh.md"] = FixtureSite.article(title: "白俄罗斯", date: "2023-05-17")
        files["Content/articles/belarus/en.md"] = FixtureSite.article(title: "Belarus", date: "2023-05-17")
        files["Content/pages/about/zh.md"] = FixtureSite.article(title: "关于", date: "2024-01-01")
        files["Content/pages/about/en.md"] = FixtureSite.article(title: "About", date: "2024-01-01")
        return files
    }

    @Test("every article exists in every language, newest first on the home page")
    func articlePagesPerLanguage() throws {
        let site = try FixtureSite(files: Self.bilingualSite())
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        for language in ["zh", "en"] {
            for slug in ["khorgos", "belarus"] {
                #expect(output.files["\(language)/articles/\(slug)/index.html"] != nil, "\(language)/\(slug)")
            }
            #expect(output.files["\(language)/about/index.html"] != nil)
        }
        let home = try #require(output.text("en/index.html"))
        let khorgos = try #require(home.range(of: "Khorgos gateway"))
        let belarus = try #require(home.range(of: "Belarus"))
        #expect(khorgos.lowerBound < belarus.lowerBound)
        #expect(output.text("index.html")!.contains("霍尔果斯口岸"))
        #expect(output.text("index.html")!.contains("Khorgos gateway"))
        #expect(output.files["404.html"] != nil)
        #expect(output.files["style.css"] != nil)
    }

    @Test("every relative href and src in every page resolves to a built file")
    func relativeLinksResolve() throws {
        let site = try FixtureSite(files: Self.bilingualSite())
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])
        // The checker itself must notice a broken link.
        var broken = output
        broken.files["en/broken.html"] = Array("<a href=\"../nowhere/index.html\">x</a>".utf8)
        #expect(SiteAssertions.brokenRelativeLinks(in: broken) == ["en/broken.html → ../nowhere/index.html"])
    }

    @Test("the language switch and hreflang alternates point at the translation, itself and x-default")
    func languageSwitchAndAlternates() throws {
        let site = try FixtureSite(files: Self.bilingualSite())
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let page = try #require(output.text("en/articles/khorgos/index.html"))
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("<a href=\"../../../zh/articles/khorgos/index.html\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">阅读中文版</a>"))
        let alternates = SiteAssertions.alternates(in: page)
        #expect(alternates.map(\.hreflang) == ["zh-Hans", "en", "x-default"])
        #expect(alternates.map(\.href) == [
            "https://example.com/zh/articles/khorgos/", "https://example.com/en/articles/khorgos/",
            "https://example.com/zh/articles/khorgos/",
        ])
        for (_, href) in alternates {
            let path = String(href.dropFirst("https://example.com/".count)) + "index.html"
            #expect(output.files[path] != nil, "\(href)")
        }
        #expect(output.text("zh/articles/khorgos/index.html")!.contains("<html lang=\"zh-Hans\">"))
        // Home pages use the landing page as x-default, and the landing lists every home.
        let landing = SiteAssertions.alternates(in: output.text("index.html")!)
        #expect(landing.map(\.hreflang) == ["zh-Hans", "en", "x-default"])
        #expect(SiteAssertions.alternates(in: output.text("zh/index.html")!).last?.href == "https://example.com/")
    }

    @Test("45 stories paginate into 3 pages of 20 with working previous and next links")
    func pagination() throws {
        var files = FixtureSite.minimal(languages: [("en", "en", "English")])
        for index in 1...45 {
            let day = String(format: "2024-01-%02d", (index - 1) % 28 + 1)
            files["Content/articles/story-\(index)/en.md"] = FixtureSite.article(title: "Story \(index)", date: index <= 28 ? day : "2023-12-\(index - 28 + 1 < 10 ? "0" : "")\(index - 28 + 1)")
        }
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let first = try #require(output.text("en/index.html"))
        let second = try #require(output.text("en/page/2/index.html"))
        let third = try #require(output.text("en/page/3/index.html"))
        #expect(output.files["en/page/4/index.html"] == nil)
        func count(_ html: String) -> Int { html.components(separatedBy: "<li>\n<h2>").count - 1 }
        #expect([count(first), count(second), count(third)] as [Int] == [20, 20, 5])
        #expect(first.contains("rel=\"next\" href=\"../en/page/2/index.html\""))
        #expect(!first.contains("rel=\"prev\""))
        #expect(second.contains("rel=\"prev\" href=\"../../../en/index.html\""))
        #expect(second.contains("rel=\"next\" href=\"../../../en/page/3/index.html\""))
        #expect(third.contains("rel=\"prev\" href=\"../../../en/page/2/index.html\""))
        #expect(!third.contains("rel=\"next\""))
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])
    }

    @Test("a story missing a language builds with a warning and no link to the missing page")
    func missingTranslation() throws {
        var files = Self.bilingualSite()
        files["Content/articles/solo/zh.md"] = FixtureSite.article(title: "仅有中文", date: "2024-02-01")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output)
        let warning = try #require(result.diagnostics.first { $0.file == "Content/articles/solo" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("en.md is missing"))
        #expect(warning.hint?.contains("Content/articles/solo/en.md") == true)
        #expect(output.files["en/articles/solo/index.html"] == nil)
        let page = try #require(output.text("zh/articles/solo/index.html"))
        #expect(!page.contains("articles/solo/index.html\" hreflang"))
        #expect(!page.contains("id=\"lang-switch\""))
        #expect(SiteAssertions.alternates(in: page).isEmpty)
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])

        // A translation that exists but does not parse has its own error, and is not "missing".
        try site.write("Content/articles/solo/en.md", "---\ntitle: \"Broken\n---\n")
        let broken = site.build()
        #expect(broken.diagnostics.contains { $0.file == "Content/articles/solo/en.md" && $0.isError })
        #expect(!broken.diagnostics.contains { $0.file == "Content/articles/solo" })
    }

    @Test("text from content is escaped in every template position")
    func titlesAreEscaped() throws {
        var files = FixtureSite.minimal()
        let evil = "<script>alert(1)</script> & \\\"quotes\\\""
        files["Content/articles/evil/zh.md"] = FixtureSite.article(title: evil, extra: "summary: \"\(evil)\"\nauthor: \"\(evil)\"\n")
        files["Content/articles/evil/en.md"] = FixtureSite.article(title: evil)
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        for path in ["zh/articles/evil/index.html", "zh/index.html", "index.html", "en/articles/evil/index.html"] {
            let html = try #require(output.text(path))
            #expect(!html.contains("<script>"), "\(path)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), "\(path)")
        }
    }

    @Test("dates are shown in each language's format")
    func localizedDates() throws {
        let site = try FixtureSite(files: Self.bilingualSite())
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        #expect(output.text("zh/articles/khorgos/index.html")!.contains("<time datetime=\"2024-01-25T00:00:00+08:00\">2024年1月25日</time>"))
        #expect(output.text("en/articles/khorgos/index.html")!.contains("<time datetime=\"2024-01-25T00:00:00+08:00\">25 January 2024</time>"))
    }

    @Test("a third language is a site.yaml entry and files, no code change")
    func thirdLanguage() throws {
        var files = FixtureSite.minimal(languages: [("zh", "zh-Hans", "中文"), ("en", "en", "English"), ("ru", "ru", "Русский")])
        files["Content/i18n/ru.yaml"] = files["Content/i18n/en.yaml"]!
            .replacingOccurrences(of: "Read in English", with: "Читать по-русски")
        for language in ["zh", "en", "ru"] {
            files["Content/articles/khorgos/\(language).md"] = FixtureSite.article(title: "Khorgos \(language)")
        }
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output)
        let page = try #require(output.text("ru/articles/khorgos/index.html"))
        #expect(page.contains("<html lang=\"ru\">"))
        #expect(SiteAssertions.alternates(in: page).map(\.hreflang) == ["zh-Hans", "en", "ru", "x-default"])
        #expect(output.text("zh/articles/khorgos/index.html")!.contains("Читать по-русски"))
        #expect(output.files["ru/index.html"] != nil)
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])
    }

    @Test("Markdown: CJK line breaks join, Latin ones stay spaces, headings get ids, GFM tables work")
    func markdownRendering() throws {
        var files = FixtureSite.minimal()
        files["Content/articles/md/zh.md"] = FixtureSite.article(
            title: "测试", body: "中欧班列\n开行数量\n\n## 第一节\n\nA line\nbreak.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ https://example.org\n")
        files["Content/articles/md/en.md"] = FixtureSite.article(title: "Test", body: "## Same\n\n## Same\n")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let zh = try #require(output.text("zh/articles/md/index.html"))
        #expect(zh.contains("<p>中欧班列开行数量</p>"))
        #expect(zh.contains("<p>A line\nbreak.</p>"))
        #expect(zh.contains("<h2 id=\"第一节\">"))
        #expect(zh.contains("<td>1</td>"))
        #expect(zh.contains("<del>gone</del>"))
        #expect(zh.contains("<a href=\"https://example.org\">https://example.org</a>"))
        let en = try #require(output.text("en/articles/md/index.html"))
        #expect(en.contains("<h2 id=\"same\">") && en.contains("<h2 id=\"same-2\">"))
    }

    @Test("raw HTML is shown as text unless unsafe_html is on; script links never survive")
    func rawHTMLAndScriptLinks() throws {
        let body = "<div onclick=\"x()\">raw</div>\n\nInline <b>bold</b> and [click](javascript:alert(1)).\n"
        var files = FixtureSite.minimal(languages: [("en", "en", "English")])
        files["Content/articles/raw/en.md"] = FixtureSite.article(title: "Raw", body: body)
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let safe = try #require(site.build().output?.text("en/articles/raw/index.html"))
        #expect(safe.contains("&lt;div onclick=&quot;x()&quot;&gt;raw&lt;/div&gt;"))
        #expect(safe.contains("Inline &lt;b&gt;bold&lt;/b&gt;"))
        #expect(!safe.lowercased().contains("javascript:"))

        try site.write("Content/site.yaml", FixtureSite.minimal(languages: [("en", "en", "English")], extraConfig: "unsafe_html: true\n")["Content/site.yaml"]!)
        let unsafe = try #require(site.build().output?.text("en/articles/raw/index.html"))
        #expect(unsafe.contains("Inline <b>bold</b>"))
        #expect(!unsafe.lowercased().contains("javascript:"))
    }

    @Test("a template naming a missing partial is an error naming the template and line")
    func missingPartial() throws {
        var files = Self.bilingualSite()
        files["Templates/page.mustache"] = "{{<layout}}\n{{$content}}\n{{> partials/sidebar}}\n{{/content}}\n{{/layout}}\n"
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.output == nil)
        let error = try #require(result.diagnostics.first { $0.file == "Templates/page.mustache" })
        #expect(error.line == 3)
        #expect(error.message.contains("`partials/sidebar`"))
        #expect(error.hint != nil)
    }

    @Test("a template using a UI string one language lacks is an error naming the key and the file")
    func missingUIString() throws {
        var files = Self.bilingualSite()
        files["Templates/partials/footer.mustache"] = "<footer>{{i18n.nope}}</footer>\n"
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let printed = SiteAssertions.printed(site.build())
        #expect(printed.contains("Templates/partials/footer.mustache:1:9: error: unknown name `i18n.nope`: Content/i18n/en.yaml does not define `nope`"))
        #expect(printed.contains("Templates/partials/footer.mustache:1:9: error: unknown name `i18n.nope`: Content/i18n/zh.yaml does not define `nope`"))
    }

    @Test("story links: @/articles/<slug> goes to the same language, falls back with a warning, and a typo is an error")
    func storyLinks() throws {
        var files = Self.bilingualSite()
        files["Content/articles/solo/zh.md"] = FixtureSite.article(title: "仅有中文")
        files["Content/articles/links/en.md"] = FixtureSite.article(
            title: "Links", body: "See [Khorgos](@/articles/khorgos#section) and [solo](@/articles/solo).\n\n[About](@/pages/about)\n")
        files["Content/articles/links/zh.md"] = FixtureSite.article(title: "链接", body: "见[霍尔果斯](@/articles/khorgos)。\n")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        let en = try #require(output.text("en/articles/links/index.html"))
        #expect(en.contains("<a href=\"../../../en/articles/khorgos/index.html#section\">Khorgos</a>"))
        #expect(en.contains("<a href=\"../../../zh/articles/solo/index.html\">solo</a>"))
        #expect(en.contains("<a href=\"../../../en/about/index.html\">About</a>"))
        #expect(output.text("zh/articles/links/index.html")!.contains("<a href=\"../../../zh/articles/khorgos/index.html\">霍尔果斯</a>"))
        let warning = try #require(result.diagnostics.first { $0.message.contains("`@/articles/solo` has no en version") })
        #expect(warning.severity == .warning && warning.file == "Content/articles/links/en.md" && warning.line == 5 && warning.column == 47)

        try site.write("Content/articles/links/zh.md", FixtureSite.article(title: "链接", body: "正文。\n\n见[霍尔果斯](@/articles/khorgoss)。\n"))
        let broken = site.build()
        #expect(broken.output == nil)
        let error = try #require(broken.diagnostics.first { $0.message == "link to the article `khorgoss`, which does not exist" })
        #expect(error.file == "Content/articles/links/zh.md" && error.line == 7 && error.column == 2)
        #expect(error.hint == "did you mean `@/articles/khorgos`?")
    }

    @Test("a picture from another website is an error: pages load nothing from other hosts")
    func remotePicture() throws {
        var files = Self.bilingualSite()
        files["Content/articles/khorgos/en.md"] = FixtureSite.article(
            title: "Khorgos", extra: "image: https://cdn.example.net/a.jpg\nimage_alt: A port\n", body: "![Map](//cdn.example.net/map.png)")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.output == nil)
        let errors = result.diagnostics.filter { $0.message.contains("is on another website") }
        #expect(errors.map { $0.line ?? 0 } == [4, 7], "\(SiteAssertions.printed(result))")
        #expect(errors.allSatisfy { $0.file == "Content/articles/khorgos/en.md" && $0.hint?.contains("download") == true })
    }
}

@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// `caravan check`: a report of every story's languages and of what a build lets through
/// (no tags, figures citing drafts, broken links, pictures without alt text), and the
/// `--strict` exit decision.
@Suite struct CheckCommandTests {
    static let data = """
        corridors:
          - id: western
            name: {en: Western route, zh: 西通道}
        figures:
          - id: wip-trains
            metric: {en: Trains, zh: 班列}
            value: 100
            unit: trains
            period: 2023
            corridor: western
            source: wip

        """
    static let tags = "tags:\n  - {id: rail, name: {zh: 铁路, en: Rail}}\n"
    static let filed = "tags: [rail]\ncorridors: [western]\n"

    /// A clean site: one complete story and a page.
    static func cleanFiles() -> [String: String] {
        var files = FixtureSite.minimal()
        files["Content/data/tags.yaml"] = tags
        files["Content/data/corridors.yaml"] = data.replacingOccurrences(of: "source: wip", with: "source: complete")
        files["Content/articles/complete/zh.md"] = FixtureSite.article(title: "完整", extra: filed, body: "正文。")
        files["Content/articles/complete/en.md"] = FixtureSite.article(title: "Complete", extra: filed, body: "Text.")
        files["Content/pages/about/zh.md"] = FixtureSite.article(title: "关于")
        files["Content/pages/about/en.md"] = FixtureSite.article(title: "About")
        return files
    }

    /// The clean site plus one of each problem the check reports.
    static func problemSite() throws -> FixtureSite {
        var files = cleanFiles()
        files["Content/data/corridors.yaml"] = data
        files["Content/articles/half/zh.md"] = FixtureSite.article(title: "只有中文", extra: filed)
        files["Content/articles/wip/zh.md"] = FixtureSite.article(title: "草稿", extra: filed + "draft: true\n")
        files["Content/articles/wip/en.md"] = FixtureSite.article(title: "Draft", extra: filed + "draft: true\n", body: "See [the map](../nowhere/).")
        files["Content/articles/untagged/zh.md"] = FixtureSite.article(title: "无标签", extra: "corridors: [western]\n")
        files["Content/articles/untagged/en.md"] = FixtureSite.article(title: "No tags", extra: "corridors: [western]\n")
        files["Content/articles/pictures/zh.md"] = FixtureSite.article(title: "图片", extra: filed, body: "![霍尔果斯](map.png)\n\n见[旧文](../../old/)。")
        files["Content/articles/pictures/en.md"] = FixtureSite.article(title: "Pictures", extra: filed, body: "Intro.\n\n![Map](map.png)")
        files["Content/articles/pictures/map.png"] = "png"
        return try FixtureSite(files: files)
    }

    @Test("the report lists a missing language, a draft, no tags, a draft figure source, and broken links")
    func findsEachProblem() throws {
        let site = try Self.problemSite()
        defer { site.cleanUp() }
        let report = SiteCheck.run(source: site.root.path)
        #expect(!report.buildDiagnostics.hasErrors, "\(DiagnosticPrinter.format(report.buildDiagnostics))")
        #expect(report.languages == ["zh", "en"])
        #expect(report.stories.map(\.slug) == ["complete", "half", "pictures", "untagged", "wip", "about"])

        #expect(report.story("half")?.languages == ["zh": .published, "en": .missing])
        #expect(report.story("wip")?.languages == ["zh": .draft, "en": .draft])
        #expect(report.story("complete")?.languages == ["zh": .published, "en": .published])
        #expect(report.story("about", kind: .page)?.tags == nil)
        #expect(report.story("untagged")?.tags == 0 && report.story("untagged")?.corridors == 1)

        #expect(report.findings(.noTags).map(\.diagnostic.file) == ["Content/articles/untagged/en.md", "Content/articles/untagged/zh.md"])
        #expect(report.findings(.noCorridors).isEmpty)

        let source = try #require(report.findings(.draftSource).first)
        #expect(report.findings(.draftSource).count == 1)
        #expect(source.diagnostic.file == "Content/data/corridors.yaml" && source.diagnostic.line == 11 && source.diagnostic.column == 13)
        #expect(source.diagnostic.message.contains("`wip-trains`") && source.diagnostic.message.contains("draft"))
        #expect(source.diagnostic.hint?.contains("remove `draft: true`") == true)


        let links = report.findings(.brokenLink).map(\.diagnostic)
        #expect(links.map(\.file) == ["Content/articles/pictures/zh.md", "Content/articles/wip/en.md"],
                "a published page's link, and a draft's (from a build with drafts)")
        #expect(links.first?.line == 9 && links.first?.message.contains("`../../old/`") == true)
        #expect(report.findings.allSatisfy { !$0.diagnostic.isError })
        #expect(report.linksChecked)

        // The build's warning for the missing translation is kept, and printed first.
        let all = report.diagnostics()
        #expect(all.contains { $0.file == "Content/articles/half" && $0.message.contains("en.md is missing") })
        // The published page's broken link is a build warning too (at the same place): printed once.
        #expect(report.buildDiagnostics.contains { $0.file == "Content/articles/pictures/zh.md" && $0.line == 9 && $0.message.contains("`../../old/`") })
        #expect(all.count == report.buildDiagnostics.count + report.findings.count - 1)
    }

    @Test("the printed report: diagnostics, then aligned tables within 80 columns, findings, one summary line")
    func printedReport() throws {
        let site = try Self.problemSite()
        defer { site.cleanUp() }
        let report = SiteCheck.run(source: site.root.path)
        let text = CheckReportFormatter.format(report, strict: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tableStart = try #require(lines.firstIndex(of: "Articles (5)"))
        #expect(lines.prefix(tableStart).contains { $0.hasPrefix("Content/articles/half: warning: en.md is missing") })
        #expect(Array(lines[(tableStart + 1)...(tableStart + 6)]) == [
            "ARTICLE   zh     en       TAGS  CORRIDORS",
            "complete  yes    yes         1          1",
            "half      yes    missing     1          1",
            "pictures  yes    yes         1          1",
            "untagged  yes    yes         0          1",
            "wip       draft  draft       1          1",
        ])
        #expect(text.contains("Pages (1)\nPAGE   zh   en\nabout  yes  yes"))
        #expect(text.contains("""
            Findings (5)
              no tags (2)
                Content/articles/untagged/en.md
                Content/articles/untagged/zh.md
              figure source is a draft (1)
                Content/data/corridors.yaml:11  figure wip-trains → wip
            """))
        let summary = try #require(lines.last)
        #expect(summary.hasPrefix("Check passed: 5 articles, 1 page, 1 with drafts, 1 missing a language; 0 errors, "))
        #expect(summary.hasSuffix("(4 from the check)."), "the fifth, a broken link, is the build's warning too")
        let tables = lines[tableStart..<(lines.firstIndex(of: "Findings (5)") ?? lines.count)]
        #expect(tables.allSatisfy { $0.count <= 80 }, "\(tables.filter { $0.count > 80 })")
    }

    @Test("--strict: warnings fail the check, printed as errors; a clean site passes either way")
    func strictDecision() throws {
        let problems = try Self.problemSite()
        defer { problems.cleanUp() }
        let report = SiteCheck.run(source: problems.root.path)
        #expect(report.passes(strict: false), "warnings alone do not fail the check")
        #expect(!report.passes(strict: true))
        #expect(report.diagnostics(strict: true).allSatisfy { $0.isError })
        #expect(CheckReportFormatter.summary(report, strict: true).hasPrefix("Check failed (--strict counts warnings as errors): "))
        #expect(CheckReportFormatter.format(report, strict: true).contains("Content/articles/untagged/en.md: error: the article has no tags"))

        let clean = try FixtureSite(files: Self.cleanFiles())
        defer { clean.cleanUp() }
        let cleanReport = SiteCheck.run(source: clean.root.path)
        #expect(cleanReport.findings.isEmpty, "\(cleanReport.findings.map(\.diagnostic.message))")
        #expect(cleanReport.diagnostics().isEmpty, "\(DiagnosticPrinter.format(cleanReport.diagnostics()))")
        #expect(cleanReport.passes(strict: true) && cleanReport.passes(strict: false))
        #expect(CheckReportFormatter.format(cleanReport, strict: true).hasPrefix("Articles (1)\n"))
        #expect(CheckReportFormatter.summary(cleanReport, strict: true)
                == "Check passed: 1 article, 1 page, 0 with drafts, 0 missing a language; 0 errors, 0 warnings.")
    }

    @Test("a site that does not build fails without --strict; the unreadable file shows as `error`; links unchecked")
    func buildErrors() throws {
        var files = Self.cleanFiles()
        files["Content/articles/broken/en.md"] = "---\ntitel: Oops\ndate: 2024-01-01\n---\nText.\n"
        files["Content/articles/broken/zh.md"] = FixtureSite.article(title: "坏", extra: Self.filed)
        files["Content/data/corridors.yaml"] = Self.data.replacingOccurrences(of: "source: wip", with: "source: gone")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let report = SiteCheck.run(source: site.root.path)
        #expect(!report.passes(strict: false) && !report.linksChecked)
        #expect(report.story("broken")?.languages == ["zh": .published, "en": .invalid])
        // The figure's missing source is a build error and a finding, printed once.
        #expect(report.findings(.missingSource).count == 1)
        #expect(report.diagnostics().filter { $0.file == CorridorData.path && $0.line == 11 }.count == 1)
        #expect(CheckReportFormatter.summary(report, strict: false).hasSuffix("Links were not checked: the site does not build."))
        let empty = try FixtureSite(files: [:])
        defer { empty.cleanUp() }
        let none = SiteCheck.run(source: empty.root.path)
        #expect(!none.passes(strict: false) && none.stories.isEmpty)
        #expect(CheckReportFormatter.format(none, strict: false).contains("Content/site.yaml: error:"))
    }

    @Test("links: relative links are resolved like a browser; other hosts and anchors are skipped")
    func linkResolution() {
        let output = BuildOutput(files: [
            "index.html": Array("<a href=\"en/index.html\">x</a><a href=\"zh/\">y</a><img src=\"logo.png\">".utf8),
            "en/index.html": Array("<a href=\"../index.html#top\">a</a> <a href=\"https://x.org/\">b</a> <a href=\"#c\">c</a> <a href=\"mailto:a@b.c\">d</a> <a href=\"map%20a.png?v=1&amp;w=2\">e</a>".utf8),
            "en/map a.png": [1],
        ])
        #expect(LinkCheck.brokenLinks(in: output) == [
            .init(page: "index.html", link: "logo.png"), .init(page: "index.html", link: "zh/"),
        ])
        #expect(LinkCheck.resolve("../../../en/tags/index.html", from: "zh/articles/x/index.html") == "en/tags/index.html")
        #expect(LinkCheck.resolve("../", from: "en/index.html") == "")
    }

    @Test("a table too wide for the terminal puts a long first cell on its own line, keeping columns aligned")
    func tableWrapping() {
        let table = TextTable(headers: ["ARTICLE", "zh", "en"],
                              rows: [["short", "yes", "yes"], [String(repeating: "a", count: 30), "yes", "draft"]], width: 20)
        #expect(table.render() == """
            ARTICLE   zh   en
            short     yes  yes
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                      yes  draft
            """)
        #expect(TextTable.displayWidth("中欧班列 ok") == 11)
    }

    @Test("tag and corridor counts show a range when the translations differ")
    func countRanges() {
        let row = SiteCheckReport.StoryRow(kind: .article, slug: "mixed", languages: ["zh": .published, "en": .draft],
                                           tagCounts: ["zh": 0, "en": 2], corridorCounts: ["zh": 1, "en": 1])
        let report = SiteCheckReport(languages: ["zh", "en"], stories: [row], buildDiagnostics: [], findings: [], linksChecked: true)
        #expect(row.tags == 0 && row.corridors == 1 && row.hasDraft && row.missing.isEmpty)
        #expect(CheckReportFormatter.storyTables(report)?.contains("mixed    yes  draft   0-2          1") == true,
                "\(CheckReportFormatter.storyTables(report) ?? "")")
    }

    @Test("a picture without alt text in a published story fails the check with the build's error")
    func pictureWithoutAlt() throws {
        var files = Self.cleanFiles()
        files["Content/articles/complete/en.md"] = FixtureSite.article(title: "Complete", extra: Self.filed, body: "![](map.png)")
        files["Content/articles/complete/map.png"] = "png"
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let report = SiteCheck.run(source: site.root.path)
        #expect(!report.passes(strict: false))
        let error = try #require(report.buildDiagnostics.first { $0.message.contains("has no description (alt text)") })
        #expect(error.file == "Content/articles/complete/en.md" && error.line == 7 && error.isError)
    }
}

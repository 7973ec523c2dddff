import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Embargoes and scheduled publishing: a story dated later than the build is held back
/// (no byte of it published), goes live with the first build after its moment, and comes
/// down at its `expires`; dates without an offset are on the site's clock (Beijing time
/// unless site.yaml says otherwise).
@Suite struct SchedulingTests {
    /// 2027-01-05 09:00 in Beijing, and a minute either side.
    static let goLive = ISO8601DateFormatter().date(from: "2027-01-05T01:00:00Z")!
    static let before = goLive.addingTimeInterval(-60)
    static let after = goLive.addingTimeInterval(60)

    static func site(extraEnglish: String = "") throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/articles/today/en.md"] = FixtureSite.article(title: "Published story", date: "2024-01-25")
        files["Content/articles/embargoed/en.md"] = FixtureSite.article(
            title: "EMBARGOTITLE merger", date: "2027-01-05 09:00",
            extra: "summary: \"EMBARGOSUMMARY\"\n" + extraEnglish, body: "EMBARGOBODY in the text.")
        files["Content/articles/embargoed/zh.md"] = FixtureSite.article(title: "禁发标题", date: "2027-01-05T09:00:00+08:00", body: "禁发正文。")
        return try FixtureSite(files: files)
    }

    static func build(_ site: FixtureSite, at now: Date, future: Bool = false) -> BuildResult {
        var options = BuildOptions(source: site.root.path)
        options.now = now
        options.includeFuture = future
        return SiteBuilder(options: options).build()
    }

    static func mentions(_ output: BuildOutput, _ markers: [String]) -> [String] {
        output.files.compactMap { path, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            return markers.contains(where: { text.contains($0) || path.contains($0) }) ? path : nil
        }.sorted()
    }

    @Test("a story dated later than the build is held back: no file of the site holds a byte of it, feeds and search included")
    func heldBack() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let result = Self.build(site, at: Self.before)
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        #expect(Self.mentions(output, ["EMBARGO", "embargoed", "禁发"]).isEmpty)
        #expect(output.text("en/articles/today/index.html") != nil)
        #expect(output.upcoming.map(\.description) == [
            "Content/articles/embargoed/en.md goes live at 2027-01-05 09:00 (Asia/Shanghai)",
            "Content/articles/embargoed/zh.md goes live at 2027-01-05 09:00 (Asia/Shanghai)",
        ])
        #expect(BuildSummary.nextScheduledChange(output)
            == "Next scheduled: Content/articles/embargoed/en.md goes live at 2027-01-05 09:00 (Asia/Shanghai); build again then to publish it (1 more change after it; `caravan check` lists them).")
    }

    @Test("the first build after the moment publishes it; a date without an offset is Beijing time")
    func goesLive() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = try #require(Self.build(site, at: Self.after).output)
        #expect(output.text("en/articles/embargoed/index.html")?.contains("EMBARGOBODY") == true)
        #expect(output.text("zh/articles/embargoed/index.html")?.contains("禁发正文") == true)
        #expect(output.text("en/articles/embargoed/index.html")?.contains("<p class=\"draft-badge\">") == false)
        #expect(output.upcoming.isEmpty)
        // In UTC, 09:00 is eight hours later: still held back a minute after 09:00 Beijing.
        try site.write("Content/site.yaml", FixtureSite.minimal()["Content/site.yaml"]! + "timeZone: UTC\n")
        let utc = try #require(Self.build(site, at: Self.after).output)
        #expect(utc.text("en/articles/embargoed/index.html") == nil)
        #expect(utc.text("zh/articles/embargoed/index.html") != nil, "a date with an offset is the same moment on any clock")
    }

    @Test("the site's clock holds in the pages and feeds too: a day starts at its midnight, a time is its own (summer time included)")
    func datesOnTheSiteClock() throws {
        var files = FixtureSite.minimal()
        files["Content/site.yaml"]! += "timeZone: Europe/Berlin\n"
        files["Content/articles/summer/en.md"] = FixtureSite.article(title: "Summer", date: "2024-07-01")
        files["Content/articles/winter/en.md"] = FixtureSite.article(title: "Winter", date: "2024-01-10 09:30")
        files["Content/articles/offset/en.md"] = FixtureSite.article(title: "Offset", date: "2024-01-11T09:30:00+08:00")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        #expect(output.text("en/articles/summer/index.html")?.contains("<time datetime=\"2024-07-01T00:00:00+02:00\">") == true)
        #expect(output.text("en/articles/winter/index.html")?.contains("<time datetime=\"2024-01-10T09:30:00+01:00\">") == true)
        #expect(output.text("en/articles/offset/index.html")?.contains("<time datetime=\"2024-01-11T09:30:00+08:00\">") == true)
    }

    @Test("`--future` shows it before its time, marked with when it goes live, in each language")
    func preview() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = try #require(Self.build(site, at: Self.before, future: true).output)
        let en = try #require(output.text("en/articles/embargoed/index.html"))
        #expect(en.contains("<p class=\"draft-badge\">Scheduled — goes live 2027-01-05 09:00 (Asia/Shanghai)</p>"))
        let zh = try #require(output.text("zh/articles/embargoed/index.html"))
        #expect(zh.contains("<p class=\"draft-badge\">定时发布 · 上线时间 2027-01-05 09:00 (Asia/Shanghai)</p>"))
        #expect(output.text("en/articles/today/index.html")?.contains("<p class=\"draft-badge\">") == false)
    }

    @Test("`expires` takes a story down at its time, and the build says when")
    func expires() throws {
        var files = FixtureSite.minimal()
        files["Content/articles/offer/en.md"] = FixtureSite.article(
            title: "Winter tariff", date: "2024-01-25", extra: "expires: 2027-01-05 09:00\n", body: "OFFERBODY until January.")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let live = try #require(Self.build(site, at: Self.before).output)
        #expect(live.text("en/articles/offer/index.html")?.contains("OFFERBODY") == true)
        #expect(BuildSummary.nextScheduledChange(live)
            == "Next scheduled: Content/articles/offer/en.md expires at 2027-01-05 09:00 (Asia/Shanghai); build again then to take it down.")
        let gone = try #require(Self.build(site, at: Self.after).output)
        #expect(Self.mentions(gone, ["OFFERBODY", "Winter tariff"]).isEmpty)
    }

    @Test("with no file changed, a build after the moment is not skipped as up to date: it publishes the story")
    func clockBeatsUpToDate() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.backdate()
        func build(at now: Date) throws -> BuildResult {
            var options = BuildOptions(source: site.root.path)
            options.now = now
            return try SiteBuilder(options: options, output: site.outputPath).build()
        }
        #expect(try build(at: Self.before).report != nil)
        #expect(try build(at: Self.before.addingTimeInterval(10)).wasUpToDate, "nothing changed and nothing is due")
        let due = try build(at: Self.after)
        #expect(!due.wasUpToDate)
        #expect(due.report != nil && due.diagnostics.errorCount == 0, "\(SiteAssertions.printed(due))")
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/embargoed/index.html"))
    }

    @Test("`caravan check` lists what is scheduled and when, and marks the files `later`")
    func check() throws {
        var files = FixtureSite.minimal()
        files["Content/articles/far/en.md"] = FixtureSite.article(title: "Far future", date: "2999-01-01 08:00")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let report = SiteCheck.run(source: site.root.path)
        let text = CheckReportFormatter.format(report, strict: false)
        #expect(text.contains("Scheduled (1)\n  Content/articles/far/en.md goes live at 2999-01-01 08:00 (Asia/Shanghai)"), "\(text)")
        #expect(report.stories.first { $0.slug == "far" }?.languages["en"] == .scheduled)
    }

    @Test("mistakes: `expires` not after `date`, an unknown time zone")
    func mistakes() throws {
        let site = try Self.site(extraEnglish: "expires: 2027-01-04\n")
        defer { site.cleanUp() }
        let result = Self.build(site, at: Self.before)
        #expect(result.output == nil)
        #expect(result.diagnostics.contains {
            $0.file == "Content/articles/embargoed/en.md" && $0.line == 5
                && $0.message == "`expires` (2027-01-04) is not after the story's `date` (2027-01-05 09:00:00), so it would never be published"
                && $0.hint == "give `expires` a later time than `date`, or remove it to keep the story up"
        }, "\(SiteAssertions.printed(result))")
        try site.write("Content/articles/embargoed/en.md", FixtureSite.article(title: "t", date: "2027-01-05 09:00"))
        try site.write("Content/site.yaml", FixtureSite.minimal()["Content/site.yaml"]! + "timeZone: Asia/Shangai\n")
        let zone = Self.build(site, at: Self.before)
        #expect(zone.diagnostics.contains {
            $0.file == "Content/site.yaml" && $0.message == "unknown time zone `Asia/Shangai`" && $0.hint == "did you mean `Asia/Shanghai`?"
        }, "\(SiteAssertions.printed(zone))")
    }
}

import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// A corrected story says so: a dated box at its end, the `updated` line, `correction` in
/// its JSON-LD, a new `updated` in the feed and the sitemap.
@Suite struct CorrectionsTests {
    static let corrections = """
        corrections:
          - date: 2024-02-03
            text: "An earlier version gave 2,845 trains; the customs figure is 2,485."
          - date: 2024-02-10
            text: "The route's name is Chongqing–Xinjiang–Europe."

        """

    @Test("corrections show dated at the article's end, move its `updated` line, and reach the JSON-LD, the feed and the sitemap")
    func correctedArticle() throws {
        var files = PageGoldenTests.source()
        files["Content/articles/corrected/en.md"] = FixtureSite.article(
            title: "Khorgos record", date: "2024-01-25", extra: Self.corrections, body: "Trains through Khorgos.")
        files["Content/articles/corrected/zh.md"] = FixtureSite.article(
            title: "霍尔果斯纪录", date: "2024-01-25",
            extra: "corrections:\n  - {date: 2024-02-03, text: \"此前版本的班列数有误。\"}\n", body: "霍尔果斯。")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        let en = try #require(output.text("en/articles/corrected/index.html"))
        #expect(en.contains("""
            <aside class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">Corrections</h2>
            <ul>
            <li><time datetime="2024-02-03T00:00:00+08:00">3 February 2024</time>: An earlier version gave 2,845 trains; the customs figure is 2,485.</li>
            <li><time datetime="2024-02-10T00:00:00+08:00">10 February 2024</time>: The route&#39;s name is Chongqing–Xinjiang–Europe.</li>
            </ul>
            </aside>
            """), "\(en)")
        #expect(en.contains("Updated <time datetime=\"2024-02-10T00:00:00+08:00\">10 February 2024</time>"), "the latest correction is the last change")
        #expect(en.contains("\"dateModified\":\"2024-02-10T00:00:00+08:00\""))
        #expect(en.contains("\"correction\":[{\"@type\":\"CorrectionComment\",\"datePublished\":\"2024-02-03T00:00:00+08:00\",\"text\":\"An earlier version gave 2,845 trains; the customs figure is 2,485.\"},{\"@type\":\"CorrectionComment\",\"datePublished\":\"2024-02-10T00:00:00+08:00\""))
        let zh = try #require(output.text("zh/articles/corrected/index.html"))
        #expect(zh.contains("<h2 id=\"corrections-title\">更正</h2>"))
        #expect(zh.contains("<li><time datetime=\"2024-02-03T00:00:00+08:00\">2024年2月3日</time>：此前版本的班列数有误。</li>"))
        let feed = try #require(output.text("en/feed.xml"))
        let entry = try #require(feed.range(of: "<title>Khorgos record</title>").map { String(feed[$0.lowerBound...].prefix(800)) })
        #expect(entry.contains("<updated>2024-02-10T00:00:00+08:00</updated>"), "\(entry)")
        let sitemap = try #require(output.text("sitemap.xml"))
        #expect(sitemap.contains("en/articles/corrected/</loc>\n<lastmod>2024-02-10T00:00:00+08:00</lastmod>"), "\(sitemap)")
        let plain = try #require(output.text("en/articles/khorgos/index.html"))
        #expect(!plain.contains("class=\"corrections\""), "no box without corrections")
    }

    @Test("a correction without its date or text, or not in a list, is an error at its line", arguments: [
        ("corrections:\n  - text: \"Fixed the month.\"\n", "Content/articles/corrected/en.md:5:5: error: a correction needs the `date` it was made"),
        ("corrections:\n  - date: 2024-02-03\n", "Content/articles/corrected/en.md:5:5: error: missing required key `text`"),
        ("corrections:\n  - date: 2024-02-03\n    text: \"\"\n", "Content/articles/corrected/en.md:6:11: error: the correction's `text` is empty"),
        ("corrections:\n  - date: 2024-02-30\n    text: \"Fixed.\"\n", "Content/articles/corrected/en.md:5:11: error: `date` 2024-02-30 has the day 30, but month 02 of 2024 has 29 days"),
        ("corrections: \"Fixed the month.\"\n", "Content/articles/corrected/en.md:4:14: error: `corrections` must be a list, each entry with a `date` and a `text`"),
    ])
    func badCorrections(_ yaml: String, _ message: String) throws {
        var files = PageGoldenTests.source()
        files["Content/articles/corrected/en.md"] = FixtureSite.article(title: "Khorgos record", date: "2024-01-25", extra: yaml)
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let printed = SiteAssertions.printed(site.build())
        #expect(printed.contains(message), "\(printed)")
    }
}

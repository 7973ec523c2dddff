import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// A language's first home page opens with a lead story, each corridor's latest reports and
/// the latest figures; later pages are plain lists.
@Suite struct FrontPageTests {
    @Test("the newest article leads unless one is featured; corridors with reports get a section; figures link the stats page")
    func front() throws {
        var files = PageGoldenTests.source()
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let home = try #require(site.build().output?.text("en/index.html"))
        #expect(home.contains("<h2 id=\"lead-story-title\"><a href=\"../en/articles/khorgos/index.html\">Khorgos trains &amp; a &lt;record&gt;</a></h2>"))
        #expect(home.contains("<h2><a href=\"../en/corridors/western/index.html\">Western route</a></h2>"))
        #expect(!home.contains("corridors/central/index.html\">Central route</a></h2>"), "a corridor without reports has no section")
        #expect(home.contains("<li><a href=\"../en/stats/index.html#figure-khorgos-trains\">Trains in and out</a>: <strong>"))

        files["Content/articles/belarus/en.md"] = FixtureSite.article(title: "Belarus", date: "2023-05-17", extra: "tags: [rail]\nfeatured: true\n")
        let featured = try FixtureSite(files: files)
        defer { featured.cleanUp() }
        let output = try #require(featured.build().output)
        #expect(try #require(output.text("en/index.html")).contains("<h2 id=\"lead-story-title\"><a href=\"../en/articles/belarus/index.html\">Belarus</a></h2>"))
        #expect(try #require(output.text("zh/index.html")).contains("<h2 id=\"lead-story-title\"><a href=\"../zh/articles/khorgos/index.html\">"),
                "featured in English only: the Chinese front keeps its newest")
    }
}

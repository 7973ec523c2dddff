@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// 中英对照: an article with its translation, block by block where the two line up.
@Suite struct BilingualViewTests {
    static func site(zhBody: String, enBody: String) -> [String: String] {
        var files = FixtureSite.minimal()
        files["Content/articles/port/zh.md"] = FixtureSite.article(title: "口岸", body: zhBody)
        files["Content/articles/port/en.md"] = FixtureSite.article(title: "The port", body: enBody)
        files["Content/articles/other/zh.md"] = FixtureSite.article(title: "另一篇", date: "2024-01-01")
        files["Content/articles/other/en.md"] = FixtureSite.article(title: "Another", date: "2024-01-01")
        files["Content/articles/solo/en.md"] = FixtureSite.article(title: "Only in English", date: "2024-01-02")
        return files
    }

    static let alignedZh = "第一段，见[另一篇](@/articles/other)。\n\n## 数据\n\n![列车](train.png)\n\n- 一\n- 二\n"
    static let alignedEn = "First paragraph, see [another](@/articles/other).\n\n## Figures\n\n![A train](train.png)\n\n- one\n- two\n"

    /// The `<div class="original">…</div>` and translation contents, in page order.
    static func columns(_ page: String) -> [String] {
        page.matches(of: /<div class="(?:original|translation)"[^>]*>\n(?s)(.*?)<\/div>\n/).map { String($0.1) }
    }

    @Test("aligned texts: each block beside its translation, the page's language first, links and pictures working, ids once")
    func aligned() throws {
        let site = try FixtureSite(files: Self.site(zhBody: Self.alignedZh, enBody: Self.alignedEn),
                                   binaryFiles: ["Content/articles/port/train.png": [0x89, 0x50, 0x4E, 0x47]])
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        let zh = String(decoding: try #require(output.files["zh/articles/port/bilingual/index.html"]), as: UTF8.self)
        let columns = Self.columns(zh)
        #expect(columns.count == 8, "four blocks a language")
        #expect(columns[0].contains("第一段") && columns[1].contains("First paragraph"))
        #expect(columns[2].hasPrefix("<h2 id=\"数据\">") && columns[3].hasPrefix("<h2 id=\"en-figures\">"), "the translation's ids are prefixed")
        #expect(columns[6].contains("<li>一</li>") && columns[7].contains("<li>one</li>"))
        #expect(zh.contains("<div class=\"translation\" lang=\"en\">"))
        #expect(!zh.contains("class=\"note\""), "no note when the texts line up")
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [], "links and pictures work one folder down")
        let sources = zh.matches(of: /src="[^"]*"/).map { String($0.0) }
        #expect(sources == [#"src="../../../../zh/articles/port/train.png""#, #"src="../../../../en/articles/port/train.png""#])
        // The English view leads with English; each view's switch goes to the other view.
        let en = String(decoding: try #require(output.files["en/articles/port/bilingual/index.html"]), as: UTF8.self)
        #expect(Self.columns(en)[0].contains("First paragraph") && Self.columns(en)[1].contains("第一段"))
        #expect(zh.contains("href=\"../../../../en/articles/port/bilingual/index.html\""))
        // Canonical is the article; no hreflang alternates; not in the sitemap.
        #expect(zh.contains("<link rel=\"canonical\" href=\"https://example.com/zh/articles/port/\">"))
        #expect(!zh.contains("hreflang=\"x-default\""))
        #expect(output.text("sitemap.xml")?.contains("bilingual") == false)
        // The article links its view, and the view links back.
        let article = String(decoding: try #require(output.files["zh/articles/port/index.html"]), as: UTF8.self)
        #expect(article.contains("<a href=\"../../../zh/articles/port/bilingual/index.html\">中英对照</a>"))
        #expect(zh.contains("<a href=\"../../../../zh/articles/port/index.html\">只看中文</a>"))
    }

    @Test("a story in one language has no bilingual view and no link to one")
    func oneLanguage() throws {
        let site = try FixtureSite(files: Self.site(zhBody: "一。", enBody: "One."))
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        #expect(output.files["en/articles/solo/bilingual/index.html"] == nil)
        #expect(output.files["zh/articles/solo/bilingual/index.html"] == nil)
        let solo = String(decoding: try #require(output.files["en/articles/solo/index.html"]), as: UTF8.self)
        #expect(!solo.contains("bilingual"))
        #expect(output.files["en/articles/other/bilingual/index.html"] != nil)
    }

    @Test("texts that do not line up are paired section by section, with a note, and `caravan check` says where they part")
    func diverging() throws {
        let zhBody = "甲。\n\n乙。\n\n丙。\n\n## 二\n\n丁。\n"
        let enBody = "A.\n\nB.\n\n## Two\n\nD.\n"
        let site = try FixtureSite(files: Self.site(zhBody: zhBody, enBody: enBody))
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let zh = String(decoding: try #require(output.files["zh/articles/port/bilingual/index.html"]), as: UTF8.self)
        let columns = Self.columns(zh)
        #expect(columns.count == 4, "two sections a language")
        #expect(columns[0].contains("甲") && columns[0].contains("丙") && columns[1].contains("A.") && columns[1].contains("B."))
        #expect(zh.contains("<p class=\"note\">两种语言的段落未能一一对应，以下按章节对照。</p>"))

        let report = SiteCheck.run(source: site.root.path)
        let finding = try #require(report.findings(.unalignedTranslation).first)
        #expect(finding.diagnostic.file == "Content/articles/port")
        #expect(finding.diagnostic.message == "the translations do not line up block by block: `zh.md` section 1 has 3 blocks, `en.md` has 2")
        #expect(report.findings(.unalignedTranslation).count == 1)
    }

    @Test("alignment: same sections and counts pair blocks; a missing heading or section pairs sections")
    func alignment() {
        func blocks(_ spec: String) -> [(block: Substring, isHeading: Bool)] {
            spec.split(separator: " ").map { ($0, $0.hasPrefix("h")) }
        }
        let same = BilingualAlignment(blocks("p1 h2 p3"), blocks("q1 h2 q3"))
        #expect(same.divergences.isEmpty && same.pairs.map(\.first) == [["p1"], ["h2"], ["p3"]])
        let fewer = BilingualAlignment(blocks("p1 h2 p3"), blocks("q1 h2"))
        #expect(fewer.divergences.map(\.description) == ["`first` section 2 has 2 blocks, `second` has 1"])
        #expect(fewer.pairs == [.init(first: ["p1"], second: ["q1"]), .init(first: ["h2", "p3"], second: ["h2"])])
        let sections = BilingualAlignment(blocks("p1 h2 p3 h4"), blocks("q1 h2 q3"))
        #expect(sections.divergences.map(\.description) == ["`first` has 3 sections, `second` has 2"])
        #expect(sections.pairs.count == 3 && sections.pairs[2].second.isEmpty)
    }

    @Test("relative links move with the text: files beside the article, other pages, other hosts untouched")
    func rebasedLinks() {
        let page = Route.bilingual("x", in: "zh")
        let english = Route.article("x", in: "en")
        #expect(RelativeLinks.rebase(link: "train.png", from: english, to: page) == "../../../../en/articles/x/train.png")
        #expect(RelativeLinks.rebase(link: "../../../zh/articles/y/index.html#a", from: english, to: page) == "../../../../zh/articles/y/index.html#a")
        #expect(RelativeLinks.rebase(link: "https://example.org/a", from: english, to: page) == "https://example.org/a")
        #expect(RelativeLinks.rebase(link: "#top", from: english, to: page) == "#top")
        #expect(RelativeLinks.rebase(link: "mailto:a@b.c", from: english, to: page) == "mailto:a@b.c")
        // A block cut from a body: only its own bytes are copied, its links moved, its ids
        // prefixed, and an `href` that is only the end of another name left alone.
        let html = Array("<p>before</p>\n<p id=\"a\"><a href=\"train.png\">中欧</a> <x data-href=\"y\"></p>\n<p>after</p>".utf8)
        let start = "<p>before</p>\n".utf8.count, end = html.count - "<p>after</p>".utf8.count
        var block: [UInt8] = []
        RelativeLinks.rebase(html, start..<end, from: english, to: page, idPrefix: "en-", into: &block)
        #expect(String(decoding: block, as: UTF8.self)
            == "<p id=\"en-a\"><a href=\"../../../../en/articles/x/train.png\">中欧</a> <x data-href=\"y\"></p>\n")
    }
}

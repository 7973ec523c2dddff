@testable import CaravanKit
import CaravanTestSupport
import Foundation
import FoundationXML
import Testing

/// Feeds, sitemap, tags, metadata, summaries and reading time.
@Suite struct PublishingTests {
    static let tags = FixtureSite.sampleTags

    static func site(articles: Int = 3, baseURL: String? = "https://example.com/news/") throws -> FixtureSite {
        var files = FixtureSite.minimal(baseURL: baseURL)
        files["Content/data/tags.yaml"] = tags
        for index in 1...articles {
            let date = String(format: "2024-%02d-%02d", (index - 1) / 28 % 12 + 1, (index - 1) % 28 + 1)
            let tags = index % 2 == 0 ? "tags: [rail, customs]\n" : "tags: [rail]\n"
            files["Content/articles/story-\(index)/zh.md"] = FixtureSite.article(title: "报道 \(index)", date: date, extra: tags, body: "第\(index)篇正文。")
            files["Content/articles/story-\(index)/en.md"] = FixtureSite.article(title: "Story \(index)", date: date, extra: tags, body: "Body <\(index)> & more.")
        }
        return try FixtureSite(files: files)
    }

    @Test("one Atom feed per language: required elements, newest 20, absolute links, xml:lang")
    func atomFeeds() throws {
        let site = try Self.site(articles: 25)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        for (code, htmlLang) in [("zh", "zh-Hans"), ("en", "en")] {
            let xml = try #require(output.text("\(code)/feed.xml"))
            let document = try XMLDocument(xmlString: xml)
            let feed = try #require(document.rootElement())
            #expect(feed.name == "feed" && xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(htmlLang)\">"))
            func children(_ name: String, of element: XMLElement) -> [XMLElement] { element.elements(forName: name) }
            for name in ["id", "title", "updated", "author"] { #expect(children(name, of: feed).count == 1, "feed \(name)") }
            #expect(children("link", of: feed).count == 2)
            #expect(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.com/news/\(code)/feed.xml\"/>"))
            #expect(xml.contains("<link rel=\"alternate\" type=\"text/html\" hreflang=\"\(htmlLang)\" href=\"https://example.com/news/\(code)/\"/>"))
            let entries = children("entry", of: feed)
            #expect(entries.count == 20)
            let first = entries[0]
            for name in ["id", "title", "updated", "published", "link", "summary", "content"] {
                #expect(children(name, of: first).count == 1, "entry \(name)")
            }
            #expect(children("id", of: first)[0].stringValue == "https://example.com/news/\(code)/articles/story-25/")
            #expect(children("updated", of: first)[0].stringValue == "2024-01-25T00:00:00+08:00")
        }
        let en = try #require(output.text("en/feed.xml"))
        #expect(en.contains("<content type=\"html\">&lt;p&gt;Body &amp;lt;25&amp;gt; &amp;amp; more.&lt;/p&gt;"))
        let page = try #require(output.text("en/index.html"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Site en\" href=\"../en/feed.xml\">"))
        #expect(page.contains("<a href=\"../en/feed.xml\" type=\"application/atom+xml\">"))
    }

    @Test("the sitemap lists every page with lastmod and hreflang alternates; robots.txt names it")
    func sitemap() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let document = try XMLDocument(xmlString: try #require(output.text("sitemap.xml")))
        let urls = try document.nodes(forXPath: "//*[local-name()='url']").compactMap { $0 as? XMLElement }
        // Bilingual views point their canonical link at the article, so they are left out.
        let pages = output.files.keys.filter { $0.hasSuffix("index.html") && !$0.hasSuffix("/bilingual/index.html") }
        #expect(urls.count == pages.count, "every page but 404.html and the bilingual views")
        let locations = Set(urls.compactMap { $0.elements(forName: "loc").first?.stringValue })
        for page in pages {
            #expect(locations.contains("https://example.com/news/" + page.dropLast("index.html".count)), "\(page)")
        }
        let article = try #require(urls.first { $0.elements(forName: "loc").first?.stringValue == "https://example.com/news/en/articles/story-2/" })
        #expect(article.elements(forName: "lastmod").first?.stringValue == "2024-01-02T00:00:00+08:00")
        #expect(try article.nodes(forXPath: "*[local-name()='link']").count == 3)
        #expect(output.text("sitemap.xml")!.contains("""
            <loc>https://example.com/news/en/articles/story-2/</loc>
            <lastmod>2024-01-02T00:00:00+08:00</lastmod>
            <xhtml:link rel="alternate" hreflang="zh-Hans" href="https://example.com/news/zh/articles/story-2/"/>
            <xhtml:link rel="alternate" hreflang="en" href="https://example.com/news/en/articles/story-2/"/>
            <xhtml:link rel="alternate" hreflang="x-default" href="https://example.com/news/zh/articles/story-2/"/>
            </url>
            """))
        #expect(output.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.com/news/sitemap.xml\n")
    }

    @Test("without baseURL the site builds; feeds and sitemap are skipped with one warning")
    func noBaseURL() throws {
        let site = try Self.site(baseURL: nil)
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output)
        #expect(output.files["sitemap.xml"] == nil && output.files["en/feed.xml"] == nil)
        #expect(result.diagnostics.filter { $0.message.contains("baseURL") }.count == 1)
        #expect(!output.text("en/index.html")!.contains("feed.xml"))
        #expect(!output.text("en/index.html")!.contains("rel=\"canonical\""))
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])
    }

    @Test("tags: an index with counts, a paginated page per tag, links from articles, translations")
    func tagPages() throws {
        let site = try Self.site(articles: 45)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let index = try #require(output.text("en/tags/index.html"))
        #expect(index.contains("<a href=\"../../en/tags/rail/index.html\">Rail</a> <span class=\"meta\">45 articles</span>"))
        #expect(index.contains("<a href=\"../../en/tags/customs/index.html\">Customs</a> <span class=\"meta\">22 articles</span>"))
        #expect(output.files["en/tags/rail/page/3/index.html"] != nil && output.files["en/tags/rail/page/4/index.html"] == nil)
        #expect(output.files["en/tags/customs/page/2/index.html"] != nil && output.files["en/tags/customs/page/3/index.html"] == nil)
        let second = try #require(output.text("zh/tags/rail/page/2/index.html"))
        #expect(second.contains("rel=\"prev\" href=\"../../../../../zh/tags/rail/index.html\""))
        #expect(SiteAssertions.alternates(in: second).map(\.hreflang) == ["zh-Hans", "en", "x-default"])
        let article = try #require(output.text("zh/articles/story-2/index.html"))
        #expect(article.contains("<li><a href=\"../../../zh/tags/rail/index.html\">铁路</a></li>"))
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])
    }

    @Test("an unknown tag is an error at its line with a did-you-mean")
    func unknownTag() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("Content/articles/story-1/en.md", FixtureSite.article(title: "Story", extra: "tags: [rial]\n"))
        let result = site.build()
        #expect(result.output == nil)
        let error = try #require(result.diagnostics.first { $0.message == "unknown tag `rial`" })
        #expect(error.file == "Content/articles/story-1/en.md" && error.line == 4 && error.column == 8)
        #expect(error.hint?.contains("did you mean `rail`?") == true)
    }

    @Test("every page has title, description, canonical and Open Graph; articles have NewsArticle JSON-LD")
    func metadata() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("Content/articles/story-1/en.md", FixtureSite.article(
            title: "Story </script> 1", extra: "author: Jane Doe\nimage: map.png\nimage_alt: A map\nupdated: 2024-03-01\n"))
        try site.write("Content/articles/story-1/map.png", Data([0x89, 0x50]))
        let output = try #require(site.build().output)
        for page in output.files.keys where page.hasSuffix("index.html") {
            let html = output.text(page)!
            #expect(html.contains("<title>") && html.contains("<meta name=\"description\" content=\""), "\(page)")
            #expect(html.contains("<link rel=\"canonical\" href=\"https://example.com/news/"), "\(page)")
            for property in ["og:title", "og:description", "og:url", "og:type", "og:locale"] {
                #expect(html.contains("<meta property=\"\(property)\""), "\(page) \(property)")
            }
        }
        let article = try #require(output.text("en/articles/story-1/index.html"))
        #expect(article.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(article.contains("<meta property=\"og:locale\" content=\"en\">") || article.contains("<meta property=\"og:locale\" content=\"en_"))
        #expect(article.contains("<meta property=\"og:locale:alternate\" content=\"zh_Hans\">"), "the fixture declares no locale, so it derives from html_lang")
        #expect(article.contains("<meta property=\"og:image\" content=\"https://example.com/news/en/articles/story-1/map.png\">"))
        let json = try #require(article.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?
            .components(separatedBy: "</script>").first)
        #expect(!json.contains("</"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "NewsArticle")
        #expect(object["headline"] as? String == "Story </script> 1")
        #expect(object["datePublished"] as? String == "2024-01-25T00:00:00+08:00")
        #expect(object["dateModified"] as? String == "2024-03-01T00:00:00+08:00")
        #expect(object["inLanguage"] as? String == "en")
        #expect((object["author"] as? [String: Any])?["name"] as? String == "Jane Doe")
    }

    @Test("JSON-LD strings: plain text as is, every character JSON or <script> could misread escaped")
    func jsonStrings() throws {
        #expect(StructuredData.string("中欧班列 2024") == "\"中欧班列 2024\"")
        #expect(StructuredData.string("a \"b\" \\ </script> & \n\t\u{1}") == #""a \"b\" \\ \u003c/script\u003e \u0026 \n\t\u0001""#)
        #expect(StructuredData.string("line\u{2028}para\u{2029}end — “quoted”") == #""line\u2028para\u2029end — “quoted”""#)
        // Bytes 0xA8 and 0xA9 inside other characters (稿, ₨, ‧ next to U+2028) stay as they are.
        #expect(StructuredData.string("稿件 ₨ ‧\u{2028}") == #""稿件 ₨ ‧\u2028""#)
        for text in ["中欧班列 2024", "a \"b\" </script> &\n", "x\u{2028}y — “z”", "", "稿 ₨ ‧ \u{2029}\u{7F}"] {
            let decoded = try JSONSerialization.jsonObject(with: Data(StructuredData.string(text).utf8), options: .fragmentsAllowed)
            #expect(decoded as? String == text)
        }
    }

    @Test("summaries: Chinese cut by characters, English by words, with the language's ellipsis")
    func summaries() throws {
        let zh = UIStrings(language: "zh", file: "", values: ["summary_unit": "characters", "summary_length": "10", "ellipsis": "……"], months: [])
        let en = UIStrings(language: "en", file: "", values: ["summary_unit": "words", "summary_length": "5", "ellipsis": "…"], months: [])
        #expect(Summary.cut("中欧班列开行数量创历史新高，同比增长", strings: zh) == "中欧班列开行数量创历……")
        #expect(Summary.cut("短文。", strings: zh) == "短文。")
        #expect(Summary.cut("一二三四五六七八九，十一", strings: zh) == "一二三四五六七八九……", "no dangling comma")
        #expect(Summary.cut("Trains through Khorgos rose sharply, officials said on Monday.", strings: en) == "Trains through Khorgos rose sharply…")
        #expect(Summary.cut("Short one.", strings: en) == "Short one.")
        #expect(Summary.cut("😀😀 emoji-heavy 中文 text that goes on", strings: en) == "😀😀 emoji-heavy 中文 text that…")
    }

    @Test("reading time: Han characters at 400 a minute, words at 220, mixed text by both")
    func readingTime() {
        let chinese = String(repeating: "中", count: 1200)
        #expect(TextLength.count(chinese) == (han: 1200, words: 0))
        #expect(TextLength.readingMinutes(han: 1200, words: 0) == 3)
        let english = Array(repeating: "word", count: 660).joined(separator: " ")
        #expect(TextLength.count(english) == (han: 0, words: 660))
        #expect(TextLength.readingMinutes(han: 0, words: 660) == 3)
        let mixed = "霍尔果斯口岸 Khorgos Gateway 开行 2,485 列 China–Europe trains，同比增长14.8%。"
        let counts = TextLength.count(mixed)
        #expect(counts.han == 13)
        #expect(counts.words == 9, "Khorgos, Gateway, 2, 485, China, Europe, trains, 14, 8")
        // Chinese punctuation ends a word; a curly apostrophe does not.
        #expect(TextLength.count("Khorgos’s trains—《中欧班列》“快”，“稳”。x") == (han: 6, words: 3))
        #expect(TextLength.readingMinutes(han: 200, words: 110) == 1)
        #expect(TextLength.readingMinutes(han: 0, words: 0) == 1)
        // Bodies are counted from cmark's UTF-8, in pieces: the same counts as the text.
        for text in [mixed, "Khorgos’s trains—《中欧班列》“快”，“稳”。x", "㐀䶵 丽 𠀀 Ｃｈｏｎｇｑｉｎｇ Zürich café 😀 1.5–2 km"] {
            var pieces = TextLength()
            for piece in [String(text.prefix(7)), String(text.dropFirst(7))] {
                var piece = piece
                piece.withUTF8 { pieces.add(utf8: $0) }
            }
            let whole = TextLength.count(text)
            #expect(pieces.han == whole.han && pieces.words == whole.words, "\(text)")
        }
        // Every ASCII byte: letters and digits go on a word, `'` and `-` join two, the rest part them.
        for byte in UInt8(0)..<128 {
            let joins = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
            var length = TextLength()
            [UInt8(ascii: "a"), byte, UInt8(ascii: "b")].withUnsafeBufferPointer { length.add(utf8: $0) }
            #expect(length.words == (joins ? 1 : 2), "byte \(byte)")
        }
    }

    @Test("reading time from UTF-8 pieces (Markdown text nodes) counts as from the whole text")
    func readingTimeFromBytes() {
        let texts = ["霍尔果斯口岸 Khorgos Gateway 开行 2,485 列 China–Europe trains，同比增长14.8%。",
                     "Xi’an’s co-operation rose 😀 Ünïcödé naïve 𠀀𠀁 (CJK Ext. B) done", "", "one"]
        for text in texts {
            // Cut between scalars, as cmark's text nodes are, including inside a word.
            let scalars = Array(text.unicodeScalars)
            for cut in [0, scalars.count / 3, scalars.count / 2] {
                var length = TextLength()
                for piece in [scalars[..<cut], scalars[cut...]] {
                    var string = ""
                    string.unicodeScalars.append(contentsOf: piece)
                    Array(string.utf8).withUnsafeBufferPointer { length.add(utf8: $0) }
                }
                let whole = TextLength.count(text)
                #expect(length.han == whole.han && length.words == whole.words, "\(text) cut at \(cut)")
            }
        }
    }
}

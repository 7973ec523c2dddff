import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Generated text takes its punctuation from the page's UI strings: a Chinese page shows
/// `：`, `，`, `（）` and `、`, never the English `: `, `, ` or `(` that templates used to hold.
@Suite struct PunctuationTests {
    /// The golden site with a figure that has a place, a change and a value before, and an
    /// article about two corridors; every text an editor wrote uses Chinese punctuation, so
    /// anything English on a Chinese page came from a template or the generator.
    static func source() -> [String: String] {
        var files = PageGoldenTests.source()
        files["Content/data/corridors.yaml"] = FixtureSite.sampleCorridorsWithKhorgos
            .replacingOccurrences(of: "    source: khorgos\n", with: "    source: khorgos\n    change: 12.5\n    before: {value: 2}\n")
        files["Content/articles/khorgos/zh.md"] = files["Content/articles/khorgos/zh.md"]!
            .replacingOccurrences(of: "corridors: [western]", with: "corridors: [western, central]")
        return files
    }

    /// The text a reader sees or hears on a page: text between tags and the values of
    /// `alt`, `title` and `aria-label`, without scripts and styles.
    static func readableText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "(?s)<script[^>]*>.*?</script>|<style[^>]*>.*?</style>", with: " ", options: .regularExpression)
        let attributes = text.matches(of: /(?:alt|title|aria-label)="([^"]*)"/).map { String($0.1) }
        text = text.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
        return (text + "\n" + attributes.joined(separator: "\n")).replacingOccurrences(of: "&#39;", with: "'")
    }

    @Test("Chinese pages hold no English colon, comma or bracket in generated text; corridors are joined with 、")
    func chinesePunctuation() throws {
        let site = try FixtureSite(files: Self.source())
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        // Bilingual views hold the English text too; their own words are those of the articles.
        let chinesePages = output.files.keys.filter { $0.hasPrefix("zh/") && $0.hasSuffix(".html") && !$0.contains("/bilingual/") }.sorted()
        #expect(chinesePages.count >= 8)
        for path in chinesePages {
            let text = Self.readableText(String(decoding: output.files[path]!, as: UTF8.self))
            for mark in [": ", ", ", "("] {
                let lines = text.split(separator: "\n").filter { $0.contains(mark) }
                #expect(lines.isEmpty, "\(path) shows `\(mark)` in: \(lines.prefix(3))")
            }
        }
        let article = String(decoding: try #require(output.files["zh/articles/khorgos/index.html"]), as: UTF8.self)
        #expect(article.contains("通道：<a href=\"../../../zh/corridors/western/index.html\">西通道</a>、<a href=\"../../../zh/corridors/central/index.html\">中通道</a>"))
        #expect(article.contains("（霍尔果斯）："))
        let stats = String(decoding: try #require(output.files["zh/stats/index.html"]), as: UTF8.self)
        #expect(stats.contains("此前：2列"))
        let corridor = String(decoding: try #require(output.files["zh/corridors/western/index.html"]), as: UTF8.self)
        #expect(corridor.contains("铁路口岸 · 中国"), "country names in the page's language")
        // The same places on English pages keep English punctuation.
        let english = String(decoding: try #require(output.files["en/articles/khorgos/index.html"]), as: UTF8.self)
        #expect(english.contains(" (Khorgos): "))
        #expect(String(decoding: try #require(output.files["en/corridors/western/index.html"]), as: UTF8.self).contains("rail border port · China"))
    }

    @Test("the readable-text scan sees text and accessible names, not markup or scripts")
    func scanSeesWhatReadersSee() {
        let html = #"<p>通道: x</p><script>var a = {b: 1}, c = (2);</script><div aria-label="数据表: 西通道"></div><a href="(x)">y</a>"#
        let text = Self.readableText(html)
        #expect(text.contains("通道: x"))
        #expect(text.contains("数据表: 西通道"))
        #expect(!text.contains("var a"))
        #expect(!text.contains("(x)"))
    }
}

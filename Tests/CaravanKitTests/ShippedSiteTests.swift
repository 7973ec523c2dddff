import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The repository's own Content/, built the way `make site` builds it.
@Suite struct ShippedSiteTests {
    static func build() -> BuildResult {
        SiteBuilder(options: BuildOptions(source: FixtureSite.repositoryRoot.path)).build()
    }

    @Test("the shipped site builds with no errors and no warnings")
    func buildsCleanly() {
        let result = Self.build()
        #expect(result.diagnostics.isEmpty, "\(DiagnosticPrinter.format(result.diagnostics))")
        #expect(result.output != nil)
    }

    @Test("every shipped story exists in Chinese and English and the two link each other")
    func everyStoryIsBilingual() throws {
        let output = try #require(Self.build().output)
        let root = FixtureSite.repositoryRoot.appendingPathComponent("Content/articles")
        let slugs = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }
        #expect(slugs.count >= 5)
        for slug in slugs {
            let zh = try #require(output.text("zh/articles/\(slug)/index.html"), "\(slug)")
            let en = try #require(output.text("en/articles/\(slug)/index.html"), "\(slug)")
            #expect(zh.contains("<html lang=\"zh-Hans\">") && en.contains("<html lang=\"en\">"))
            #expect(zh.contains("href=\"../../../en/articles/\(slug)/index.html\" hreflang=\"en\""))
            #expect(en.contains("href=\"../../../zh/articles/\(slug)/index.html\" hreflang=\"zh-Hans\""))
        }
    }

    @Test("every page of the shipped site: relative links resolve, hreflang targets exist, one <html lang>")
    func everyPageChecks() throws {
        let output = try #require(Self.build().output)
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])
        let pages = output.files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 15)
        for page in pages {
            let html = output.text(page)!
            #expect(html.components(separatedBy: "<html lang=").count == 2, "\(page)")
            for (hreflang, href) in SiteAssertions.alternates(in: html) {
                let path = String(href.dropFirst("https://caravan.example.com/".count))
                #expect(output.files[path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path] != nil, "\(page): \(hreflang) → \(href)")
            }
        }
    }

    @Test("no built file loads anything from another host than the site's own")
    func noThirdPartyHosts() throws {
        let output = try #require(Self.build().output)
        let base = "https://caravan.example.com/"
        // What makes a browser fetch: src, <link href>, CSS @import and url().
        let patterns = [#"\bsrc\s*=\s*["']([^"']*)"#, #"<link\b[^>]*\bhref\s*=\s*["']([^"']*)"#,
                        #"@import\s+(?:url\()?\s*["']?([^"')\s;]+)"#, #"url\(\s*["']?([^"')]+)"#]
        var checked = 0
        for (path, bytes) in output.files where [".html", ".css", ".svg"].contains(where: path.hasSuffix) {
            let text = String(decoding: bytes, as: UTF8.self)
            for pattern in patterns {
                let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let url = String(text[Range(match.range(at: 1), in: text)!])
                    checked += 1
                    let remote = url.hasPrefix("//") || url.range(of: #"^[a-z][a-z0-9+.-]*:"#, options: [.regularExpression, .caseInsensitive]) != nil
                    #expect(!remote || url.hasPrefix(base), "\(path) loads \(url)")
                }
            }
        }
        #expect(checked > 50, "the scan found the pages' own links")
        // The scan itself catches a remote font.
        let sample = "<link rel=\"stylesheet\" href=\"https://fonts.example.net/css\">"
        let regex = try NSRegularExpression(pattern: patterns[1])
        #expect(regex.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil)
    }
}

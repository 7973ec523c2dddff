@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// With `unsafe_html: true` raw HTML is published, but nothing in it can run script: in
/// pages and in feeds alike.
@Suite struct RawHTMLFilterTests {
    @Test("event handlers and script addresses are dropped, everything else kept byte for byte",
          arguments: [
              ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
              ("<a href=\"https://example.com/\" title='t'>x</a>", "<a href=\"https://example.com/\" title='t'>x</a>"),
              ("<a HREF=JaVaScRiPt:alert(1) class=x>", "<a class=x>"),
              ("<a href=\" \tjava\nscript:alert(1)\">", "<a>"),
              ("<a href=\"&#106;avascript:alert(1)\">", "<a>"),
              ("<a href=\"&#x6A;&#x61;vascript&colon;alert(1)\">", "<a>"),
              ("<a href=\"java&Tab;script:alert(1)\">", "<a>"),
              ("<a href=\"jav&unknown;ascript:alert(1)\">", "<a>"),
              ("<a href=\"vbscript:msgbox(1)\">", "<a>"),
              ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">", "<a>"),
              ("<img src=x onerror=alert(1)>", "<img src=x>"),
              ("<img src=x ONLOAD = \"alert(1)\" alt=y>", "<img src=x alt=y>"),
              ("<img src=\"x\"/onerror=alert(1)>", "<img src=\"x\">"),
              ("<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>b</button></form>",
               "<form><button>b</button></form>"),
              ("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>", "<svg><a>x</a></svg>"),
              ("<img srcset=\"a.png 1x, javascript:alert(1) 2x\">", "<img>"),
              ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<meta content=\"0;url=javascript:alert(1)\">"),
              ("<iframe srcdoc=\"<script>alert(1)</script>\">", "<iframe>"),
              ("<div>on the road, a=b</div>", "<div>on the road, a=b</div>"),
              ("<!-- <a onclick=x> -->", "<!-- <a onclick=x> -->"),
              ("<p data-x=\"1\" onmouseover=\"x\"/>", "<p data-x=\"1\"/>"),
          ])
    func filters(_ raw: String, _ expected: String) {
        #expect(RawHTMLFilter.filter(raw) == expected)
    }

    @Test("a site with raw HTML on publishes no script address or handler, in pages or the feed")
    func pagesAndFeedsFiltered() throws {
        var files = FixtureSite.minimal(languages: [("en", "en", "English")], extraConfig: "unsafe_html: true\n")
        files["Content/articles/raw/en.md"] = FixtureSite.article(title: "Raw", body: """
            <div onclick="alert(1)"><a href="javascript:alert(2)">here</a></div>

            Inline <a href="vbscript:x" onmouseover="alert(3)">link</a> and <form action="javascript:alert(4)"></form>.

            <figure><img src="https://example.com/p.png" alt="fine"></figure>
            """)
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        for path in ["en/articles/raw/index.html", "en/feed.xml"] {
            let text = try #require(output.text(path))
            for needle in ["javascript:", "vbscript:", "onclick", "onmouseover", "alert("] {
                #expect(!text.contains(needle), "\(path) contains \(needle)")
            }
        }
        #expect(output.text("en/articles/raw/index.html")?.contains("<figure><img src=\"https://example.com/p.png\" alt=\"fine\"></figure>") == true)
    }
}

import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The same input gives the same bytes, however the Markdown stage's threads interleave.
///
/// cmark-gfm keeps the inline characters of its extensions (`~`, `w`, `:`) in one table
/// shared by the whole process; before the fix, one thread finishing a document cleared
/// them while another was still parsing, so strike-throughs and autolinks vanished from
/// random pages. Many small documents make that interleaving frequent: on the old code
/// this test failed in nearly every run (see the closing note for the rate).
@Suite struct MarkdownDeterminismTests {
    static let storyCount = 300
    static let builds = 20

    /// A story using every extension: strike-through, autolinks of each kind (www, URL,
    /// e-mail), a table, and a tag the tag filter disarms (raw HTML is on for that).
    static func body(_ index: Int) -> String {
        """
        ~~old \(index)~~ new, see www.example.com/\(index) or https://example.org/p\(index).

        Write to desk\(index)@example.com about ~two~ things.

        | route | trains |
        | --- | ---: |
        | west \(index) | ~~\(index)~~ |

        <xmp>\(index)</xmp>
        """
    }

    /// What `body(index)` must render to, piece by piece, whatever the build.
    static func expectedFragments(_ index: Int) -> [String] {
        [
            "<del>old \(index)</del> new",
            "<a href=\"http://www.example.com/\(index)\">www.example.com/\(index)</a>",
            "<a href=\"https://example.org/p\(index)\">https://example.org/p\(index)</a>",
            "<a href=\"mailto:desk\(index)@example.com\">desk\(index)@example.com</a>",
            "about <del>two</del> things",
            "<td>west \(index)</td>",
            "<td align=\"right\"><del>\(index)</del></td>",
            "&lt;xmp>\(index)&lt;/xmp>",
        ]
    }

    @Test("every extension is applied on every page of 20 parallel builds, byte for byte the same")
    func parallelBuildsAreIdentical() throws {
        var files = FixtureSite.minimal(languages: [("en", "en", "English")], extraConfig: "unsafe_html: true\n")
        for index in 0..<Self.storyCount {
            files["Content/articles/s\(index)/en.md"] = FixtureSite.article(title: "Story \(index)", body: Self.body(index))
        }
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }

        var first: [String: [UInt8]]?
        var differingBuilds = 0
        var missing: [String] = []
        for build in 0..<Self.builds {
            let result = site.build()
            let output = try #require(result.output, "\(SiteAssertions.printed(result))")
            for index in 0..<Self.storyCount {
                let page = output.text("en/articles/s\(index)/index.html") ?? ""
                for fragment in Self.expectedFragments(index) where !page.contains(fragment) {
                    missing.append("build \(build), s\(index): \(fragment)")
                }
            }
            if let first, first != output.files { differingBuilds += 1 }
            if first == nil { first = output.files }
        }
        let missingCount = missing.count
        #expect(missingCount == 0, "fragments missing, the first: \(missing.prefix(5))")
        #expect(differingBuilds == 0, "\(differingBuilds) of \(Self.builds - 1) builds differ from the first")
    }
}

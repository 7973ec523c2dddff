import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The icon and the default share picture in `Public/`: every page links them, so browsers
/// stop asking for a missing `/favicon.ico` and shared links show a picture.
@Suite struct SiteIconTests {
    @Test("every page links the icon and names the share picture; an article's own picture wins; without the files, neither")
    func iconAndSharePicture() throws {
        var files = PageGoldenTests.source()
        files["Content/articles/belarus/en.md"] = FixtureSite.article(
            title: "Belarus", date: "2023-05-17", extra: "image: train.png\nimage_alt: \"A train\"\n")
        // The shipped share picture is not text, so `minimal()` leaves it out: add it.
        let sharePicture = try [UInt8](Data(contentsOf: FixtureSite.repositoryRoot.appendingPathComponent("Public/share.png")))
        let picture: [UInt8] = [0x89, 0x50, 0x4E, 0x47]
        let site = try FixtureSite(files: files, binaryFiles: ["Content/articles/belarus/train.png": picture, "Public/share.png": sharePicture])
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        #expect(output.files["favicon.svg"] != nil && output.files["share.png"] != nil)
        for path in ["index.html", "en/index.html", "zh/stats/index.html", "en/articles/khorgos/index.html"] {
            let page = String(decoding: try #require(output.files[path]), as: UTF8.self)
            #expect(page.contains("<link rel=\"icon\" href=\""), "\(path) links no icon")
            #expect(page.contains("<meta property=\"og:image\" content=\"https://example.com/share.png\">"), "\(path)")
        }
        let withPicture = String(decoding: try #require(output.files["en/articles/belarus/index.html"]), as: UTF8.self)
        #expect(withPicture.contains("<meta property=\"og:image\" content=\"https://example.com/en/articles/belarus/train.png\">"))

        files["Public/favicon.svg"] = nil
        let bare = try FixtureSite(files: files, binaryFiles: ["Content/articles/belarus/train.png": picture])
        defer { bare.cleanUp() }
        let bareOutput = try #require(bare.build().output)
        let home = String(decoding: try #require(bareOutput.files["en/index.html"]), as: UTF8.self)
        #expect(!home.contains("rel=\"icon\"") && !home.contains("og:image"))
    }
}

import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Front matter keys, types, dates and pictures: each mistake is an error at the line
/// (and column) an editor would look at, with a hint.
@Suite struct FrontMatterTests {
    static let path = "Content/articles/khorgos/en.md"

    /// The minimal bilingual site with a valid zh.md for `khorgos` and `english` as its en.md.
    static func site(english: String, extra: [String: String] = [:]) throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯口岸")
        files[path] = english
        files.merge(extra) { _, new in new }
        return try FixtureSite(files: files)
    }

    static func errors(_ result: BuildResult, in file: String = path) -> [Diagnostic] {
        result.diagnostics.filter { $0.isError && $0.file == file }
    }

    /// The one error for `file` whose message contains `text`; records a failure otherwise.
    static func error(_ result: BuildResult, in file: String = path, containing text: String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let matches = errors(result, in: file).filter { $0.message.contains(text) }
        #expect(matches.count == 1, "expected one error in \(file) containing “\(text)”; got:\n\(SiteAssertions.printed(result))",
                sourceLocation: sourceLocation)
        return try #require(matches.first, sourceLocation: sourceLocation)
    }

    // MARK: - Required and unknown keys

    @Test("a missing title is an error naming the key")
    func missingTitle() throws {
        let site = try Self.site(english: "---\ndate: 2024-01-25\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "missing required key `title`")
        #expect(error.line == 2)
        #expect(error.hint?.contains("title:") == true)
        #expect(Self.errors(result).count == 1, "\(SiteAssertions.printed(result))")
        site.cleanUp()
    }

    @Test("a missing date is an error naming the key")
    func missingDate() throws {
        let site = try Self.site(english: "---\ntitle: \"Khorgos\"\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "missing required key `date`")
        #expect(error.line == 2)
        #expect(error.hint?.contains("date: 2024-05-17") == true)
        #expect(Self.errors(result).count == 1, "\(SiteAssertions.printed(result))")
        site.cleanUp()
    }

    @Test("an unknown key is an error at its line and column with a did-you-mean")
    func unknownKey() throws {
        let site = try Self.site(english: "---\ndate: 2024-01-25\ntitel: \"Khorgos\"\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "unknown key `titel`")
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.sourceLine == "titel: \"Khorgos\"")
        #expect(error.hint?.contains("did you mean `title`") == true, "\(error.hint ?? "no hint")")
        // The did-you-mean says it all: no second "missing `title`" error.
        #expect(!result.diagnostics.contains { $0.message.contains("missing required key `title`") })
        #expect(SiteAssertions.printed(result).contains("\(Self.path):3:1: error: unknown key `titel`\n 3 | titel: \"Khorgos\"\n   | ^\nhint: "))
        site.cleanUp()
    }

    @Test("an unknown key inside a flow mapping front matter reports its column")
    func unknownKeyColumn() throws {
        let site = try Self.site(english: "---\n{title: \"Khorgos\", date: 2024-01-25, sumary: \"x\"}\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "unknown key `sumary`")
        #expect(error.line == 2)
        #expect(error.column == 38)
        #expect(error.hint?.contains("did you mean `summary`") == true)
        site.cleanUp()
    }

    // MARK: - Types

    @Test("`title: 2024` (a number) is an error suggesting quotes")
    func titleIsNumber() throws {
        let site = try Self.site(english: "---\ntitle: 2024\ndate: 2024-01-25\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "`title` must be text, found the number 2024")
        #expect(error.line == 2)
        #expect(error.column == 8)
        #expect(error.hint?.contains("title: \"2024\"") == true)
        site.cleanUp()
    }

    @Test("`tags: rail` (a single word, not a list) is an error")
    func tagsIsString() throws {
        let site = try Self.site(english: "---\ntitle: \"Khorgos\"\ndate: 2024-01-25\ntags: rail\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "`tags` must be a list")
        #expect(error.line == 4)
        #expect(error.column == 7)
        #expect(error.hint?.contains("[rail, customs]") == true)
        site.cleanUp()
    }

    @Test("`draft: maybe` is an error asking for true or false")
    func draftIsNotBoolean() throws {
        let site = try Self.site(english: "---\ntitle: \"Khorgos\"\ndate: 2024-01-25\ndraft: maybe\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "`draft` must be true or false")
        #expect(error.line == 4)
        #expect(error.column == 8)
        #expect(error.hint?.contains("draft: true") == true)
        site.cleanUp()
    }

    @Test("`date: 25/01/2024` is an error whose hint lists the accepted forms")
    func unreadableDate() throws {
        let site = try Self.site(english: "---\ntitle: \"Khorgos\"\ndate: 25/01/2024\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "`date` is not a date I can read")
        #expect(error.line == 3)
        #expect(error.column == 7)
        let hint = try #require(error.hint)
        for form in ["2024-01-25", "2024-01-25T10:30:00+08:00", "2024-01-25T02:30:00Z", "2024-01-25 10:30"] {
            #expect(hint.contains(form), "\(form) in \(hint)")
        }
        site.cleanUp()
    }

    @Test("impossible dates are refused; a month or day out of range is named as such",
          arguments: [("2024-02-30", "has the day 30, but month 02 of 2024 has 29 days"), ("2023-02-29", "has the day 29, but month 02 of 2023 has 28 days"),
                      ("2024-13-01", "has the month 13, but a month is from 01 to 12"), ("2024-04-31T10:00", "has the day 31, but month 04 of 2024 has 30 days"),
                      ("2024-01-25T24:00", "is not a date I can read"), ("2024-1-5", "is not a date I can read")])
    func impossibleDate(date: String, problem: String) throws {
        let site = try Self.site(english: FixtureSite.article(title: "Khorgos", date: date))
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "`date` \(problem.hasPrefix("is not") ? "" : date + " ")\(problem)")
        #expect(error.line == 3)
        site.cleanUp()
    }

    // MARK: - Dates

    @Test("every accepted date form builds and shows the localized day",
          arguments: ["2024-01-25", "2024-01-25T10:30:00+08:00", "2024-01-25T02:30:00Z", "2024-01-25 10:30"])
    func acceptedDates(date: String) throws {
        var files = FixtureSite.minimal()
        files["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯口岸", date: date)
        files["Content/articles/khorgos/en.md"] = FixtureSite.article(title: "Khorgos gateway", date: date)
        let site = try FixtureSite(files: files)
        let result = site.build()
        #expect(result.diagnostics.isEmpty, "\(SiteAssertions.printed(result))")
        let output = try #require(result.output)
        let zh = try #require(output.text("zh/articles/khorgos/index.html"))
        let en = try #require(output.text("en/articles/khorgos/index.html"))
        #expect(zh.contains("2024年1月25日"))
        #expect(en.contains("25 January 2024"))
        site.cleanUp()
    }

    // MARK: - Pictures

    @Test("`image` without `image_alt` is an error at the image line")
    func imageWithoutAlt() throws {
        let site = try Self.site(
            english: "---\ntitle: \"Khorgos\"\ndate: 2024-01-25\nimage: photo.jpg\n---\nText.\n",
            extra: ["Content/articles/khorgos/photo.jpg": "jpeg"])
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "`image` needs `image_alt`")
        #expect(error.line == 4)
        #expect(error.column == 1)
        #expect(error.hint?.contains("image_alt:") == true)
        site.cleanUp()
    }

    @Test("`image` naming a file the folder lacks is an error at the image line")
    func imageMissingFile() throws {
        let site = try Self.site(
            english: "---\ntitle: \"Khorgos\"\ndate: 2024-01-25\nimage: photo.jpg\nimage_alt: \"A train\"\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "picture `photo.jpg` does not exist in Content/articles/khorgos/")
        #expect(error.line == 4)
        #expect(error.column == 8)
        #expect(error.sourceLine == "image: photo.jpg")
        #expect(error.hint?.contains("story's folder") == true)
        site.cleanUp()
    }

    @Test("`image` with its file present builds and copies the file beside both languages' pages")
    func imagePresent() throws {
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]
        let site = try Self.site(
            english: "---\ntitle: \"Khorgos\"\ndate: 2024-01-25\nimage: photo.jpg\nimage_alt: \"A train\"\n---\nText.\n")
        try site.write("Content/articles/khorgos/photo.jpg", Data(bytes))
        let result = site.build()
        #expect(!result.diagnostics.hasErrors, "\(SiteAssertions.printed(result))")
        let output = try #require(result.output)
        #expect(output.files["zh/articles/khorgos/photo.jpg"] == bytes)
        #expect(output.files["en/articles/khorgos/photo.jpg"] == bytes)
        site.cleanUp()
    }

    @Test("a missing Markdown picture is reported on its file line, front matter lines counted")
    func missingMarkdownPicture() throws {
        // Lines: 1 ---, 2 title, 3 date, 4 ---, 5 Intro., 6 blank, 7 picture.
        let site = try Self.site(english: FixtureSite.article(title: "Khorgos", body: "Intro.\n\n![map](missing.png)\n\nMore."))
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "picture `missing.png` does not exist")
        #expect(error.line == 7)
        #expect(error.column == 1)
        #expect(error.sourceLine == "![map](missing.png)")
        #expect(error.hint != nil)
        #expect(SiteAssertions.printed(result).contains("\(Self.path):7:1: error: picture `missing.png`"))
        site.cleanUp()
    }

    @Test("a missing Markdown picture inside a paragraph is reported at its own line and column")
    func missingInlinePicture() throws {
        // Lines: 1 ---, 2 title, 3 date, 4 ---, 5 First line, 6 picture after text.
        let site = try Self.site(
            english: FixtureSite.article(title: "Khorgos", body: "First line of a paragraph\nsee ![map](missing.png) here."),
            extra: ["Content/articles/khorgos/map.png": "png"])
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "picture `missing.png` does not exist")
        #expect(error.line == 6)
        #expect(error.column == 5)
        #expect(error.hint?.contains("map.png") == true, "\(error.hint ?? "no hint")")
        site.cleanUp()
    }

    // MARK: - Drafts and line numbers

    @Test("a draft story is left out unless the build includes drafts")
    func drafts() throws {
        var files = FixtureSite.minimal()
        files["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯口岸", extra: "draft: true\n")
        files["Content/articles/khorgos/en.md"] = FixtureSite.article(title: "Khorgos gateway", extra: "draft: true\n")
        files["Content/articles/belarus/zh.md"] = FixtureSite.article(title: "白俄罗斯")
        files["Content/articles/belarus/en.md"] = FixtureSite.article(title: "Belarus")
        let site = try FixtureSite(files: files)

        let published = site.build()
        #expect(published.diagnostics.isEmpty, "\(SiteAssertions.printed(published))")
        let output = try #require(published.output)
        #expect(output.files["en/articles/khorgos/index.html"] == nil)
        #expect(output.files["zh/articles/khorgos/index.html"] == nil)
        #expect(output.files["en/articles/belarus/index.html"] != nil)
        #expect(!output.files.keys.contains { $0.contains("khorgos") })
        for (path, _) in output.files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            #expect(output.text(path)?.contains("Khorgos gateway") == false, "draft title in \(path)")
        }

        let preview = site.build(drafts: true)
        #expect(!preview.diagnostics.hasErrors, "\(SiteAssertions.printed(preview))")
        let previewOutput = try #require(preview.output)
        #expect(previewOutput.text("en/articles/khorgos/index.html")?.contains("Khorgos gateway") == true)
        #expect(previewOutput.text("zh/articles/khorgos/index.html")?.contains("霍尔果斯口岸") == true)
        site.cleanUp()
    }

    @Test("an error on the 5th line of the file is reported on line 5")
    func lineNumbersCountTheOpeningLine() throws {
        let site = try Self.site(english: "---\ntitle: \"Khorgos\"\ndate: 2024-01-25\nsummary: \"Fine\"\ndraft: maybe\n---\nText.\n")
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, containing: "`draft` must be true or false")
        #expect(error.line == 5)
        #expect(error.column == 8)
        #expect(error.sourceLine == "draft: maybe")
        #expect(error.hint != nil)
        #expect(SiteAssertions.printed(result).contains("\(Self.path):5:8: error: `draft` must be true or false\n 5 | draft: maybe\n   |        ^"))
        site.cleanUp()
    }
}

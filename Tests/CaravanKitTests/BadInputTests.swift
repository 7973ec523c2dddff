import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// No input may crash the build: every malformed file, folder or link gets a clear
/// diagnostic (file, line, message, hint) or is handled.
@Suite struct BadInputTests {
    /// The minimal bilingual site plus `files`.
    static func site(_ files: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite(files: FixtureSite.minimal().merging(files) { _, new in new })
    }

    /// A story in both languages, valid.
    static func goodStory(_ slug: String) -> [String: String] {
        [
            "Content/articles/\(slug)/zh.md": FixtureSite.article(title: "故事 \(slug)"),
            "Content/articles/\(slug)/en.md": FixtureSite.article(title: "Story \(slug)"),
        ]
    }

    /// The errors reported for `file`.
    static func errors(_ result: BuildResult, in file: String) -> [Diagnostic] {
        result.diagnostics.filter { $0.isError && $0.file == file }
    }

    /// The one error for `file` whose message contains `text`; records a failure otherwise.
    static func error(_ result: BuildResult, in file: String, containing text: String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let matches = errors(result, in: file).filter { $0.message.contains(text) }
        #expect(matches.count == 1, "expected one error in \(file) containing “\(text)”; got:\n\(SiteAssertions.printed(result))",
                sourceLocation: sourceLocation)
        return try #require(matches.first, sourceLocation: sourceLocation)
    }

    // MARK: - Encoding and line endings

    @Test("invalid UTF-8 is an error naming the file, line and column of the first bad byte")
    func invalidUTF8() throws {
        let path = "Content/articles/khorgos/en.md"
        let site = try Self.site(Self.goodStory("khorgos"))
        var bytes = Data("---\ntitle: \"Khorgos\"\nsummary: caf".utf8)
        bytes += Data([0xFF, 0xFE])
        bytes += Data("\ndate: 2024-01-25\n---\nText.\n".utf8)
        try site.write(path, bytes)
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "not valid UTF-8")
        #expect(error.line == 3)
        #expect(error.column == 13)
        #expect(error.hint?.contains("UTF-8") == true)
        #expect(Self.errors(result, in: path).count == 1)
        #expect(SiteAssertions.printed(result).contains("\(path):3:13: error: the file is not valid UTF-8 text"))
        site.cleanUp()
    }

    @Test("a UTF-8 byte-order mark is dropped: the file builds and the title carries no BOM")
    func byteOrderMark() throws {
        let site = try Self.site()
        let bom = Data([0xEF, 0xBB, 0xBF])
        try site.write("Content/articles/khorgos/en.md", bom + Data(FixtureSite.article(title: "Khorgos gateway").utf8))
        try site.write("Content/articles/khorgos/zh.md", bom + Data(FixtureSite.article(title: "霍尔果斯口岸").utf8))
        let result = site.build()
        #expect(result.diagnostics.isEmpty, "\(SiteAssertions.printed(result))")
        let output = try #require(result.output)
        let en = try #require(output.text("en/articles/khorgos/index.html"))
        let zh = try #require(output.text("zh/articles/khorgos/index.html"))
        #expect(en.contains("Khorgos gateway"))
        #expect(zh.contains("霍尔果斯口岸"))
        for (path, _) in output.files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            #expect(output.text(path)?.contains("\u{FEFF}") == false, "BOM in \(path)")
        }
        site.cleanUp()
    }

    @Test("CRLF line endings build, and an error in a CRLF file still reports the right line")
    func crlfLineEndings() throws {
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        // A clean CRLF story builds.
        let good = try Self.site([
            "Content/articles/khorgos/en.md": crlf(FixtureSite.article(title: "Khorgos gateway", body: "Line one\nline two.")),
            "Content/articles/khorgos/zh.md": crlf(FixtureSite.article(title: "霍尔果斯口岸")),
        ])
        let built = good.build()
        #expect(built.diagnostics.isEmpty, "\(SiteAssertions.printed(built))")
        let page = try #require(built.output?.text("en/articles/khorgos/index.html"))
        #expect(page.contains("Khorgos gateway"))
        #expect(!page.contains("\r"))
        good.cleanUp()

        // An unknown key on line 3 of a CRLF file is reported on line 3.
        let path = "Content/articles/khorgos/en.md"
        let bad = try Self.site(Self.goodStory("khorgos").merging([
            path: crlf("---\ntitle: \"Khorgos\"\ntitel: typo\ndate: 2024-01-25\n---\nText.\n")
        ]) { _, new in new })
        let result = bad.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "unknown key `titel`")
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.sourceLine == "titel: typo")
        #expect(error.hint?.contains("did you mean `title`") == true)
        bad.cleanUp()
    }

    // MARK: - Front matter framing

    @Test("an empty file and a whitespace-only file are errors at line 1 saying the file is empty")
    func emptyFiles() throws {
        let site = try Self.site()
        try site.write("Content/articles/khorgos/en.md", Data())
        try site.write("Content/articles/khorgos/zh.md", " \n\n\t  \n")
        let result = site.build()
        #expect(result.output == nil)
        for path in ["Content/articles/khorgos/en.md", "Content/articles/khorgos/zh.md"] {
            let error = try Self.error(result, in: path, containing: "empty")
            #expect(error.line == 1, "\(path)")
            #expect(error.column == 1, "\(path)")
            #expect(error.hint?.contains("title:") == true, "\(path)")
        }
        site.cleanUp()
    }

    @Test("front matter that is never closed is an error at line 1")
    func unclosedFrontMatter() throws {
        let path = "Content/articles/khorgos/en.md"
        let site = try Self.site(Self.goodStory("khorgos").merging([
            path: "---\ntitle: \"Khorgos\"\ndate: 2024-01-25\n\nText without a closing line.\n"
        ]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "never closed")
        #expect(error.line == 1)
        #expect(error.column == 1)
        #expect(error.hint?.contains("`---`") == true)
        site.cleanUp()
    }

    @Test("a file not starting with --- is an error whose hint shows the front matter form")
    func noFrontMatter() throws {
        let path = "Content/articles/khorgos/en.md"
        let site = try Self.site(Self.goodStory("khorgos").merging([
            path: "title: \"Khorgos\"\ndate: 2024-01-25\n\nText.\n"
        ]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "does not start with front matter")
        #expect(error.line == 1)
        #expect(error.column == 1)
        let hint = try #require(error.hint)
        #expect(hint.contains("---\ntitle: \"Your headline\"\ndate: 2024-05-17\n---"))
        site.cleanUp()
    }

    // MARK: - Hostile YAML and huge files

    @Test("a YAML alias bomb (billion laughs) in front matter ends in an error, not a hang")
    func aliasBomb() throws {
        let path = "Content/articles/khorgos/en.md"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        var yaml = "title: \"Khorgos\"\ndate: 2024-01-25\n"
        yaml += "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]\n"
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let site = try Self.site(Self.goodStory("khorgos").merging([path: "---\n\(yaml)---\nText.\n"]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let error = try #require(Self.errors(result, in: path).first, "\(SiteAssertions.printed(result))")
        #expect(error.message.contains("expands") || error.message.contains("alias"), "\(error.message)")
        // The bomb sits on lines 4…12 (file lines: `---`, title, date, then a … i).
        #expect((4...12).contains(error.line ?? 0), "line \(String(describing: error.line))")
        #expect(error.hint?.contains("alias") == true)
        site.cleanUp()
    }

    @Test("a 50 MB Markdown file is refused as too large, naming the file, without crashing")
    func hugeMarkdownFile() throws {
        let path = "Content/articles/khorgos/en.md"
        let site = try Self.site(Self.goodStory("khorgos"))
        var bytes = Data("---\ntitle: \"Huge\"\ndate: 2024-01-25\n---\n".utf8)
        bytes += Data(repeating: UInt8(ascii: "a"), count: 50_000_000 - bytes.count)
        #expect(bytes.count == 50_000_000)
        try site.write(path, bytes)
        let result = site.build()
        #expect(result.output == nil)
        // 50 000 000 bytes are 47.7 MiB; the limit is 4 MiB.
        let error = try Self.error(result, in: path, containing: "more than the 4 MB")
        #expect(error.message.contains("47.7 MB"), Comment(rawValue: error.message))
        #expect(error.hint != nil)
        #expect(Self.errors(result, in: path).count == 1)
        site.cleanUp()
    }

    @Test("a file just over the size limit states a size above the limit, not `4 MB, more than the 4 MB`")
    func justOverTheLimit() throws {
        let path = "Content/articles/khorgos/en.md"
        let site = try Self.site(Self.goodStory("khorgos"))
        var bytes = Data("---\ntitle: \"Long\"\ndate: 2024-01-25\n---\n".utf8)
        bytes += Data(repeating: UInt8(ascii: "a"), count: 4_500_000 - bytes.count)
        try site.write(path, bytes)
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "more than the 4 MB")
        // 4 500 000 bytes are 4.29 MiB.
        #expect(!error.message.contains("is 4 MB"), Comment(rawValue: error.message))
        #expect(error.message.contains("4.3 MB"), Comment(rawValue: error.message))
        site.cleanUp()
    }

    // MARK: - Folders and links

    @Test("story folders whose names are not slugs are errors suggesting a valid slug",
          arguments: [("Khorgos Trains", "khorgos-trains"), ("a..b", "a-b"), ("中欧班列", "china-europe-trains")])
    func invalidSlugFolder(name: String, suggestion: String) throws {
        let folder = "Content/articles/\(name)"
        let site = try Self.site([
            "\(folder)/zh.md": FixtureSite.article(title: "故事"),
            "\(folder)/en.md": FixtureSite.article(title: "Story"),
        ])
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: folder, containing: "not a valid slug")
        #expect(error.message.contains("`\(name)`"))
        #expect(error.line == nil)
        let hint = try #require(error.hint)
        #expect(hint.contains("`\(suggestion)`"), "\(hint)")
        #expect(result.diagnostics.count == 1, "\(SiteAssertions.printed(result))")
        site.cleanUp()
    }

    @Test("a symlinked file inside a story folder pointing outside Content/ is an error")
    func symlinkedFileOutsideContent() throws {
        let site = try Self.site(Self.goodStory("khorgos"))
        try site.write("outside/secret.txt", "not for publishing")
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/articles/khorgos/secret.txt"),
            withDestinationURL: site.root.appendingPathComponent("outside/secret.txt"))
        var links = ["Content/articles/khorgos/secret.txt"]
        if FileManager.default.fileExists(atPath: "/etc/hostname") {
            try FileManager.default.createSymbolicLink(
                at: site.root.appendingPathComponent("Content/articles/khorgos/hostname"),
                withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
            links.append("Content/articles/khorgos/hostname")
        }
        let result = site.build()
        #expect(result.output == nil)
        for path in links {
            let error = try Self.error(result, in: path, containing: "symbolic link to a place outside Content/")
            #expect(error.hint?.contains("copy") == true)
        }
        #expect(result.diagnostics.filter(\.isError).count == links.count, "\(SiteAssertions.printed(result))")
        site.cleanUp()
    }

    @Test("a symlinked story folder pointing outside Content/ is an error")
    func symlinkedFolderOutsideContent() throws {
        let site = try Self.site(Self.goodStory("khorgos"))
        try site.write("elsewhere/linked/en.md", FixtureSite.article(title: "Linked"))
        try site.write("elsewhere/linked/zh.md", FixtureSite.article(title: "链接"))
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/articles/linked"),
            withDestinationURL: site.root.appendingPathComponent("elsewhere/linked"))
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: "Content/articles/linked", containing: "symbolic link to a place outside Content/")
        #expect(error.hint?.contains("copy") == true)
        #expect(result.diagnostics.filter(\.isError).count == 1, "\(SiteAssertions.printed(result))")
        site.cleanUp()
    }

    @Test("a symlinked sub-folder inside a story pointing outside Content/ publishes nothing from outside")
    func symlinkedSubfolderOutsideContent() throws {
        let site = try Self.site(Self.goodStory("khorgos"))
        try site.write("outside/secret.txt", "not for publishing")
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/articles/khorgos/img"),
            withDestinationURL: site.root.appendingPathComponent("outside"))
        let result = site.build()
        #expect(result.output == nil)
        let error = try #require(result.diagnostics.first { $0.isError && $0.file == "Content/articles/khorgos/img" },
                                 "\(SiteAssertions.printed(result))")
        #expect(error.message == "symbolic link to a place outside Content/")
        site.cleanUp()
    }

    @Test("a symlink that leads nowhere is reported as such")
    func danglingSymlink() throws {
        let site = try Self.site(Self.goodStory("khorgos"))
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/articles/khorgos/map.png"),
            withDestinationURL: site.root.appendingPathComponent("nowhere.png"))
        let result = site.build()
        #expect(result.output == nil)
        let error = try #require(result.diagnostics.first { $0.file == "Content/articles/khorgos/map.png" }, "\(SiteAssertions.printed(result))")
        #expect(error.message == "symbolic link to a place that does not exist")
        site.cleanUp()
    }

    @Test("a symlink that stays inside Content/ is accepted")
    func symlinkInsideContent() throws {
        let site = try Self.site(Self.goodStory("khorgos").merging(Self.goodStory("belarus")) { _, new in new })
        try site.write("Content/articles/khorgos/photo.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0]))
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("Content/articles/belarus/photo.jpg"),
            withDestinationURL: site.root.appendingPathComponent("Content/articles/khorgos/photo.jpg"))
        let result = site.build()
        #expect(!result.diagnostics.hasErrors, "\(SiteAssertions.printed(result))")
        let output = try #require(result.output)
        #expect(output.files["en/articles/belarus/photo.jpg"] == [0xFF, 0xD8, 0xFF, 0xE0])
        site.cleanUp()
    }

    @Test("a Markdown file named after a language the site lacks is an error listing the site's files")
    func unknownLanguageFile() throws {
        let path = "Content/articles/khorgos/fr.md"
        let site = try Self.site(Self.goodStory("khorgos").merging([path: FixtureSite.article(title: "Khorgos")]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "`fr.md` is not named after one of the site's languages")
        let hint = try #require(error.hint)
        #expect(hint.contains("zh.md, en.md"), "\(hint)")
        #expect(result.diagnostics.filter(\.isError).count == 1, "\(SiteAssertions.printed(result))")
        site.cleanUp()
    }

    @Test("a loose file directly in Content/articles/ is an error")
    func looseFileInArticles() throws {
        let path = "Content/articles/notes.md"
        let site = try Self.site(Self.goodStory("khorgos").merging([path: FixtureSite.article(title: "Notes")]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "not loose files")
        #expect(error.hint?.contains("Content/articles/<slug>/notes.md") == true)
        #expect(result.diagnostics.filter(\.isError).count == 1, "\(SiteAssertions.printed(result))")
        site.cleanUp()
    }

    // MARK: - YAML syntax and reporting

    @Test("an unclosed quote in front matter is a YAML error on the file's line")
    func yamlUnclosedQuote() throws {
        let path = "Content/articles/khorgos/en.md"
        let site = try Self.site(Self.goodStory("khorgos").merging([
            path: "---\ntitle: \"unclosed\ndate: 2024-01-25\n---\nText.\n"
        ]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "YAML syntax error")
        // Where the quote opens (line 2, column 8), not where the front matter ends (3:17).
        #expect(error.line == 2, "\(SiteAssertions.printed(result))")
        #expect(error.column == 8)
        #expect(error.sourceLine == "title: \"unclosed")
        #expect(error.hint?.contains("quoted") == true)
        site.cleanUp()
    }

    @Test("`title: a: b` is a YAML syntax error at the second colon, on file line 2")
    func yamlMappingInValue() throws {
        let path = "Content/articles/khorgos/en.md"
        let site = try Self.site(Self.goodStory("khorgos").merging([
            path: "---\ntitle: a: b\ndate: 2024-01-25\n---\nText.\n"
        ]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let error = try Self.error(result, in: path, containing: "YAML syntax error")
        #expect(error.line == 2)
        #expect(error.column == 9)
        #expect(error.sourceLine == "title: a: b")
        #expect(error.hint?.contains("must be quoted") == true)
        #expect(SiteAssertions.printed(result).contains("\(path):2:9: error: YAML syntax error"))
        site.cleanUp()
    }

    @Test("problems in several files are all reported in one build, sorted by file then line")
    func manyProblemsAtOnce() throws {
        let site = try Self.site(Self.goodStory("good").merging([
            // Two problems in one file: unknown key (line 3) and bad date (line 4).
            "Content/articles/alpha/en.md": "---\ntitle: \"Alpha\"\ntitel: x\ndate: someday\n---\nText.\n",
            "Content/articles/alpha/zh.md": FixtureSite.article(title: "阿尔法"),
            // A YAML error on line 2.
            "Content/articles/beta/en.md": "---\ntitle: a: b\ndate: 2024-01-25\n---\nText.\n",
            // No front matter.
            "Content/articles/beta/zh.md": "Just text.\n",
            // A wrong type on line 4 of a page.
            "Content/pages/about/en.md": "---\ntitle: \"About\"\ndate: 2024-01-25\ndraft: maybe\n---\nText.\n",
            "Content/pages/about/zh.md": FixtureSite.article(title: "关于"),
            // A loose file.
            "Content/articles/loose.md": "x",
        ]) { _, new in new })
        let result = site.build()
        #expect(result.output == nil)
        let errors = result.diagnostics.filter(\.isError)
        let located = errors.map { "\($0.file):\($0.line.map(String.init) ?? "-")" }
        #expect(located == [
            "Content/articles/alpha/en.md:3",
            "Content/articles/alpha/en.md:4",
            "Content/articles/beta/en.md:2",
            "Content/articles/beta/zh.md:1",
            "Content/articles/loose.md:-",
            "Content/pages/about/en.md:4",
        ], "\(SiteAssertions.printed(result))")
        #expect(errors.allSatisfy { $0.hint != nil })
        #expect(result.diagnostics == result.diagnostics.sortedForDisplay())
        site.cleanUp()
    }
}

@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Inputs a careless editor or an attacker could write: each is refused with the file named
/// and a hint, never a crash, a flood of output or a read from outside the site; a refused
/// build leaves the output folder exactly as it was.
@Suite struct HostileInputTests {
    static func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        var files = FixtureSite.minimal()
        for language in ["zh", "en"] {
            files["Content/articles/one/\(language).md"] = FixtureSite.article(title: "One \(language)")
        }
        files.merge(extra) { _, new in new }
        return try FixtureSite(files: files)
    }

    /// Builds once, applies `change`, builds again: the second build must fail with a
    /// diagnostic for which `matches` holds, and leave Site/ byte for byte as it was.
    static func refused(_ site: FixtureSite, after change: () throws -> Void,
                        _ matches: (Diagnostic) -> Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildResult {
        try site.buildAndWrite()
        let before = site.snapshot(of: site.outputPath)
        try change()
        let (result, report) = try site.buildAndWrite()
        #expect(report == nil, "the build should fail", sourceLocation: sourceLocation)
        let found = result.diagnostics.contains(where: matches)
        #expect(found, "\(SiteAssertions.printed(result))", sourceLocation: sourceLocation)
        #expect(site.snapshot(of: site.outputPath) == before, "Site/ as it was", sourceLocation: sourceLocation)
        return result
    }

    @Test("a template, data or UI-strings file that links out of the site is refused, not read")
    func linksOutOfTheSiteRefused() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let secret = site.root.appendingPathComponent("secret.txt")
        try Data("root:x:0:0:SECRET-7Q".utf8).write(to: secret)
        for path in ["Templates/partials/footer.mustache", "Content/i18n/en.yaml"] {
            let result = try Self.refused(site, after: {
                try site.remove(path)
                try FileManager.default.createSymbolicLink(atPath: site.root.path + "/" + path, withDestinationPath: secret.path)
            }) { $0.file == path && $0.message.contains("symbolic link to a place outside") }
            #expect(!SiteAssertions.printed(result).contains("SECRET-7Q"))
            #expect(site.snapshot(of: site.outputPath).values.allSatisfy { $0.range(of: Data("SECRET-7Q".utf8)) == nil })
            try site.remove(path)
            try site.write(path, FixtureSite.minimal()[path]!)
        }
    }

    @Test("numbers in settings and UI strings out of range are errors at their line", arguments: [
        ("Content/i18n/zh.yaml", "summary_length: \"90\"", "summary_length: \"-1\"", "`summary_length` must be a whole number from 1 to 10000, not `-1`"),
        ("Content/i18n/en.yaml", "summary_length: \"40\"", "summary_length: \"lots\"", "`summary_length` must be a whole number from 1 to 10000, not `lots`"),
        ("Content/site.yaml", "languages:", "paginate: 9223372036854775807\nlanguages:", "`paginate` must be a whole number from 1 to 1000"),
        ("Content/site.yaml", "languages:", "paginate: 0\nlanguages:", "`paginate` must be a whole number from 1 to 1000"),
    ])
    func numbersInRange(_ path: String, _ old: String, _ new: String, _ message: String) throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let text = try #require(FixtureSite.minimal()[path])
        try #require(text.contains(old))
        _ = try Self.refused(site, after: { try site.write(path, text.replacingOccurrences(of: old, with: new)) }) {
            $0.file == path && $0.line != nil && $0.message == message && $0.hint != nil
        }
    }

    @Test("two thousand missing pictures on one line are one error with a count; the output stays small")
    func floodOfPictures() throws {
        let line = (0..<2000).map { "![p\($0)](missing-\($0).png)" }.joined(separator: " ")
        let site = try Self.site(["Content/articles/one/en.md": FixtureSite.article(title: "One en", body: line)])
        defer { site.cleanUp() }
        let result = site.build()
        let missing = result.diagnostics.filter { $0.message.contains("does not exist") }
        #expect(missing.count == 1)
        #expect(missing.first?.message.hasSuffix("(and 1999 more like it on this line)") == true, "\(missing.first?.message ?? "")")
        let printed = DiagnosticPrinter.format(result.diagnostics)
        #expect(printed.utf8.count < 10_000, "printed \(printed.utf8.count) bytes")
        #expect(printed.contains("…\n"), "the source line is cut around the column")
    }

    @Test("however many problems, what a failed build prints stays under a megabyte")
    func boundedOutput() throws {
        var files: [String: String] = [:]
        for index in 0..<60 {
            let lines = (0..<30).map { "![](gone-\(index)-\($0)-\(String(repeating: "x", count: 300)).png)" }.joined(separator: "\n\n")
            files["Content/articles/s\(index)/en.md"] = FixtureSite.article(title: "S\(index)", body: lines)
        }
        let site = try Self.site(files)
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.diagnostics.count > 3000)
        let printed = DiagnosticPrinter.format(result.diagnostics)
        #expect(printed.utf8.count <= DiagnosticPrinter.outputLimit + 200)
        #expect(printed.hasSuffix("more problems not shown (fix the ones above first)"))
    }

    @Test("a file in Public/ or a story folder where the site puts a page is an error naming both, before anything is written",
          arguments: [
              ("Public/index.html", "would be published at index.html, where the site puts the landing page"),
              ("Public/en", "would be published at en, which the site needs as a folder (for en/"),
              ("Public/en/index.html", "would be published at en/index.html, where the site puts the list page"),
              ("Content/articles/one/index.html", "would be published at en/articles/one/index.html, where the site puts the article page"),
          ])
    func collisionsRefused(_ path: String, _ message: String) throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        _ = try Self.refused(site, after: { try site.write(path, "<p>mine</p>") }) { $0.file == path && $0.message.hasPrefix(message) }
        // Into a new folder too: refused before the folder is made.
        let fresh = site.root.appendingPathComponent("Fresh").path
        #expect(try site.buildAndWrite(output: fresh).1 == nil)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test("`image:` must name a file of the story folder", arguments: ["javascript:alert(1)", "/etc/passwd", "", "../two/a.png", "data:image/png;base64,AAAA"])
    func imageMustBeAStoryFile(_ image: String) throws {
        let site = try Self.site(["Content/articles/one/en.md": FixtureSite.article(
            title: "One en", extra: "image: \"\(image)\"\nimage_alt: A picture\n")])
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.output == nil)
        #expect(result.diagnostics.contains {
            $0.file == "Content/articles/one/en.md" && $0.line == 4 && $0.message == "`image` must name a picture file in the story's folder, not `\(image)`"
        }, "\(SiteAssertions.printed(result))")
    }

    @Test("a Public file with a long name is published like any other")
    func longFileName() throws {
        let name = String(repeating: "n", count: 246) + ".css"  // 250 bytes: the longest most disks allow is 255
        let site = try Self.site(["Public/" + name: "body {}\n"])
        defer { site.cleanUp() }
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/" + name))
    }
}

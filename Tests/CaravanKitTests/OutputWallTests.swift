@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The output folder is a wall: no write, rename or delete under it follows a symbolic
/// link, and no mistyped `--output` reaches the sources. Each case leaves everything
/// outside the output folder untouched and the output folder as it was.
@Suite struct OutputWallTests {
    static func site() throws -> FixtureSite {
        var files = FixtureSite.minimal()
        for language in ["zh", "en"] {
            files["Content/articles/one/\(language).md"] = FixtureSite.article(title: "One \(language)")
            files["Content/articles/two/\(language).md"] = FixtureSite.article(title: "Two \(language)", date: "2024-02-01")
        }
        return try FixtureSite(files: files)
    }

    /// A folder outside the site holding one file, to point links at.
    static func outside(_ site: FixtureSite) throws -> (folder: URL, file: URL) {
        let folder = site.root.appendingPathComponent("Elsewhere/articles/two")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("index.html")
        try Data("not caravan's".utf8).write(to: file)
        return (site.root.appendingPathComponent("Elsewhere"), file)
    }

    @Test("a folder of the output that is a symbolic link is never written through: the build stops and names it")
    func linkedFolderRefused() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let (elsewhere, file) = try Self.outside(site)
        try FileManager.default.removeItem(atPath: site.outputPath + "/zh")
        try FileManager.default.createSymbolicLink(atPath: site.outputPath + "/zh", withDestinationPath: elsewhere.path)
        let before = site.snapshot(of: site.outputPath)
        let outsideBefore = site.snapshot(of: elsewhere.path)
        try site.write("Content/articles/two/zh.md", FixtureSite.article(title: "Two, edited", date: "2024-02-01"))
        let (result, report) = try site.buildAndWrite()
        #expect(report == nil)
        let printed = SiteAssertions.printed(result)
        #expect(printed.contains("\(SiteWriter.absolute(site.outputPath))/zh: error: is a symbolic link where the site has a folder"), "\(printed)")
        #expect(printed.contains("hint: remove the link"))
        #expect(site.snapshot(of: elsewhere.path) == outsideBefore && (try? String(contentsOf: file, encoding: .utf8)) == "not caravan's")
        #expect(site.snapshot(of: site.outputPath) == before, "nothing written, nothing left behind")
    }

    @Test("removing a page no longer built never follows a link out of the output folder")
    func removalDoesNotFollowLinks() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let (elsewhere, file) = try Self.outside(site)
        // en/articles is now a link to a folder that holds a `two/index.html` of its own.
        try FileManager.default.removeItem(atPath: site.outputPath + "/en/articles")
        try FileManager.default.createSymbolicLink(atPath: site.outputPath + "/en/articles", withDestinationPath: elsewhere.appendingPathComponent("articles").path)
        try site.remove("Content/articles/two")
        _ = try site.buildAndWrite()
        #expect((try? String(contentsOf: file, encoding: .utf8)) == "not caravan's", "the file outside is still there")
    }

    @Test("a link planted where a page or a temporary file goes is replaced, never written through")
    func plantedFileLinksReplaced() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let (_, file) = try Self.outside(site)
        try FileManager.default.removeItem(atPath: site.outputPath + "/en/index.html")
        try FileManager.default.createSymbolicLink(atPath: site.outputPath + "/en/index.html", withDestinationPath: file.path)
        for name in ["index.html", "articles/one/index.html"] {  // the names earlier versions used for temporaries
            try FileManager.default.createSymbolicLink(atPath: site.outputPath + "/en/" + SiteWriter.folder(of: name)
                                                        + (name.contains("/") ? "/" : "") + SiteWriter.temporaryPrefix + SiteWriter.name(of: name),
                                                       withDestinationPath: file.path)
        }
        try site.write("Content/articles/one/en.md", FixtureSite.article(title: "One, edited"))
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect((try? String(contentsOf: file, encoding: .utf8)) == "not caravan's")
        let attributes = try FileManager.default.attributesOfItem(atPath: site.outputPath + "/en/index.html")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular, "the page is a file again")
        #expect(try String(contentsOfFile: site.outputPath + "/en/articles/one/index.html", encoding: .utf8).contains("One, edited"))
    }

    @Test("an --output whose missing last folders lie under a link into the sources is refused")
    func outputThroughLinkIntoSourcesRefused() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let links = site.root.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: links.path + "/lnk", withDestinationPath: site.root.appendingPathComponent("Content").path)
        let before = site.snapshot(of: site.root.appendingPathComponent("Content").path)
        #expect(throws: SiteWriter.Refusal.self) { try site.buildAndWrite(output: links.path + "/lnk/newout") }
        #expect(throws: SiteWriter.Refusal.self) { try site.buildAndWrite(output: links.path + "/lnk/deeper/newout") }
        #expect(site.snapshot(of: site.root.appendingPathComponent("Content").path) == before)
    }

    @Test("an --output that is a link leading nowhere is refused in plain words")
    func danglingOutputLinkRefused() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = site.root.appendingPathComponent("Dangling").path
        try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: "/nonexistent/caravan-output")
        do {
            _ = try site.buildAndWrite(output: output)
            Issue.record("a dangling link was accepted as the output folder")
        } catch let refusal as SiteWriter.Refusal {
            #expect(refusal.description.contains("Dangling exists and is not a folder"), "\(refusal.description)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/caravan-output"))
    }
}

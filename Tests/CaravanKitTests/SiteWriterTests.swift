@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The write stage: only ever Caravan's own folder, only what changed, nothing on failure.
@Suite struct SiteWriterTests {
    static func site() throws -> FixtureSite {
        var files = FixtureSite.minimal()
        for language in ["zh", "en"] {
            files["Content/articles/one/\(language).md"] = FixtureSite.article(title: "One \(language)")
            files["Content/articles/two/\(language).md"] = FixtureSite.article(title: "Two \(language)", date: "2024-02-01")
        }
        return try FixtureSite(files: files)
    }

    @Test("only a relative path with no empty part and no `..` is a path inside the output folder",
          arguments: [
              ("index.html", true), ("en/articles/x/index.html", true), ("...", true), ("a/..b/.c", true),
              ("", false), ("/etc/passwd", false), ("..", false), ("../x", false), ("a/../b", false),
              ("a/..", false), ("a//b", false), ("a/", false), ("./", false),
          ])
    func safeRelativePaths(path: String, isSafe: Bool) {
        #expect(SiteWriter.isSafeRelative(path) == isSafe)
    }

    @Test("a failed build leaves the previous output byte-identical")
    func failedBuildLeavesOutput() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let (_, firstReport) = try site.buildAndWrite()
        #expect(firstReport != nil)
        let before = site.snapshot(of: site.outputPath)
        #expect(before["en/articles/one/index.html"] != nil)
        try site.write("Content/articles/one/en.md", "---\ntitel: Broken\ndate: 2024-01-25\n---\n")
        let (result, report) = try site.buildAndWrite()
        #expect(report == nil)
        #expect(result.diagnostics.contains { $0.file == "Content/articles/one/en.md" && $0.line == 2 })
        #expect(site.snapshot(of: site.outputPath) == before)
    }

    @Test("a build failing while pages are being written leaves no trace: no temporary files, no new folders")
    func failureDuringPageStageLeavesNoTrace() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let before = site.snapshot(of: site.outputPath)
        try site.write("Content/articles/three/en.md", FixtureSite.article(title: "Three en", date: "2024-03-01"))
        try site.write("Content/articles/three/zh.md", FixtureSite.article(title: "Three zh", date: "2024-03-01"))
        // Without its template, article pages fail while other pages are already staged.
        try site.remove("Templates/article.mustache")
        let (result, report) = try site.buildAndWrite()
        #expect(report == nil)
        #expect(result.diagnostics.contains { $0.file == "Templates/article.mustache" })
        #expect(site.snapshot(of: site.outputPath) == before, "no .caravan-tmp files, nothing replaced")
        #expect(!FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/three"))

        let fresh = site.root.appendingPathComponent("Fresh").path
        #expect(try site.buildAndWrite(output: fresh).1 == nil)
        #expect(!FileManager.default.fileExists(atPath: fresh), "a failed first build makes no folder")
    }

    @Test("abandoning a write staged from many threads removes every folder it made, whatever the order",
          arguments: [false, true])
    func abandonAfterConcurrentStaging(intoNewFolder: Bool) throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        // Threads making `en/` and `en/tags/x/` at once record them in either order.
        let paths = (0..<400).map { "\(["en", "zh"][$0 % 2])/tags/t\($0 % 7)/p\($0)/index.html" }
        for round in 0..<10 {
            let output = site.root.appendingPathComponent("Abandoned\(round)").path
            let staging = try SiteWriter(output: output, source: site.root.path).begin(intoNewFolder: intoNewFolder)
            DispatchQueue.concurrentPerform(iterations: paths.count) { staging.stage(paths[$0], Array("page \($0)".utf8)) }
            #expect(FileManager.default.fileExists(atPath: output + "/en/tags/t0/p0"))
            if intoNewFolder {
                // Every file straight under its own name, though threads raced to make its folders.
                let written = Set(paths.indices.compactMap { FileManager.default.contents(atPath: output + "/" + paths[$0]).map { String(decoding: $0, as: UTF8.self) } })
                #expect(written == Set(paths.indices.map { "page \($0)" }), "round \(round)")
                #expect(Self.temporaryFiles(output).isEmpty)
            }
            staging.abandon()
            #expect(!FileManager.default.fileExists(atPath: output), "round \(round)")
        }
    }

    /// Starts a write into `output` as the engine does (journal in the state folder, then
    /// staging) and leaves it as Ctrl-C would: neither committed nor abandoned.
    static func interruptedWrite(_ site: FixtureSite, output: String, fillingNewFolder: Bool = false) throws -> SiteWriter.Staging {
        let writer = try SiteWriter(output: output, source: site.root.path)
        try StateFolder(source: site.root.path, output: writer.output).beginWrite(fillingNewFolder: fillingNewFolder)
        return writer.begin(intoNewFolder: fillingNewFolder)
    }

    @Test("a first build writes straight into its new folder; interrupted, what it wrote is cleared by the next build")
    func interruptedFill() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = site.root.appendingPathComponent("Filled").path
        let (result, report) = try site.buildAndWrite(output: output)
        #expect(report != nil && report!.written > 0, "\(SiteAssertions.printed(result))")
        let built = site.snapshot(of: output)
        try FileManager.default.removeItem(atPath: output)

        let interrupted = try Self.interruptedWrite(site, output: output, fillingNewFolder: true)
        interrupted.stage("en/index.html", Array("half".utf8))
        interrupted.stage("en/drafts/secret/index.html", Array("a draft page, built with --drafts".utf8))
        #expect(Self.temporaryFiles(output).isEmpty, "written under their own names")
        #expect(FileManager.default.fileExists(atPath: output + "/en/drafts/secret/index.html"))
        #expect(try site.buildAndWrite(output: output).1 != nil)
        #expect(site.snapshot(of: output) == built, "the half-written files are gone and the site is whole")
        #expect(!FileManager.default.fileExists(atPath: output + "/en/drafts"))
    }

    @Test("a first build interrupted while writing leaves a folder the next build still accepts")
    func interruptedFirstBuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = site.root.appendingPathComponent("Interrupted").path
        let interrupted = try Self.interruptedWrite(site, output: output)
        interrupted.stage("en/index.html", Array("half".utf8))
        interrupted.stage("en/gone/index.html", Array("a page no build makes".utf8))
        #expect(FileManager.default.fileExists(atPath: output + "/" + SiteWriter.markerName))
        let (result, report) = try site.buildAndWrite(output: output)
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(FileManager.default.fileExists(atPath: output + "/en/index.html"))
        #expect(Self.temporaryFiles(output).isEmpty, "the next build sweeps every temporary file")
        #expect(!FileManager.default.fileExists(atPath: output + "/en/gone"))
    }

    @Test("a rebuild interrupted while writing is never taken for up to date, and its debris is swept")
    func interruptedRebuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let before = site.snapshot(of: site.outputPath)
        let interrupted = try Self.interruptedWrite(site, output: site.outputPath)
        interrupted.stage("en/articles/one/index.html", Array("half".utf8))
        interrupted.stage("en/articles/three/index.html", Array("a story deleted before the next build".utf8))
        #expect(Self.temporaryFiles(site.outputPath).count == 2)
        let (result, _) = try site.buildAndWrite()
        #expect(!result.wasUpToDate, "so `caravan build` does not skip itself")
        #expect(Self.temporaryFiles(site.outputPath).isEmpty)
        #expect(site.snapshot(of: site.outputPath) == before)
        #expect(!FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/three"))
    }

    static func temporaryFiles(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { $0.contains(".caravan-tmp-") }
    }

    @Test("a second build with no change rewrites nothing")
    func noChangeRebuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let (_, first) = try site.buildAndWrite()
        let before = try Self.modificationTimes(site.outputPath)
        Thread.sleep(forTimeInterval: 0.05)
        let (_, second) = try site.buildAndWrite()
        #expect(first!.written > 0)
        #expect(second == SiteWriter.Report(written: 0, unchanged: first!.written, removed: 0))
        #expect(try Self.modificationTimes(site.outputPath) == before)
        #expect(before[".caravan-site"] != nil, "the marker: caravan's own folder")
        #expect(before.keys.filter { $0.hasPrefix(".") } == [".caravan-site"], "no build state in the published folder")
    }

    @Test("editing one article rewrites its pages and the lists that show it; deleting one removes its pages")
    func incrementalChanges() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let before = site.snapshot(of: site.outputPath)
        try site.write("Content/articles/one/en.md", FixtureSite.article(title: "One en", body: "New text."))
        let (_, edited) = try site.buildAndWrite()
        let after = site.snapshot(of: site.outputPath)
        // The article, the English home page whose teaser is the article's first paragraph,
        // the English feed, which carries the full text, both bilingual views of it, and the
        // English archive page of its month (a teaser too), and in the English search index
        // the shard of its words and the chunk with its excerpt.
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed == ["en/articles/one/index.html", "en/index.html", "en/feed.xml",
                            "en/articles/one/bilingual/index.html", "zh/articles/one/bilingual/index.html",
                            "en/archive/2024/01/index.html", "en/search/data/t/0.json", "en/search/data/d/0.json"])
        #expect(edited?.written == changed.count)
        #expect(String(decoding: after["en/articles/one/index.html"]!, as: UTF8.self).contains("New text."))

        try site.remove("Content/articles/two")
        let (_, removed) = try site.buildAndWrite()
        #expect(removed?.removed == 6, "the article in each language, its two bilingual views, and its month's archive page in each language")
        let files = site.snapshot(of: site.outputPath)
        #expect(files["en/articles/two/index.html"] == nil && files["zh/articles/two/index.html"] == nil)
        #expect(!FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/two"))
    }

    @Test("a folder caravan did not create is never written into")
    func foreignFolderRefused() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let foreign = site.root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("thesis.txt"))
        #expect(throws: SiteWriter.Refusal.self) { try site.buildAndWrite(output: foreign.path) }
        #expect(try String(contentsOf: foreign.appendingPathComponent("thesis.txt"), encoding: .utf8) == "keep me")
        #expect((try FileManager.default.contentsOfDirectory(atPath: foreign.path)) == ["thesis.txt"])
    }

    @Test("the output may not be the source folder, contain it, or lie inside Content/")
    func outputInsideSourcesRefused() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        for output in [site.root.path, site.root.deletingLastPathComponent().path, site.root.appendingPathComponent("Content/Site").path] {
            #expect(throws: SiteWriter.Refusal.self, "\(output)") { try SiteWriter(output: output, source: site.root.path) }
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/Site").path))
    }

    @Test("files a user put beside the built site are never deleted")
    func unlistedFilesSurvive() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        try Data("verification".utf8).write(to: URL(fileURLWithPath: site.outputPath + "/google123.html"))
        try site.remove("Content/articles/two")
        try site.buildAndWrite()
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/google123.html"))
    }

    @Test("a builder told which paths changed builds the same files as a new one, linked folders included")
    func buildFromReportedChanges() throws {
        let site = try FixtureSite(files: FixtureSite.shipped())
        defer { site.cleanUp() }
        // The listings do not follow a linked folder: the loader lists that one itself.
        let articles = site.root.path + "/Content/articles"
        try FileManager.default.createSymbolicLink(
            atPath: articles + "/linked-story", withDestinationPath: articles + "/belarus-chongqing-rail-cooperation")
        try site.write("Content/articles/doomed/en.md", FixtureSite.article(title: "Doomed"))
        let builder = SiteBuilder(options: BuildOptions(source: site.root.path))
        let first = try #require(builder.build().output)
        #expect(first.files == site.build().output?.files)
        #expect(first.files["en/articles/linked-story/index.html"] != nil && first.files["en/articles/doomed/index.html"] != nil)

        // A new story folder, an edited story and a removed one, reported as a watcher would.
        try site.write("Content/articles/later/en.md", FixtureSite.article(title: "Later"))
        try site.write("Content/articles/kazakhstan-lianyungang-sea-access/en.md", FixtureSite.article(title: "Retitled", date: "2023-06-01"))
        try site.remove("Content/articles/doomed")
        let changes: Set<String> = ["Content/articles/later", "Content/articles/kazakhstan-lianyungang-sea-access/en.md", "Content/articles/doomed"]
        let result = builder.build(changes: .paths(changes))
        let fresh = site.build()
        #expect(result.output?.files == fresh.output?.files, "\(SiteAssertions.printed(result))")
        #expect(result.output?.files["en/articles/later/index.html"] != nil && result.output?.files["en/articles/doomed/index.html"] == nil)
        #expect(SiteAssertions.printed(result) == SiteAssertions.printed(fresh))

        // A change the builder was not told about is not seen until it is.
        try site.write("Content/articles/unreported/en.md", FixtureSite.article(title: "Unreported"))
        #expect(builder.build(changes: .paths([])).output?.files["en/articles/unreported/index.html"] == nil)
        #expect(builder.build().output?.files["en/articles/unreported/index.html"] != nil)
    }

    @Test("a change reported to a build that failed is still seen by the next build")
    func changesDuringAFailedBuildAreKept() throws {
        let site = try FixtureSite(files: FixtureSite.shipped())
        defer { site.cleanUp() }
        let builder = SiteBuilder(options: BuildOptions(source: site.root.path))
        #expect(builder.build().output != nil)
        let broken = "Content/articles/kazakhstan-lianyungang-sea-access/en.md"
        let original = try String(contentsOfFile: site.root.path + "/" + broken, encoding: .utf8)
        try site.write(broken, "---\ntitle: [unclosed\n---\nBody.\n")
        #expect(!builder.build(changes: .paths([broken])).succeeded, "the broken story fails the build")
        // Saved while the site is broken: the build fails again, and the edit must not be lost.
        try site.write("Content/articles/later/en.md", FixtureSite.article(title: "Later"))
        #expect(!builder.build(changes: .paths(["Content/articles/later"])).succeeded, "the story is still broken")
        try site.write(broken, original)
        let fixed = builder.build(changes: .paths([broken]))
        #expect(fixed.output?.files["en/articles/later/index.html"] != nil, "\(SiteAssertions.printed(fixed))")
        #expect(fixed.output?.files == site.build().output?.files, "as a new builder builds it")
    }

    @Test("a build whose sources did not change is skipped; any edit, option or missing output file rebuilds")
    func unchangedSourcesSkipTheBuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        // Files changed in the seconds before a build are never trusted to be unchanged.
        try site.backdate()
        #expect(try site.buildAndWrite().0.wasUpToDate == false, "nothing built yet")
        #expect(try site.buildAndWrite().0.wasUpToDate == true, "nothing changed")
        #expect(try site.buildAndWrite(drafts: true).0.wasUpToDate == false, "another option")
        #expect(try site.buildAndWrite().0.wasUpToDate == false, "and back")
        Thread.sleep(forTimeInterval: 0.01)
        try site.write("Content/articles/one/en.md", FixtureSite.article(title: "One en", body: "Edited."))
        #expect(try site.buildAndWrite().0.wasUpToDate == false, "an edited story")
        try site.write("Templates/partials/footer.mustache", "<footer></footer>\n")
        #expect(try site.buildAndWrite().0.wasUpToDate == false, "an edited template")
        #expect(try site.buildAndWrite().0.wasUpToDate == false, "edited a moment ago: checked again")
        try site.backdate()
        #expect(try site.buildAndWrite().0.wasUpToDate == false, "touched")
        #expect(try site.buildAndWrite().0.wasUpToDate == true)
        try FileManager.default.removeItem(atPath: site.outputPath + "/en/articles/one/index.html")
        let (result, report) = try site.buildAndWrite()
        #expect(!result.wasUpToDate, "a deleted output file forces a rebuild")
        #expect(result.output?.renderedPageCount == 1, "and only that page is rendered again")
        #expect(report?.written == 1)
    }

    static func modificationTimes(_ folder: String) throws -> [String: Date] {
        var result: [String: Date] = [:]
        for path in FileManager.default.enumerator(atPath: folder)!.compactMap({ $0 as? String }) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + path)
            if attributes[.type] as? FileAttributeType == .typeRegular {
                result[path] = attributes[.modificationDate] as? Date
            }
        }
        return result
    }
}

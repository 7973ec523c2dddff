import CaravanKit
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

    @Test("abandoning a write staged from many threads removes every folder it made, whatever the order")
    func abandonAfterConcurrentStaging() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        // Threads making `en/` and `en/tags/x/` at once record them in either order.
        let paths = (0..<400).map { "\(["en", "zh"][$0 % 2])/tags/t\($0 % 7)/p\($0 % 13)/index.html" }
        for round in 0..<10 {
            let output = site.root.appendingPathComponent("Abandoned\(round)").path
            let staging = try SiteWriter(output: output, source: site.root.path).begin()
            DispatchQueue.concurrentPerform(iterations: paths.count) { staging.stage(paths[$0], Array("page".utf8)) }
            #expect(FileManager.default.fileExists(atPath: output + "/en/tags/t0/p0"))
            staging.abandon()
            #expect(!FileManager.default.fileExists(atPath: output), "round \(round)")
        }
    }

    @Test("a first build interrupted while writing leaves a folder the next build still accepts")
    func interruptedFirstBuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = site.root.appendingPathComponent("Interrupted").path
        // Staged, then neither committed nor abandoned: what Ctrl-C leaves behind.
        let interrupted = try SiteWriter(output: output, source: site.root.path).begin()
        interrupted.stage("en/index.html", Array("half".utf8))
        interrupted.stage("en/gone/index.html", Array("a page no build makes".utf8))
        #expect(FileManager.default.fileExists(atPath: output + "/" + SiteWriter.markerName))
        let (result, report) = try site.buildAndWrite(output: output)
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(FileManager.default.fileExists(atPath: output + "/en/index.html"))
        #expect(Self.temporaryFiles(output).isEmpty, "the next build sweeps every temporary file")
    }

    @Test("a rebuild interrupted while writing is never taken for up to date, and its debris is swept")
    func interruptedRebuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let before = site.snapshot(of: site.outputPath)
        let writer = try SiteWriter(output: site.outputPath, source: site.root.path)
        #expect(writer.previousBuild()?.isComplete == true)
        let interrupted = writer.begin()
        interrupted.stage("en/articles/one/index.html", Array("half".utf8))
        interrupted.stage("en/articles/three/index.html", Array("a story deleted before the next build".utf8))
        #expect(Self.temporaryFiles(site.outputPath).count == 3, "two pages and the journal")
        #expect(writer.previousBuild()?.isComplete == false, "so `caravan build` does not skip itself")
        try site.buildAndWrite()
        #expect(Self.temporaryFiles(site.outputPath).isEmpty)
        #expect(site.snapshot(of: site.outputPath) == before)
        #expect(!FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/three"))
    }

    static func temporaryFiles(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { $0.contains(".caravan-tmp-") || $0.hasSuffix(".caravan-writing") }
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
        #expect(before[".caravan-site"] != nil && before[".caravan-manifest"] != nil)
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
        // and the English feed, which carries the full text.
        let changed = Set(after.keys.filter { after[$0] != before[$0] && $0 != ".caravan-manifest" })
        #expect(changed == ["en/articles/one/index.html", "en/index.html", "en/feed.xml"])
        #expect(edited?.written == changed.count)
        #expect(String(decoding: after["en/articles/one/index.html"]!, as: UTF8.self).contains("New text."))

        try site.remove("Content/articles/two")
        let (_, removed) = try site.buildAndWrite()
        #expect(removed?.removed == 2)
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

    @Test("a build given the fingerprint's folder listings makes the same files as one that lists the folders itself")
    func buildFromTheFingerprintsListings() throws {
        let site = try FixtureSite(files: FixtureSite.shipped())
        defer { site.cleanUp() }
        // The fingerprint does not follow a linked folder: the loader lists that one itself.
        let articles = site.root.path + "/Content/articles"
        try FileManager.default.createSymbolicLink(
            atPath: articles + "/linked-story", withDestinationPath: articles + "/belarus-chongqing-rail-cooperation")
        var options = BuildOptions(source: site.root.path)
        let listed = try #require(Site.build(options).output)
        options.listings = SourceFingerprint(options).listings
        let reused = try #require(Site.build(options).output)
        #expect(reused.files == listed.files)
        #expect(reused.files["en/articles/linked-story/index.html"] != nil)
        #expect(reused.files["zh/articles/belarus-chongqing-rail-cooperation/index.html"] != nil)

        // The listings are a snapshot, for the build right after the fingerprint only.
        try site.write("Content/articles/later/en.md", FixtureSite.article(title: "Later"))
        #expect(try #require(Site.build(options).output).files["en/articles/later/index.html"] == nil)
        options.listings = nil
        #expect(try #require(Site.build(options).output).files["en/articles/later/index.html"] != nil)
    }

    @Test("a build whose sources did not change is skipped; any edit, option or missing output file rebuilds")
    func unchangedSourcesSkipTheBuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let options = BuildOptions(source: site.root.path)
        let fingerprint = SourceFingerprint(options).value
        let writer = try SiteWriter(output: site.outputPath, source: site.root.path)
        #expect(writer.previousBuild() == nil, "nothing built yet")
        let output = try #require(site.build().output)
        _ = try writer.write(output, inputs: fingerprint)
        #expect(writer.previousBuild()?.inputs == fingerprint)
        #expect(SourceFingerprint(options).value == fingerprint, "stable when nothing changed")
        #expect(SourceFingerprint(BuildOptions(source: site.root.path, includeDrafts: true)).value != fingerprint)
        Thread.sleep(forTimeInterval: 0.01)
        try site.write("Content/articles/one/en.md", FixtureSite.article(title: "One en", body: "Edited."))
        #expect(SourceFingerprint(options).value != fingerprint)
        try site.write("Templates/partials/footer.mustache", "<footer></footer>\n")
        let afterTemplate = SourceFingerprint(options).value
        #expect(afterTemplate != fingerprint)
        try FileManager.default.removeItem(atPath: site.outputPath + "/en/articles/one/index.html")
        let previous = try #require(writer.previousBuild())
        #expect(!previous.isComplete, "a deleted output file forces a rebuild")
        #expect(previous.pageKeys["en/articles/one/index.html"] == nil, "and that page is rendered again")
        #expect(previous.pageKeys["zh/articles/one/index.html"] != nil)
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

@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// What a build remembers lives outside the published folder: no byte of a draft is ever
/// published (by `build` or answered by `serve`), and losing or outdating that memory costs
/// a full build, never a refused one and never a deleted file that is not caravan's.
@Suite struct BuildStateTests {
    /// Strings that occur only in the draft story and in the draft translation.
    static let markers = ["EMBARGO-TITLE-7Q", "EMBARGO-SUMMARY-7Q", "EMBARGO-BODY-7Q", "embargo-tag-7q", "embargoed-merger-7q",
                          "DRAFT-TRANSLATION-7Q"]

    /// A published story; a draft story (markers in its slug, title, summary, body and tag);
    /// and a published English story whose Chinese translation is still a draft.
    static func site() throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/data/tags.yaml"] = FixtureSite.sampleTags
            + "  - {id: embargo-tag-7q, name: {zh: 禁发, en: Held}}\n"
        for language in ["zh", "en"] {
            files["Content/articles/published/\(language).md"] = FixtureSite.article(title: "Published \(language)", extra: "tags: [rail]\n")
            files["Content/articles/embargoed-merger-7q/\(language).md"] = FixtureSite.article(
                title: "EMBARGO-TITLE-7Q", date: "2024-02-01",
                extra: "summary: \"EMBARGO-SUMMARY-7Q\"\ntags: [embargo-tag-7q, rail]\ndraft: true\n", body: "EMBARGO-BODY-7Q, until Friday.")
        }
        files["Content/articles/half/en.md"] = FixtureSite.article(title: "Half", extra: "tags: [rail]\n")
        files["Content/articles/half/zh.md"] = FixtureSite.article(title: "DRAFT-TRANSLATION-7Q", extra: "draft: true\n", body: "DRAFT-TRANSLATION-7Q")
        return try FixtureSite(files: files)
    }

    /// The markers found in any file under `folder`, with where.
    static func leaks(in folder: String, site: FixtureSite) -> [String] {
        site.snapshot(of: folder).flatMap { path, bytes in
            markers.filter { bytes.range(of: Data($0.utf8)) != nil || path.contains($0) }.map { "\(path): \($0)" }
        }
    }

    @Test("no byte of a draft reaches the output folder, and the build state is not in it")
    func draftsStayOutOfTheOutput() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        // Files older than a build's racy window: the state then records their front matter.
        try site.backdate()
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(Self.leaks(in: site.outputPath, site: site).isEmpty, "\(Self.leaks(in: site.outputPath, site: site))")
        let names = try FileManager.default.contentsOfDirectory(atPath: site.outputPath)
        #expect(names.filter { $0.hasPrefix(".") } == [SiteWriter.markerName])
        #expect(try String(contentsOfFile: site.outputPath + "/" + SiteWriter.markerName, encoding: .utf8) == SiteWriter.markerText)
        // The state folder does hold the draft's front matter: beside the sources, not in Site/.
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath))
        #expect(state.path.hasPrefix(site.root.path + "/.caravan/"))
        #expect(Self.leaks(in: state.path, site: site).isEmpty == false, "the check can see a marker where there is one")

        // A preview with drafts, into another folder, shows them: the markers are findable.
        let preview = site.root.appendingPathComponent("Preview").path
        _ = try site.buildAndWrite(output: preview, drafts: true)
        #expect(Set(Self.leaks(in: preview, site: site).map { $0.split(separator: " ").last.map(String.init) ?? "" }) == Set(Self.markers))
    }

    @Test("serve without --drafts answers nothing of a draft, at any address")
    func serveKeepsDraftsOut() async throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let server = try DevServer(options: BuildOptions(source: site.root.path), port: 0)
        let running = Task { try await server.run { _, _ in } }
        defer { running.cancel() }
        try await server.waitUntilListening()
        let port = try #require(await server.listeningPort())
        let served = server.site.builtFiles
        #expect(served.contains("en/articles/published/index.html"))
        for path in served.sorted() + ["en/articles/embargoed-merger-7q/", "zh/articles/half/", "en/tags/embargo-tag-7q/", "nope/"] {
            let response = try await RawHTTP.request(port: port, target: "/" + path)
            for marker in Self.markers { #expect(!response.body.contains(marker), "\(path) shows \(marker)") }
        }
        await server.stop()
    }

    @Test("without its state the next build is a full one; it deletes nothing it cannot prove it made")
    func lostStateCostsAFullBuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: site.outputPath + "/google123.html"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".caravan"))
        try site.remove("Content/articles/published")
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(result.output?.keptPages.isEmpty == true, "every page rendered")
        #expect(report?.removed == 0, "nothing deleted: no state says caravan made it")
        #expect(result.diagnostics.contains { $0.message.contains("were not made by this build") && $0.message.contains("google123.html") })
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/google123.html"))
        // Every file this build makes is exactly as a clean build makes it.
        let clean = site.root.appendingPathComponent("Clean").path
        try site.buildAndWrite(output: clean)
        let built = site.snapshot(of: site.outputPath)
        for (path, bytes) in site.snapshot(of: clean) { #expect(built[path] == bytes, "\(path)") }
        // With its state back, the next build removes the pages the state lists and no story
        // makes: the last English story tagged `rail`, and with it that tag's page, the
        // English archive page of its month, and the English search index's term shard and
        // document chunk (no English story is left to find).
        try site.remove("Content/articles/half")
        let (_, next) = try site.buildAndWrite()
        #expect(next?.removed == 5, "\(String(describing: next))")
        for page in ["en/articles/half/index.html", "en/tags/rail/index.html"] {
            #expect(!FileManager.default.fileExists(atPath: site.outputPath + "/" + page))
        }
    }

    @Test("the state of an output folder that is gone is removed when another build saves; a locked or unrecorded one stays")
    func statesOfRemovedOutputsGo() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        func state(of output: String) -> String { StateFolder(source: site.root.path, output: SiteWriter.absolute(output)).path }
        let preview = site.root.appendingPathComponent("Preview").path, busy = site.root.appendingPathComponent("Busy").path
        let shared = site.root.appendingPathComponent("Shared").path
        try site.buildAndWrite(output: preview)
        try site.buildAndWrite(output: busy)
        try site.buildAndWrite(output: shared)
        // Someone put a file of their own into Shared's state: it is never removed, so neither is its folder.
        try Data("notes".utf8).write(to: URL(fileURLWithPath: state(of: shared) + "/notes.txt"))
        // An older caravan's state names no output folder: it stays.
        let older = site.root.appendingPathComponent(".caravan/older-1234").path
        try FileManager.default.createDirectory(atPath: older, withIntermediateDirectories: true)
        try Data("caravan manifest 1\n".utf8).write(to: URL(fileURLWithPath: older + "/manifest"))
        try FileManager.default.removeItem(atPath: preview)
        try FileManager.default.removeItem(atPath: busy)
        try FileManager.default.removeItem(atPath: shared)
        // A build into Busy is under way (its folder not made yet): it holds its state's lock.
        let lock = open(state(of: busy) + "/lock", O_RDWR)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(!FileManager.default.fileExists(atPath: state(of: preview)), "the gone folder's state is removed")
        #expect(FileManager.default.fileExists(atPath: state(of: busy) + "/manifest"), "a locked state stays")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state(of: shared)) == ["notes.txt"],
                "the state's own files go, a foreign one stays")
        #expect(FileManager.default.fileExists(atPath: older + "/manifest"))
        #expect(FileManager.default.fileExists(atPath: state(of: site.outputPath) + "/manifest"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".caravan/README").path))
    }

    @Test("a state written by another version of caravan is ignored, not trusted")
    func foreignStateIgnored() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: site.outputPath + "/mine.html"))
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath))
        // An older format, listing a file that is not caravan's and claiming every page is current.
        let old = "# caravan manifest 2\n# inputs 1\n0 7 - mine.html\n"
        try Data(old.utf8).write(to: URL(fileURLWithPath: state.path + "/manifest"))
        try Data("caravan known documents 1\n".utf8).write(to: URL(fileURLWithPath: state.path + "/documents"))
        let (result, report) = try site.buildAndWrite()
        #expect(!result.wasUpToDate && result.output?.keptPages.isEmpty == true, "rendered afresh")
        #expect(report?.removed == 0)
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/mine.html"))
    }

    @Test("a story file whose size, time and inode are unchanged is not read again; one changed in the seconds before a build is")
    func unchangedFilesAreNotRead() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let file = "Content/articles/published/en.md"
        let page = site.outputPath + "/en/articles/published/index.html"
        /// Writes text of the same length in place (same inode), then puts the file's time
        /// back to the nanosecond: what a same-size edit within one tick of the clock leaves.
        func rewriteKeepingSignature(_ text: String) throws {
            let path = site.root.appendingPathComponent(file).path
            var before = stat()
            #expect(stat(path, &before) == 0)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
            var times = [before.st_atim, before.st_mtim]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            var after = stat()
            #expect(stat(path, &after) == 0)
            #expect(after.st_size == before.st_size && after.st_ino == before.st_ino
                    && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        }
        let original = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)

        // Written moments ago: too recent to be trusted, so a same-signature edit is seen.
        try site.buildAndWrite()
        try rewriteKeepingSignature(original.replacingOccurrences(of: "Published", with: "Recently1"))
        try site.buildAndWrite()
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Recently1"))

        // An hour old: known by its signature, its text is not read again.
        try site.backdate()
        try site.buildAndWrite()
        try rewriteKeepingSignature(original.replacingOccurrences(of: "Published", with: "Unnoticed"))
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Recently1"), "taken as the last build read it")

        // Touched (a new time), it is read again.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: site.root.appendingPathComponent(file).path)
        try site.buildAndWrite()
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Unnoticed"))
    }

    @Test("a source folder unchanged since the last build is not listed again; a file added, removed or changed in it is seen")
    func unchangedFoldersAreNotListed() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("Content/articles/published/pictures/map.png", Data([0x89, 0x50, 0x4E, 0x47, 1]))
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath))
        let story = "Content/articles/published"
        try site.buildAndWrite()
        #expect(state.readListings().folders[story] == nil, "changed moments before it was listed: not kept")
        // A folder's change time cannot be set back: the listings are trusted once it is
        // older than the seconds a clock tick may hide.
        Thread.sleep(forTimeInterval: Double(KnownDocuments.racyWindow) / 1e9 + 0.2)
        try site.buildAndWrite()
        let kept = state.readListings()
        #expect(kept.folders[story]?.entries.map(\.name) == ["en.md", "pictures", "zh.md"])
        #expect(kept.folders[story + "/pictures"]?.entries.map(\.name) == ["map.png"])
        #expect(kept.folders["Content/articles"] != nil && kept.folders["Templates"] != nil)

        // A file changed in place leaves its folder's names as they were; it is still seen.
        try site.write(story + "/en.md", FixtureSite.article(title: "Published, edited in place", extra: "tags: [rail]\n"))
        try site.buildAndWrite()
        let page = { (path: String) in try? String(contentsOfFile: site.outputPath + "/" + path, encoding: .utf8) }
        #expect(page("en/articles/published/index.html")?.contains("Published, edited in place") == true)

        // Added and removed entries change their folders, which are listed again: a new
        // picture in the sub-folder, a new story, a translation removed.
        try site.write(story + "/pictures/route.png", Data([0x89, 0x50, 0x4E, 0x47, 2]))
        try site.write("Content/articles/added-later/en.md", FixtureSite.article(title: "Added later", extra: "tags: [rail]\n"))
        try site.remove(story + "/zh.md")
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(FileManager.default.fileExists(atPath: site.outputPath + "/en/articles/published/pictures/route.png"))
        #expect(page("en/articles/added-later/index.html")?.contains("Added later") == true)
        #expect(page("zh/articles/published/index.html") == nil)

        // Proof that a kept listing is what the build goes by while its folder's stamp holds:
        // one claiming the story has no English file hides it.
        Thread.sleep(forTimeInterval: Double(KnownDocuments.racyWindow) / 1e9 + 0.2)
        try site.buildAndWrite()
        var forged = state.readListings()
        try #require(forged.folders[story] != nil)
        forged.folders[story]?.entries.removeAll { $0.name == "en.md" }
        try Data(forged.bytes).write(to: URL(fileURLWithPath: state.path + "/listings"))
        try site.buildAndWrite()
        #expect(page("en/articles/published/index.html") == nil)

        // A name that would lead out of its folder spoils the whole state: nothing is trusted.
        for name in ["../../outside.md", ".hidden", ""] {
            var hostile = forged
            hostile.folders[story]?.entries.append(FileSystem.Entry(name: name, kind: .file, isSymlink: false, size: 0))
            #expect(StoredListings(bytes: hostile.bytes).folders.isEmpty, "\(name)")
        }
        #expect(!StoredListings(bytes: forged.bytes).folders.isEmpty)
    }

    @Test("front matter with every field reads back from the state as decoded; damaged bytes read as nothing")
    func frontMatterRoundTrip() throws {
        let yaml = """
            title: "Khorgos: 霍尔果斯 \\"gateway\\""
            date: 2024-05-17 10:30
            updated: 2024-05-20T08:00:00+08:00
            summary: "One sentence."
            tags: [rail, customs]
            corridors: [western]
            author: "Caravan Newsroom"
            image: photo.jpg
            image_alt: "A train at the border"
            draft: true
            featured: true
            corrections:
              - date: 2024-05-21
                text: "An earlier version gave the wrong month."
            expires: 2025-01-01
            translation: 2024-05-22
            """
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let root = try YAMLParser.parse(yaml, lineOffset: 1)
        let (decoded, problems) = FrontMatter.decode(root, file: "en.md", frontMatterLine: 2, timeZone: zone)
        #expect(problems.isEmpty, "\(problems)")
        let frontMatter = try #require(decoded)
        // Every field is set above: a field added to FrontMatter later fails here until it is
        // set too, and so is checked to be stored (FrontMatter+State.swift) like the rest.
        let bare = try #require(FrontMatter.decode(try YAMLParser.parse("title: x\ndate: 2020-01-01", lineOffset: 1),
                                                   file: "en.md", frontMatterLine: 2, timeZone: zone).0)
        let bareFields = Dictionary(uniqueKeysWithValues: Mirror(reflecting: bare).children.map { ($0.label ?? "", String(describing: $0.value)) })
        for field in Mirror(reflecting: frontMatter).children {
            #expect(String(describing: field.value) != bareFields[field.label ?? ""], "`\(field.label ?? "")` is not set in this test")
        }
        var writer = StateWriter(bytes: [])
        writer.frontMatter(frontMatter)
        var reader = StateReader(bytes: writer.bytes, offset: 0)
        #expect(reader.frontMatter() == frontMatter)
        #expect(reader.isAtEnd)
        for cut in stride(from: 0, to: writer.bytes.count, by: 7) {
            var damaged = StateReader(bytes: Array(writer.bytes.prefix(cut)), offset: 0)
            #expect(damaged.frontMatter() == nil, "cut at \(cut) bytes")
        }
        var garbage = StateReader(bytes: [UInt8](repeating: 0xFF, count: 64), offset: 0)
        #expect(garbage.frontMatter() == nil)
    }

    @Test("the known-documents state reads back as written; a damaged one is no state, never a crash")
    func knownDocumentsRoundTrip() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.backdate()
        try site.buildAndWrite()
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath))
        let known = state.readDocuments()
        #expect(known.entries.count >= 2 && known.languages == ["zh", "en"])
        let again = KnownDocuments(bytes: known.bytes)
        #expect(again.entries == known.entries && again.languages == known.languages && again.timeZone == known.timeZone)
        // Entries read back are written back as read: the same bytes as encoding them anew.
        var encodedAnew = known
        encodedAnew.entries = known.entries.mapValues {
            KnownDocuments.Entry(signature: $0.signature, frontMatterKey: $0.frontMatterKey, frontMatter: $0.frontMatter, digest: $0.digest)
        }
        #expect(encodedAnew.bytes.count == known.bytes.count && KnownDocuments(bytes: encodedAnew.bytes).entries == known.entries)
        let bytes = known.bytes
        for damaged in [Array(bytes.dropLast(5)), Array(bytes.prefix(30)), Array("caravan known documents 0\n".utf8) + bytes.dropFirst(26),
                        Array(bytes.prefix(26)) + [UInt8](repeating: 0xFF, count: 64)] {
            #expect(KnownDocuments(bytes: damaged).entries.count < known.entries.count)
        }
        // A build over a damaged state reads the files and is a correct one.
        try Data(Array(bytes.prefix(26)) + [UInt8](repeating: 0xFF, count: 64)).write(to: URL(fileURLWithPath: state.path + "/documents"))
        try site.write("Content/articles/published/en.md", FixtureSite.article(title: "Published, edited"))
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(try String(contentsOfFile: site.outputPath + "/en/articles/published/index.html", encoding: .utf8).contains("Published, edited"))
    }

    @Test("the search state reads back as written; a damaged one (cut short, numbers out of range) is no state, never a crash")
    func damagedSearchStateIgnored() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath))
        let stored = state.readSearch()
        let manifest = state.readManifest()
        #expect(!stored.languages.isEmpty)
        #expect(StoredSearchState(bytes: stored.bytes).states(matching: manifest) == stored.states(matching: manifest))
        let bytes = stored.bytes
        let formatLine = Array("caravan search state 1\n".utf8)
        // "en", then a shard count and a document count no Int can hold.
        let huge = formatLine + [2, 0x6E65, 0, UInt64.max, 0, UInt64.max].withUnsafeBytes { Array($0) }
        for damaged in [Array(bytes.dropLast(8)), Array(bytes.prefix(formatLine.count + 8)),
                        formatLine + [UInt8](repeating: 0xFF, count: 64), huge] {
            #expect(StoredSearchState(bytes: damaged).languages.isEmpty)
        }
        // And a build over a damaged state is a correct one.
        try Data(formatLine + [UInt8](repeating: 0xFF, count: 64)).write(to: URL(fileURLWithPath: state.path + "/search"))
        try site.write("Content/articles/published/en.md", FixtureSite.article(title: "Published, edited"))
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        #expect(state.readSearch().states(matching: state.readManifest()).count == stored.languages.count)
    }

    @Test("a long-lived builder (serve) loads the site even when its folder is up to date, so the first save renders only what it changes")
    func longLivedBuilderLoadsAtStart() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.backdate()
        try site.buildAndWrite()
        #expect(try site.buildAndWrite().0.wasUpToDate, "a one-shot build skips an up-to-date folder")
        let builder = try SiteBuilder(options: BuildOptions(source: site.root.path), output: site.outputPath, savesStateAfterEachBuild: false)
        defer { try? builder.saveState() }
        let first = builder.build()
        #expect(!first.wasUpToDate && first.output?.renderedPageCount == 0, "loaded, nothing rendered")
        try site.write("Content/articles/published/en.md", FixtureSite.article(title: "Published, edited"))
        let save = builder.build(changes: .paths(["Content/articles/published/en.md"]))
        let rendered = try #require(save.output?.renderedPageCount)
        #expect(rendered > 0 && rendered < 12, "rendered \(rendered) pages")
    }

    @Test("a file deleted from the folder by hand is written again, even when the first build after failed")
    func missingFileOutlivesAFailedBuild() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let page = site.outputPath + "/en/articles/published/index.html"
        try FileManager.default.removeItem(atPath: page)
        let story = "Content/articles/half/en.md"
        let original = try String(contentsOfFile: site.root.path + "/" + story, encoding: .utf8)
        try site.write(story, "---\ntitle: [unclosed\n---\nBody.\n")
        let builder = try SiteBuilder(options: BuildOptions(source: site.root.path), output: site.outputPath, savesStateAfterEachBuild: false)
        defer { try? builder.saveState() }
        #expect(!builder.build().succeeded, "the broken story fails the first build")
        try site.write(story, original)
        let fixed = builder.build(changes: .paths([story]))
        #expect(fixed.succeeded, "\(SiteAssertions.printed(fixed))")
        #expect(FileManager.default.fileExists(atPath: page), "the deleted page is back")
    }

    @Test("the build state earlier versions kept in the output folder is removed from it")
    func legacyStateRemoved() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        for name in SiteWriter.legacyStateNames {
            try Data("title: EMBARGO-TITLE-7Q\n".utf8).write(to: URL(fileURLWithPath: site.outputPath + "/" + name))
        }
        try site.write("Content/articles/published/en.md", FixtureSite.article(title: "Published, edited", extra: "tags: [rail]\n"))
        try site.buildAndWrite()
        for name in SiteWriter.legacyStateNames { #expect(!FileManager.default.fileExists(atPath: site.outputPath + "/" + name)) }
        #expect(Self.leaks(in: site.outputPath, site: site).isEmpty)
    }
}

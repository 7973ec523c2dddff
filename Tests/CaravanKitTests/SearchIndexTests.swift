@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The search index as the browser reads it: every document is found by each of its title
/// terms, an edit rewrites only the shards of its terms, and `--no-search` leaves it out.
@Suite struct SearchIndexTests {
    /// Looks a query up in a built language's index files the way `search.js` does.
    struct Reader {
        let files: [String: [UInt8]]
        let folder: String

        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(try #require(files[folder + path], "\(folder + path) is missing")))
        }

        /// The ids of the documents holding every term of `query`, title matches first, then
        /// by id (newest first).
        func search(_ query: String) throws -> [Int] {
            let meta = try #require(try json("meta.json") as? [String: Int])
            var lists: [[Int: Int]] = []
            for term in SearchTokenizer.terms(query, for: .query) {
                let shard = String(SearchIndex.hash(term) & UInt32(meta["shards"]! - 1), radix: 16)
                let postings = (try? json("t/\(shard).json") as? [String: String])?[term] ?? ""
                var list: [Int: Int] = [:]
                var id = 0
                for part in postings.split(separator: ",") {
                    let value = Int(part, radix: 36)!
                    id += value >> 1
                    list[id] = value & 1
                }
                lists.append(list)
            }
            guard let first = lists.first else { return [] }
            var scored: [(score: Int, id: Int)] = []
            for id in first.keys where lists.allSatisfy({ $0[id] != nil }) {
                scored.append((lists.map { $0[id]! }.reduce(0, +), id))
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            return scored.map(\.id)
        }

        /// The document table's entry: title, link, ISO date, date as written, excerpt.
        func document(_ id: Int) throws -> [String] {
            let meta = try #require(try json("meta.json") as? [String: Int])
            let chunk = try #require(try json("d/\(id / meta["chunk"]!).json") as? [[String]])
            return chunk[id % meta["chunk"]!]
        }
    }

    /// 120 articles in both languages, each with its own made-up words, so the index has
    /// many shards; article `n` is dated so that a lower number is newer.
    static func largeSite() throws -> FixtureSite {
        var files = FixtureSite.minimal()
        let han = Array("铁路口岸班列物流港口集装箱货运通道贸易出口进口增长开行线路合作基地")
        for n in 0..<120 {
            let words = (0..<30).map { (i: Int) -> String in "w\((n * 7 + i * 13) % 997)x" }.joined(separator: " ")
            let chinese = (0..<20).map { (i: Int) -> String in
                let first: Character = han[(n + i * 5) % han.count], second: Character = han[(n * 3 + i) % han.count]
                return String(first) + String(second)
            }.joined()
            let date = String(format: "2024-%02d-%02d", 12 - n / 28, 28 - n % 28)
            files["Content/articles/a\(n)/en.md"] = FixtureSite.article(title: "Report \(n) on route r\(n)q", date: date, body: words)
            files["Content/articles/a\(n)/zh.md"] = FixtureSite.article(title: "第\(n)号报道 线路r\(n)q", date: date, body: chinese)
        }
        return try FixtureSite(files: files)
    }

    @Test("every document is found by each of its title terms, and its entry links to it")
    func roundTrip() throws {
        let site = try Self.largeSite()
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        for language in ["en", "zh"] {
            let reader = Reader(files: output.files, folder: SearchIndex.folder(language))
            let meta = try #require(try reader.json("meta.json") as? [String: Int])
            #expect(meta["shards"]! > 1, "a site this size is split into shards")
            #expect(meta["documents"] == 120)
            for id in 0..<meta["documents"]! {
                let entry = try reader.document(id)
                for term in SearchTokenizer.terms(entry[0], for: .index) {
                    #expect(try reader.search(term).contains(id), "\(language) `\(entry[0])` not found by `\(term)`")
                }
                // From `<lang>/search/`, two folders up is the site's root.
                #expect(entry[1].hasPrefix("../../\(language)/articles/"))
                #expect(output.files[String(entry[1].dropFirst(6))] != nil, "\(entry[1]) leads nowhere")
            }
            // A term of one title finds that story alone.
            let hits = try reader.search("r57q")
            #expect(hits.count == 1)
            #expect(try reader.document(hits[0])[0].contains("57"))
        }
    }

    @Test("title matches come before body matches, then the newest first")
    func ranking() throws {
        var files = FixtureSite.minimal()
        files["Content/articles/old-title/en.md"] = FixtureSite.article(title: "Khorgos record", date: "2023-01-01", body: "Trains.")
        files["Content/articles/new-body/en.md"] = FixtureSite.article(title: "Rail news", date: "2024-06-01", body: "Trains via Khorgos.")
        files["Content/articles/newer-body/en.md"] = FixtureSite.article(title: "More rail news", date: "2024-07-01", body: "Khorgos again.")
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let reader = Reader(files: output.files, folder: SearchIndex.folder("en"))
        let titles = try reader.search("khorgos").map { try reader.document($0)[0] }
        #expect(titles == ["Khorgos record", "More rail news", "Rail news"])
        #expect(try reader.search("khorgos trains").map { try reader.document($0)[0] } == ["Khorgos record", "Rail news"])
        #expect(try reader.search("nowhere").isEmpty)
    }

    @Test("editing one article rewrites only the shards of its terms and its chunk, and equals a clean build")
    func incremental() throws {
        let site = try Self.largeSite()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let folder = site.outputPath + "/" + SearchIndex.folder("en")
        let before = site.snapshot(of: folder)
        let inodes = try Self.inodes(folder)
        let oldBody = (0..<30).map { (i: Int) -> String in "w\((5 * 7 + i * 13) % 997)x" }.joined(separator: " ")
        let newBody = oldBody.replacingOccurrences(of: "w35x", with: "freshword")
        try site.write("Content/articles/a5/en.md", FixtureSite.article(title: "Report 5 on route r5q", date: "2024-12-23", body: newBody))
        let (result, report) = try site.buildAndWrite()
        #expect(report != nil, "\(SiteAssertions.printed(result))")
        let after = site.snapshot(of: folder)
        let changed = Set(after.keys.filter { after[$0] != before[$0] }).union(before.keys.filter { after[$0] == nil })
        let meta = try #require(try JSONSerialization.jsonObject(with: after["meta.json"]!) as? [String: Int])
        func shard(_ term: String) -> String { "t/" + String(SearchIndex.hash(term) & UInt32(meta["shards"]! - 1), radix: 16) + ".json" }
        let reader = Reader(files: after.mapValues { [UInt8]($0) }, folder: "")
        let id = try #require(try reader.search("r5q").first)
        // The word left the article (its shard), a new one came (its shard), the excerpt
        // changed (the article's chunk of the document table); nothing else.
        #expect(changed == [shard("w35x"), shard("freshword"), "d/\(id / meta["chunk"]!).json"], "changed: \(changed.sorted())")
        #expect(try reader.search("freshword") == [id])
        #expect(try !reader.search("w35x").contains(id))
        // Files whose bytes did not change were not written again (same inode, not replaced).
        let inodesAfter = try Self.inodes(folder)
        for path in before.keys where !changed.contains(path) {
            #expect(inodes[path] == inodesAfter[path], "\(path) was rewritten with the same bytes")
        }
        // And the whole index equals a clean build's, byte for byte.
        let clean = site.root.appendingPathComponent("Clean").path
        try site.buildAndWrite(output: clean)
        #expect(site.snapshot(of: clean + "/" + SearchIndex.folder("en")) == after)
        #expect(site.snapshot(of: clean + "/" + SearchIndex.folder("zh")) == site.snapshot(of: site.outputPath + "/" + SearchIndex.folder("zh")))
    }

    @Test("one-shot builds update the index from the state folder; a file missing from the index, or a state that does not match, means a full cut")
    func incrementalAcrossRuns() throws {
        let site = try Self.largeSite()
        defer { site.cleanUp() }
        try site.buildAndWrite()
        let folder = site.outputPath + "/" + SearchIndex.folder("en")
        let state = StateFolder(source: site.root.path, output: SiteWriter.absolute(site.outputPath))
        let stored = state.readSearch()
        #expect(Set(stored.languages.keys) == ["en", "zh"])
        #expect(stored.states(matching: state.readManifest()).count == 2, "the state matches the folder it was written with")
        func edit(_ number: Int) throws {
            try site.write("Content/articles/a5/en.md", FixtureSite.article(title: "Report 5 on route r5q", date: "2024-12-23", body: "edit\(number) w35x"))
            let (result, report) = try site.buildAndWrite()
            #expect(report != nil, "\(SiteAssertions.printed(result))")
            let clean = site.root.appendingPathComponent("Clean\(number)").path
            try site.buildAndWrite(output: clean)
            for language in ["en", "zh"] {
                #expect(site.snapshot(of: clean + "/" + SearchIndex.folder(language)) == site.snapshot(of: site.outputPath + "/" + SearchIndex.folder(language)),
                        "edit \(number): the \(language) index differs from a clean build's")
            }
        }
        // A chunk the edit does not reach, deleted by hand, comes back.
        try FileManager.default.removeItem(atPath: folder + "d/7.json")
        try edit(1)
        #expect(FileManager.default.fileExists(atPath: folder + "d/7.json"))
        // A state of another format, or one the manifest no longer matches, is not trusted.
        try Data("caravan search state 0\n".utf8).write(to: URL(fileURLWithPath: state.path + "/search"))
        try edit(2)
        var manifest = state.readManifest()
        manifest.entries[SearchIndex.folder("en") + "meta.json"]?.hash ^= 1
        #expect(state.readSearch().states(matching: manifest).keys.sorted() == ["zh"])
    }

    @Test("a long-lived builder (serve) re-cuts only the files a body edit reaches, and equals a clean build after each edit")
    func incrementalInMemory() throws {
        let site = try Self.largeSite()
        defer { site.cleanUp() }
        let builder = SiteBuilder(options: BuildOptions(source: site.root.path))
        let first = try #require(builder.build().output)
        let folder = SearchIndex.folder("en")
        let oldBody = (0..<30).map { (i: Int) -> String in "w\((5 * 7 + i * 13) % 997)x" }.joined(separator: " ")
        // A word only this story has comes and goes, a shared one goes, Chinese text grows.
        let edits: [(path: String, text: String)] = [
            ("Content/articles/a5/en.md", FixtureSite.article(title: "Report 5 on route r5q", date: "2024-12-23",
                                                              body: oldBody.replacingOccurrences(of: "w35x", with: "freshword"))),
            ("Content/articles/a5/en.md", FixtureSite.article(title: "Report 5 on route r5q", date: "2024-12-23", body: oldBody)),
            ("Content/articles/a7/zh.md", FixtureSite.article(title: "第7号报道 线路r7q", date: "2024-12-21", body: "霍尔果斯口岸。新的一段。")),
            ("Content/articles/a9/en.md", FixtureSite.article(title: "Report 9 on route r9q", date: "2024-12-19", body: "Short note.")),
        ]
        var previous = first.files
        for (number, edit) in edits.enumerated() {
            try site.write(edit.path, edit.text)
            let output = try #require(builder.build().output, "edit \(number)")
            let clean = try #require(SiteBuilder(options: BuildOptions(source: site.root.path)).build().output)
            for language in ["en", "zh"] {
                let prefix = SearchIndex.folder(language)
                // In memory, `files` holds the whole site; what this build cut is what it did not keep.
                let cut = output.files.keys.filter { $0.hasPrefix(prefix) && !output.keptFiles.contains($0) }
                #expect(!output.keptFiles.filter { $0.hasPrefix(prefix) }.isEmpty, "edit \(number): the rest of the index is kept")
                #expect(cut.allSatisfy { previous[$0] != output.files[$0] }, "edit \(number): only files whose bytes change are cut again")
                #expect(cut.count <= 5, "edit \(number) cut \(cut.sorted())")
                let paths = Set(clean.files.keys).union(output.files.keys).filter { $0.hasPrefix(prefix) }
                let differing = paths.filter { clean.files[$0] != output.files[$0] }
                #expect(differing.isEmpty, "edit \(number): the \(language) index differs from a clean build's in \(differing.sorted())")
            }
            #expect(Set(clean.files.keys) == Set(output.files.keys), "edit \(number): the same files as a clean build")
            previous = output.files
        }
        #expect(previous[folder + "meta.json"] == first.files[folder + "meta.json"])
    }

    static func inodes(_ folder: String) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let base = URL(fileURLWithPath: folder)
        for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)! {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if attributes[.type] as? FileAttributeType == .typeRegular {
                result[String(url.path.dropFirst(base.path.count + 1))] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
            }
        }
        return result
    }

    @Test("the search page: a plain GET form, the script, links to tags and corridors, the other language suggested; in the header")
    func searchPage() throws {
        let site = try FixtureSite(files: PageGoldenTests.source())
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let page = try #require(output.text("zh/search/index.html"))
        #expect(page.contains("<form class=\"search-form\" id=\"search-form\" role=\"search\" action=\".\" method=\"get\">"))
        #expect(page.contains("<input id=\"search-q\" name=\"q\" type=\"search\""))
        #expect(page.contains("<script src=\"../../search.js\" defer></script>"))
        #expect(page.contains("data-index=\"data/\""))
        #expect(page.contains("data-other=\"../../en/search/index.html\" data-other-lang=\"en\""))
        #expect(page.contains("<a href=\"../../zh/tags/index.html\">全部标签</a>、<a href=\"../../zh/corridors/index.html\">全部通道</a>"))
        #expect(output.files["search.js"] != nil)
        let home = try #require(output.text("en/index.html"))
        #expect(home.contains("<li><a href=\"../en/search/index.html\">Search</a></li>"), "the header links the search page")
    }

    @Test("--no-search and `search: false` leave out the page, the index, the script and the header link")
    func noSearch() throws {
        let site = try FixtureSite(files: PageGoldenTests.source())
        defer { site.cleanUp() }
        let off = try #require(SiteBuilder(options: BuildOptions(source: site.root.path, includeSearch: false)).build().output)
        #expect(!off.files.keys.contains { $0.contains("search") }, "\(off.files.keys.filter { $0.contains("search") })")
        #expect(!(off.text("en/index.html") ?? "").contains("search/index.html"))
        var files = PageGoldenTests.source()
        files["Content/site.yaml"] = (files["Content/site.yaml"] ?? "") + "search: false\n"
        let configured = try FixtureSite(files: files)
        defer { configured.cleanUp() }
        let output = try #require(configured.build().output, "\(SiteAssertions.printed(configured.build()))")
        #expect(!output.files.keys.contains { $0.contains("search") })
    }
}

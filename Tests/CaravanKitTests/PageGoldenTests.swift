import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The whole output of a small bilingual site, built with the shipped templates, compared
/// byte for byte with the files under `Fixtures/golden-site/`. Any change to what pages say
/// or how they are laid out shows here as a diff to review; `make golden` rewrites the files
/// after an intended change.
@Suite struct PageGoldenTests {
    static let expectedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden-site")

    /// Two articles and a page in both languages, tags, corridors with places and figures
    /// (one reported by an article, so its page lists it and the statistics page links it).
    static func source() -> [String: String] {
        var files = FixtureSite.minimal()
        files["Content/data/tags.yaml"] = FixtureSite.sampleTags
        // Khorgos with its position, so the western corridor's page draws its map.
        files["Content/data/corridors.yaml"] = FixtureSite.sampleCorridorsWithKhorgos
            .replacingOccurrences(of: "    corridors: [western]\n", with: "    corridors: [western]\n    lat: 44.2\n    lon: 80.4\n")
        let khorgos = "tags: [rail, customs]\ncorridors: [western]\nsummary: \"%@\"\nauthor: \"%@\"\n"
        files["Content/articles/khorgos/zh.md"] = FixtureSite.article(
            title: "霍尔果斯口岸班列 <创> 新高", extra: String(format: khorgos, "一季度进出境班列增长。", "李伟"),
            body: "## 口岸\n\n霍尔果斯铁路口岸。\n\n| 月份 | 班列 |\n| --- | --- |\n| 1 | 600 |\n")
        files["Content/articles/khorgos/en.md"] = FixtureSite.article(
            title: "Khorgos trains & a <record>", extra: String(format: khorgos, "More trains in the first quarter.", "Li Wei"),
            body: "## The port\n\nThe rail port at [Khorgos](@/articles/belarus).\n\n| Month | Trains |\n| --- | --- |\n| 1 | 600 |\n")
        files["Content/articles/belarus/zh.md"] = FixtureSite.article(title: "白俄罗斯", date: "2023-05-17", extra: "tags: [rail]\n")
        files["Content/articles/belarus/en.md"] = FixtureSite.article(title: "Belarus", date: "2023-05-17", extra: "tags: [rail]\n")
        // Bilingual views: khorgos lines up block by block, diverging does not; solo has none.
        files["Content/articles/diverging/zh.md"] = FixtureSite.article(
            title: "分段不同", date: "2023-03-01", body: "甲。\n\n乙。\n\n## 二\n\n丙。\n")
        files["Content/articles/diverging/en.md"] = FixtureSite.article(
            title: "Paragraphs differ", date: "2023-03-01", body: "A and B.\n\n## Two\n\nC.\n")
        files["Content/articles/solo/en.md"] = FixtureSite.article(title: "Only in English", date: "2023-02-01")
        files["Content/pages/about/zh.md"] = FixtureSite.article(title: "关于", body: "关于本站。")
        files["Content/pages/about/en.md"] = FixtureSite.article(title: "About", body: "About this site.")
        return files
    }

    @Test("the site's pages, feeds and sitemap are byte-identical to Fixtures/golden-site (`make golden` rewrites it)")
    func wholeSite() throws {
        let site = try FixtureSite(files: Self.source())
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        // What Caravan writes; the files copied from Public/ (stylesheet, icons) are not its output.
        let built = output.files.filter { [".html", ".xml", ".txt", ".json"].contains(where: $0.key.hasSuffix) }
        if ProcessInfo.processInfo.environment["CARAVAN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.expectedFolder)
            for (path, bytes) in built {
                let file = Self.expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
            return
        }
        let expected = Set(FileManager.default.enumerator(atPath: Self.expectedFolder.path)?.compactMap { path -> String? in
            guard let path = path as? String else { return nil }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: Self.expectedFolder.appendingPathComponent(path).path, isDirectory: &isFolder)
            return isFolder.boolValue ? nil : path
        } ?? [])
        #expect(!expected.isEmpty, "no golden files: run `make golden`")
        #expect(Set(built.keys) == expected, "pages added: \(Set(built.keys).subtracting(expected).sorted()), gone: \(expected.subtracting(built.keys).sorted())")
        for path in built.keys.sorted() where expected.contains(path) {
            let golden = try Data(contentsOf: Self.expectedFolder.appendingPathComponent(path))
            let page = String(decoding: built[path]!, as: UTF8.self)
            #expect(Data(built[path]!) == golden, "\(path) differs from the golden file: \(Self.firstDifference(page, String(decoding: golden, as: UTF8.self)))")
        }
    }

    /// The first line that differs, for a readable failure.
    static func firstDifference(_ built: String, _ golden: String) -> String {
        let a = built.split(separator: "\n", omittingEmptySubsequences: false)
        let b = golden.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "(end)"
            let right = index < b.count ? String(b[index]) : "(end)"
            if left != right { return "line \(index + 1): built `\(left)`, golden `\(right)`" }
        }
        return "same lines"
    }
}

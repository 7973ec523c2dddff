import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

@Suite struct MistakeCatalogueTests {
    static let tags = "tags:\n  - {id: rail, name: {zh: 铁路, en: Rail}}\n  - {id: customs, name: {zh: 海关, en: Customs}}\n"
    static let corridors = """
        corridors:
          - id: western
            name: {en: Western route, zh: 西通道}
          - id: central
            name: {en: Central route, zh: 中通道}
        nodes:
          - id: khorgos
            name: {en: Khorgos, zh: 霍尔果斯}
            kind: rail-port
            country: CN
            corridors: [western]
        figures:
          - id: khorgos-trains
            metric: {en: Trains in and out, zh: 进出境班列}
            value: 2485
            unit: trains
            period: 2023-01..2023-04
            node: khorgos
            source: khorgos

        """
    static func site(_ files: [String: String]) throws -> FixtureSite {
        var all = FixtureSite.minimal()
        all["Content/data/tags.yaml"] = tags
        all["Content/data/corridors.yaml"] = corridors
        all["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯口岸")
        all["Content/articles/khorgos/en.md"] = FixtureSite.article(title: "Khorgos gateway")
        all["Content/pages/about/zh.md"] = FixtureSite.article(title: "关于")
        all["Content/pages/about/en.md"] = FixtureSite.article(title: "About")
        all.merge(files) { _, new in new }
        return try FixtureSite(files: all)
    }

    static func dump(_ name: String, _ files: [String: String], extra: (FixtureSite) throws -> Void = { _ in }) throws {
        let site = try site(files)
        try extra(site)
        let result = site.build()
        let text = "succeeded=\(result.succeeded)\n" + SiteAssertions.printed(result) + "\n"
        try text.write(toFile: "/tmp/mistakes/\(name).txt", atomically: true, encoding: .utf8)
        site.cleanUp()
    }

    @Test func explore() throws {
        let en = "Content/articles/khorgos/en.md"
        try Self.dump("01-yaml", [en: "---\ntitle: \"Khorgos: 10 000 trains\ndate: 2024-01-25\n---\nText.\n"])
        try Self.dump("02-title", [en: "---\ndate: 2024-01-25\n---\nText.\n"])
        try Self.dump("03-titel", [en: "---\ntitel: \"Khorgos gateway\"\ndate: 2024-01-25\n---\nText.\n"])
        try Self.dump("04-date", [en: "---\ntitle: \"Khorgos gateway\"\ndate: 25/01/2024\n---\nText.\n"])
        try Self.dump("05-onelang", ["Content/articles/solo/zh.md": FixtureSite.article(title: "仅有中文")])
        try Self.dump("06-tag", [en: FixtureSite.article(title: "Khorgos gateway", extra: "tags: [rial]\ncorridors: [westren]\n")])
        try Self.dump("07-link", [en: FixtureSite.article(title: "Khorgos gateway"), "Content/articles/other/en.md": FixtureSite.article(title: "Other", body: "See [x](@/articles/khorgoss)."), "Content/articles/other/zh.md": FixtureSite.article(title: "其他")])
        try Self.dump("08-alt", [en: FixtureSite.article(title: "Khorgos gateway", body: "Intro.\n\n![](map.png)\n"), "Content/articles/khorgos/map.png": "png"])
        try Self.dump("09a-slug", ["Content/articles/Khorgos Trains/en.md": FixtureSite.article(title: "Trains"), "Content/articles/Khorgos Trains/zh.md": FixtureSite.article(title: "班列")])
        try Self.dump("09b-slug", ["Content/articles/中欧班列/en.md": FixtureSite.article(title: "Trains"), "Content/articles/中欧班列/zh.md": FixtureSite.article(title: "班列")])
        try Self.dump("10-partial", ["Templates/page.mustache": "{{<layout}}\n{{$content}}\n{{> partials/sidebar}}\n{{/content}}\n{{/layout}}\n"])
        try Self.dump("11a-page", ["Content/data/corridors.yaml": Self.corridors.replacingOccurrences(of: "source: khorgos", with: "source: about")])
        try Self.dump("x-stats", ["Content/pages/stats/zh.md": FixtureSite.article(title: "统计页"), "Content/pages/stats/en.md": FixtureSite.article(title: "Stats page")])
        try Self.dump("x-articles", ["Content/pages/articles/zh.md": FixtureSite.article(title: "文章页"), "Content/pages/articles/en.md": FixtureSite.article(title: "Articles page")])
        try Self.dump("x-feedxml", ["Content/pages/page/zh.md": FixtureSite.article(title: "页"), "Content/pages/page/en.md": FixtureSite.article(title: "Page page")])
        try Self.dump("11b-typo", ["Content/data/corridors.yaml": Self.corridors.replacingOccurrences(of: "source: khorgos", with: "source: khorgoss")])
    }
}

import CaravanKit
import CaravanTestSupport
import Foundation
import FoundationXML
import Testing

/// The corridor data file: validated with file lines, rendered as statistics and corridor pages.
@Suite struct CorridorDataTests {
    static let data = """
        corridors:
          - id: western
            name: {en: Western route, zh: 西通道}
          - id: china-laos
            name: {en: China–Laos Railway, zh: 中老铁路}
        nodes:
          - id: alashankou
            name: {en: Alashankou, zh: 阿拉山口}
            kind: rail-port
            country: CN
            corridors: [western]
          - id: khorgos
            name: {en: Khorgos, zh: 霍尔果斯}
            kind: rail-port
            country: CN
            corridors: [western]
          - id: vientiane
            name: {en: Vientiane, zh: 万象}
            kind: city
            country: LA
            corridors: [china-laos]
        figures:
          - id: alashankou-trains
            metric: {en: Trains in and out, zh: 进出境班列}
            value: 2129
            unit: trains
            period: 2023-01..2023-04
            change: 12.82
            node: alashankou
            source: ports
          - id: khorgos-trains
            metric: {en: Trains in and out, zh: 进出境班列}
            value: 2485
            unit: trains
            period: 2023-01..2023-04
            change: 14.8
            node: khorgos
            source: ports
          - id: khorgos-since-2012
            metric: {en: Trains through Khorgos, zh: 经霍尔果斯班列}
            value: 10000
            qualifier: more-than
            unit: trains
            period: since 2012
            node: khorgos
            source: ports
          - id: laos-daily
            metric: {en: Freight trains a day, zh: 每日货运列车}
            value: 12
            before: {value: 2}
            unit: trains-per-day
            period: 2023-07
            corridor: china-laos
            source: laos
          - id: laos-trade
            metric: {en: Trade, zh: 贸易额}
            value: 1.5
            scale: billion
            unit: USD
            period: 2023
            corridor: china-laos
            source: laos

        """

    static func site(data: String = data) throws -> FixtureSite {
        var files = FixtureSite.minimal()
        files["Content/data/corridors.yaml"] = data
        files["Content/articles/ports/zh.md"] = FixtureSite.article(title: "口岸", extra: "corridors: [western]\n")
        files["Content/articles/ports/en.md"] = FixtureSite.article(title: "Ports", extra: "corridors: [western]\n")
        files["Content/articles/laos/zh.md"] = FixtureSite.article(title: "中老铁路", date: "2023-07-24", extra: "corridors: [china-laos]\n")
        return try FixtureSite(files: files)
    }

    @Test("stats and corridor pages exist in both languages, figures localized, sources in the reader's language")
    func pages() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        let zh = try #require(output.text("zh/stats/index.html"))
        let en = try #require(output.text("en/stats/index.html"))
        #expect(zh.contains("<td class=\"number\" data-label=\"数值\">2129列</td>") && zh.contains("+12.82%") && zh.contains("2023年1—4月"))
        #expect(en.contains("<td class=\"number\" data-label=\"Value\">2,129 trains</td>") && en.contains("January–April 2023"))
        #expect(en.contains("more than 10,000 trains") && zh.contains("超过1万列") && zh.contains("2012年以来"))
        #expect(zh.contains("15亿美元") && en.contains("USD 1.5 billion"))
        // Each source link goes to the article in the page's language…
        #expect(zh.contains("<a href=\"../../zh/articles/ports/index.html\">口岸</a>"))
        #expect(en.contains("<a href=\"../../en/articles/ports/index.html\">Ports</a>"))
        // …or, when that translation is missing, to the other language, marked as such.
        #expect(en.contains("<a href=\"../../zh/articles/laos/index.html\" hreflang=\"zh-Hans\">中老铁路</a> <span class=\"note\">(in 中文)</span>"))
        for language in ["zh", "en"] {
            for corridor in ["western", "china-laos"] {
                #expect(output.files["\(language)/corridors/\(corridor)/index.html"] != nil)
            }
            #expect(output.text("\(language)/index.html")!.contains("stats/index.html"), "navigation links the stats page")
        }
        let western = try #require(output.text("en/corridors/western/index.html"))
        #expect(western.contains("Alashankou") && western.contains("Khorgos") && !western.contains("Vientiane"))
        #expect(western.contains("../../../en/articles/ports/index.html"), "the corridor lists its articles")
        // The reporting article links its corridor and shows its figures, linked to the stats page.
        let article = try #require(output.text("en/articles/ports/index.html"))
        #expect(article.contains("<a href=\"../../../en/corridors/western/index.html\">Western route</a>"))
        #expect(article.contains("<a href=\"../../../en/stats/index.html#figure-alashankou-trains\">"))
        #expect(SiteAssertions.brokenRelativeLinks(in: output) == [])
    }

    @Test("charts are well-formed SVG with one bar per figure and localized labels")
    func charts() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let zh = try #require(output.text("zh/stats/index.html"))
        let svgs = zh.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count == 2, "a comparison chart and a before/after chart")
        for svg in svgs {
            let document = try XMLDocument(xmlString: svg)
            #expect(document.rootElement()?.name == "svg")
            #expect(try document.nodes(forXPath: "//*[local-name()='title']").count == 1)
            #expect(try document.nodes(forXPath: "//*[local-name()='desc']").count == 1)
        }
        let comparison = try XMLDocument(xmlString: svgs[0])
        #expect(try comparison.nodes(forXPath: "//*[local-name()='rect'][@class='chart-bar']").count == 2)
        let labels = try comparison.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(labels == ["阿拉山口", "2129列", "霍尔果斯", "2485列"])
        let change = try XMLDocument(xmlString: svgs[1])
        let changeLabels = try change.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(changeLabels == ["此前", "每天2列", "2023年7月", "每天12列"])
        // The same figures as a table beside the chart.
        #expect(zh.contains("<tr><th scope=\"row\">阿拉山口</th><td>2129列</td></tr>"))
    }

    /// Builds with `data` and returns the diagnostic about the data file that contains `text`.
    func error(_ data: String, _ text: String, sourceLevel: Bool = false) throws -> Diagnostic {
        let site = try Self.site(data: data)
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.output == nil)
        return try #require(result.diagnostics.first { $0.message.contains(text) }, "\(SiteAssertions.printed(result))")
    }

    @Test("unknown corridor, node or source get a did-you-mean at their line")
    func unknownReferences() throws {
        let corridor = try error(Self.data.replacingOccurrences(of: "corridor: china-laos\n    source: laos\n  - id: laos-trade",
                                                                  with: "corridor: china-lao\n    source: laos\n  - id: laos-trade"), "unknown corridor `china-lao`")
        #expect(corridor.file == "Content/data/corridors.yaml" && corridor.line == 53 && corridor.column == 15)
        #expect(corridor.hint?.contains("did you mean `china-laos`?") == true)
        let node = try error(Self.data.replacingOccurrences(of: "node: alashankou\n    source", with: "node: alashankoo\n    source"), "unknown node `alashankoo`")
        #expect(node.line == 29 && node.column == 11 && node.hint?.contains("did you mean `alashankou`?") == true)
        let source = try error(Self.data.replacingOccurrences(of: "source: laos\n  - id: laos-trade", with: "source: lao\n  - id: laos-trade"), "the source `lao`")
        #expect(source.line == 54 && source.hint?.contains("did you mean `laos`?") == true)
    }

    @Test("an article's corridors are checked against the data")
    func articleCorridors() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        try site.write("Content/articles/ports/en.md", FixtureSite.article(title: "Ports", extra: "corridors: [westren]\n"))
        let result = site.build()
        let error = try #require(result.diagnostics.first { $0.message.contains("unknown corridor `westren`") })
        #expect(error.file == "Content/articles/ports/en.md" && error.line == 4 && error.column == 13)
        #expect(error.hint?.contains("did you mean `western`?") == true)
    }

    @Test("duplicate ids name both lines")
    func duplicateIDs() throws {
        let duplicate = Self.data.replacingOccurrences(of: "- id: khorgos-trains", with: "- id: alashankou-trains")
        let error = try error(duplicate, "figure id `alashankou-trains` is used twice")
        #expect(error.message.contains("on lines 23 and 31") && error.line == 31)
    }

    @Test("bad values get a hint showing the right form", arguments: [
        ("value: 2129\n    unit: trains\n    period: 2023-01..2023-04\n    change: 12.82", "value: 2,129\n    unit: trains\n    period: 2023-01..2023-04\n    change: 12.82", "`value` must be a number, found `2,129`", 25),
        ("change: 12.82", "change: twelve", "`change` must be a number", 28),
        ("    value: 2129\n    unit: trains\n", "    value: 2129\n", "missing required key `unit`", 23),
        ("period: 2023-01..2023-04\n    change: 12.82", "period: Jan-Apr 2023\n    change: 12.82", "is not a period I can read", 27),
        ("period: 2023-01..2023-04\n    change: 12.82", "period: 2023-04..2023-01\n    change: 12.82", "ends before it starts", 27),
        ("value: 12\n    before", "qualifier: range\n    low: 12\n    high: 2\n    before", "is above its `high`", 50),
        ("unit: trains-per-day", "unit: trains-a-day", "unknown unit `trains-a-day`", 51),
    ])
    func badValues(original: String, replacement: String, message: String, line: Int) throws {
        #expect(Self.data.contains(original))
        let error = try error(Self.data.replacingOccurrences(of: original, with: replacement), message)
        #expect(error.file == "Content/data/corridors.yaml")
        #expect(error.line == line)
        #expect(error.hint != nil)
    }
}

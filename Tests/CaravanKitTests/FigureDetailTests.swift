import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Two figures of one metric (exports and imports of one trade) say which is which wherever
/// the metric shows; a figure alone with its metric needs no such word.
@Suite struct FigureDetailTests {
    @Test("figures sharing a metric carry their label as a detail in the tables and the article's list")
    func sharedMetricDetail() throws {
        var files = PageGoldenTests.source()
        files["Content/data/corridors.yaml"] = FixtureSite.sampleCorridorsWithKhorgos + """
              - id: exports
                metric: {en: "Trade with Russia, by direction", zh: "对俄贸易（分进出口）"}
                label: {en: "Exports", zh: "出口"}
                value: 67.34
                unit: USD
                scale: billion
                period: 2022-01..2022-11
                corridor: western
                source: khorgos
              - id: imports
                metric: {en: "Trade with Russia, by direction", zh: "对俄贸易（分进出口）"}
                label: {en: "Imports", zh: "进口"}
                value: 105.07
                unit: USD
                scale: billion
                period: 2022-01..2022-11
                corridor: western
                source: khorgos

            """
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        let stats = try #require(output.text("zh/stats/index.html"))
        #expect(stats.contains("<td>对俄贸易（分进出口）<br><span class=\"detail\">出口</span></td>"))
        #expect(stats.contains("<td>对俄贸易（分进出口）<br><span class=\"detail\">进口</span></td>"))
        #expect(stats.contains("<td>进出境班列<br><span class=\"place\">"), "a metric of its own has no detail")
        let article = try #require(output.text("en/articles/khorgos/index.html"))
        #expect(article.contains("Trade with Russia, by direction (Exports)</a>"))
        #expect(article.contains("Trade with Russia, by direction (Imports)</a>"))
    }
}

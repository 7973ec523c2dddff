@testable import CaravanKit
import Foundation
import Testing

/// Chart text is never cut off: the picture is as wide as its longest label and its
/// longest value beside the longest bar, and it scales as a whole on narrow screens.
@Suite struct BarChartTests {
    /// Every `<text>` of the SVG with where it starts, and the viewBox's width.
    static func texts(_ svg: String) -> (width: Double, texts: [(x: Double, text: String)]) {
        let width = Double(svg.firstMatch(of: /viewBox="0 0 (\d+) \d+"/).map { String($0.1) } ?? "0") ?? 0
        let texts = svg.matches(of: /<text class="chart-(?:label|value)" x="([\d.]+)" y="[\d.]+">([^<]*)<\/text>/).map {
            (Double(String($0.1)) ?? 0, LinkCheck.decodeEntities(String($0.2)))
        }
        return (width, texts)
    }

    @Test("every label and value fits inside the picture, Chinese or English, short or long", arguments: [
        ["中欧班列（成渝）累计开行", "此前"],
        ["China's goods trade with Russia, by direction (exports)", "before"],
        ["A", "B"],
    ])
    func textFits(_ labels: [String]) {
        let chart = BarChart(id: "c", title: "t", description: "d", bars: [
            .init(label: labels[0], valueText: "USD 105.07 billion", low: 105.07, high: 105.07),
            .init(label: labels[1], valueText: "more than 4 days", low: 4, high: 4, bound: .atLeast),
            .init(label: "2–3", valueText: "每天2—3列", low: 2, high: 3),
        ])
        let (width, texts) = Self.texts(chart.svg)
        #expect(texts.count == 6)
        #expect(width >= BarChart.minimumWidth)
        for (x, text) in texts {
            #expect(x + BarChart.estimatedWidth(text) <= width, "`\(text)` at \(x) ends past \(width)")
        }
    }

    @Test("width estimates: a Han character is an em, Latin text less, capitals and digits more than small letters")
    func estimates() {
        #expect(BarChart.estimatedWidth("中欧班列") == 4 * BarChart.fontSize)
        #expect(BarChart.estimatedWidth("（）") == 2 * BarChart.fontSize, "full-width brackets")
        #expect(BarChart.estimatedWidth("USD 105.07 billion") > 130, "wider than the old fixed column that cut it off")
        #expect(BarChart.estimatedWidth("MW") > BarChart.estimatedWidth("ii"))
    }

    @Test("bounds are drawn as bounds: a lower bound runs on open-ended, an upper bound is light up to a mark")
    func bounds() {
        let chart = BarChart(id: "c", title: "t", description: "d", bars: [
            .init(label: "before", valueText: "more than 4 days", low: 4, high: 4, bound: .atLeast),
            .init(label: "after", valueText: "less than 1 day", low: 1, high: 1, bound: .atMost),
        ])
        let svg = chart.svg
        let groups = svg.split(separator: "<g class=\"bar\">").dropFirst().map(String.init)
        #expect(groups.count == 2)
        #expect(groups[0].contains("<rect class=\"chart-bar\"") && groups[0].contains("<path class=\"chart-bar-beyond\" d=\"M230 42h24\"/>"))
        #expect(groups[0].contains("<text class=\"chart-value\" x=\"262\""), "the value starts after the open end")
        #expect(!groups[1].contains("<rect class=\"chart-bar\""), "an upper bound has no solid bar")
        #expect(groups[1].contains("<rect class=\"chart-bar-range\"") && groups[1].contains("<rect class=\"chart-bar-limit\""))
        let (width, texts) = Self.texts(svg)
        for (x, text) in texts { #expect(x + BarChart.estimatedWidth(text) <= width) }
    }
}

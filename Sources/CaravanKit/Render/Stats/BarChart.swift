/// A horizontal bar chart as inline SVG, drawn at build time: no script, no other host.
///
/// Each bar carries its value as text, the chart has a `<title>` and `<desc>` for screen
/// readers, and the page shows the same figures in a table beside it. A range (2–3) is
/// drawn solid to its low end and lighter to its high end, so the chart claims no more
/// precision than the source.
struct BarChart {
    struct Bar {
        var label: String
        var valueText: String
        var low: Double
        var high: Double
    }

    var id: String
    var title: String
    var description: String
    var bars: [Bar]

    // Labels sit above their bars, so long names (中哈（连云港）物流合作基地) never squeeze
    // the plot, and the chart stays legible when a phone scales it down to 360 px.
    static let width = 360.0
    static let valueWidth = 130.0
    static let rowHeight = 52.0
    static let top = 8.0

    var svg: String {
        let maximum = max(bars.map(\.high).max() ?? 1, .leastNonzeroMagnitude)
        let plotWidth = Self.width - Self.valueWidth
        let height = Self.top * 2 + Double(bars.count) * Self.rowHeight
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(HTMLEscaping.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLEscaping.escape(description))</desc>"
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            let lowWidth = max(2, plotWidth * bar.low / maximum)
            let highWidth = max(lowWidth, plotWidth * bar.high / maximum)
            let barTop = y + 24
            let barHeight = 20.0
            svg += "<g class=\"bar\">"
            svg += "<text class=\"chart-label\" x=\"0\" y=\"\(Self.format(y + 16))\">\(HTMLEscaping.escape(bar.label))</text>"
            if highWidth > lowWidth {
                svg += "<rect class=\"chart-bar-range\" x=\"0\" y=\"\(Self.format(barTop))\" width=\"\(Self.format(highWidth))\" height=\"\(Self.format(barHeight))\"/>"
            }
            svg += "<rect class=\"chart-bar\" x=\"0\" y=\"\(Self.format(barTop))\" width=\"\(Self.format(lowWidth))\" height=\"\(Self.format(barHeight))\"/>"
            svg += "<text class=\"chart-value\" x=\"\(Self.format(highWidth + 8))\" y=\"\(Self.format(barTop + 15))\">\(HTMLEscaping.escape(bar.valueText))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String {
        FigureFormatter.fixed(value, places: 1, separator: "")
    }
}

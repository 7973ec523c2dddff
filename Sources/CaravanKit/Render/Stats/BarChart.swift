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

    static let width = 640.0
    static let labelWidth = 200.0
    static let valueWidth = 170.0
    static let rowHeight = 40.0
    static let top = 12.0

    var svg: String {
        let maximum = max(bars.map(\.high).max() ?? 1, .leastNonzeroMagnitude)
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth - 16
        let height = Self.top * 2 + Double(bars.count) * Self.rowHeight
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(HTMLEscaping.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLEscaping.escape(description))</desc>"
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            let lowWidth = max(2, plotWidth * bar.low / maximum)
            let highWidth = max(lowWidth, plotWidth * bar.high / maximum)
            let middle = y + Self.rowHeight / 2
            svg += "<g class=\"bar\">"
            svg += "<text class=\"chart-label\" x=\"\(Self.format(Self.labelWidth - 8))\" y=\"\(Self.format(middle))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLEscaping.escape(bar.label))</text>"
            if highWidth > lowWidth {
                svg += "<rect class=\"chart-bar-range\" x=\"\(Self.format(Self.labelWidth))\" y=\"\(Self.format(y + 8))\" width=\"\(Self.format(highWidth))\" height=\"\(Self.format(Self.rowHeight - 16))\"/>"
            }
            svg += "<rect class=\"chart-bar\" x=\"\(Self.format(Self.labelWidth))\" y=\"\(Self.format(y + 8))\" width=\"\(Self.format(lowWidth))\" height=\"\(Self.format(Self.rowHeight - 16))\"/>"
            svg += "<text class=\"chart-value\" x=\"\(Self.format(Self.labelWidth + highWidth + 8))\" y=\"\(Self.format(middle))\" dominant-baseline=\"middle\">\(HTMLEscaping.escape(bar.valueText))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String {
        FigureFormatter.fixed(value, places: 1, separator: "")
    }
}

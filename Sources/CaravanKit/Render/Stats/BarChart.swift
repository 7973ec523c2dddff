/// A horizontal bar chart as inline SVG, drawn at build time: no script, no other host.
///
/// Each bar carries its value as text, the chart has a `<title>` and `<desc>` for screen
/// readers, and the page shows the same figures in a table beside it. A range (2–3) is
/// drawn solid to its low end and lighter to its high end, so the chart claims no more
/// precision than the source. A bound is drawn as one: "more than 4 days" runs on past its
/// end as a dashed stub, "less than 1 day" is drawn light up to a mark at its limit.
struct BarChart {
    struct Bar {
        var label: String
        var valueText: String
        var low: Double
        var high: Double
        var bound: Bound? = nil
    }

    enum Bound {
        case atLeast, atMost
    }

    var id: String
    var title: String
    var description: String
    var bars: [Bar]

    // Labels sit above their bars, so long names (中哈（连云港）物流合作基地) never squeeze
    // the plot, and the chart stays legible when a phone scales it down to 360 px.
    static let minimumWidth = 360.0
    static let plotWidth = 230.0
    static let valueGap = 8.0
    /// How far a lower bound's bar runs on past its value.
    static let beyond = 24.0
    static let rowHeight = 52.0
    static let top = 8.0
    /// The font size of the chart's text (`.chart text` in style.css), in SVG units.
    static let fontSize = 16.0

    /// The chart's width in SVG units: wide enough for every label and for every value
    /// beside its longest bar, so no text is cut off at any screen width (the whole
    /// picture scales, never crops).
    var width: Double {
        let labels = bars.map { Self.estimatedWidth($0.label) }.max() ?? 0
        let values = bars.map { Self.estimatedWidth($0.valueText) }.max() ?? 0
        return max(Self.minimumWidth, labels + 2, Self.plotWidth + Self.beyond + Self.valueGap + values + 2).rounded(.up)
    }

    /// How wide `text` is drawn, estimated per script without a font at hand: Han, kana,
    /// Hangul and full-width forms take a whole em; capitals and digits are wider than
    /// other Latin letters. Generous on purpose: too wide leaves a margin, too narrow cuts.
    static func estimatedWidth(_ text: String) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20: ems += 0.32
            case 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x7C, 0x69, 0x6C, 0x21: ems += 0.34   // . , : ; ' | i l !
            case 0x41...0x5A, 0x30...0x39, 0x6D, 0x77: ems += 0.72                   // capitals, digits, m, w
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
                 0x20000...0x3FFFD:
                ems += 1.0
            default: ems += 0.62
            }
        }
        return ems * fontSize
    }

    var svg: String {
        let maximum = max(bars.map(\.high).max() ?? 1, .leastNonzeroMagnitude)
        let plotWidth = Self.plotWidth
        let height = Self.top * 2 + Double(bars.count) * Self.rowHeight
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
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
            var valueX = highWidth + Self.valueGap
            switch bar.bound {
            case .atMost:
                // At most this much: light up to a mark at the limit.
                svg += "<rect class=\"chart-bar-range\" x=\"0\" y=\"\(Self.format(barTop))\" width=\"\(Self.format(highWidth))\" height=\"\(Self.format(barHeight))\"/>"
                svg += "<rect class=\"chart-bar-limit\" x=\"\(Self.format(max(0, highWidth - 2)))\" y=\"\(Self.format(barTop - 3))\" width=\"2\" height=\"\(Self.format(barHeight + 6))\"/>"
            case .atLeast:
                // At least this much: solid to the value, then running on, open-ended.
                svg += "<rect class=\"chart-bar\" x=\"0\" y=\"\(Self.format(barTop))\" width=\"\(Self.format(lowWidth))\" height=\"\(Self.format(barHeight))\"/>"
                svg += "<path class=\"chart-bar-beyond\" d=\"M\(Self.format(highWidth)) \(Self.format(barTop + barHeight / 2))h\(Self.format(Self.beyond))\"/>"
                valueX += Self.beyond
            case nil:
                if highWidth > lowWidth {
                    svg += "<rect class=\"chart-bar-range\" x=\"0\" y=\"\(Self.format(barTop))\" width=\"\(Self.format(highWidth))\" height=\"\(Self.format(barHeight))\"/>"
                }
                svg += "<rect class=\"chart-bar\" x=\"0\" y=\"\(Self.format(barTop))\" width=\"\(Self.format(lowWidth))\" height=\"\(Self.format(barHeight))\"/>"
            }
            svg += "<text class=\"chart-value\" x=\"\(Self.format(valueX))\" y=\"\(Self.format(barTop + 15))\">\(HTMLEscaping.escape(bar.valueText))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// A coordinate for SVG: at most one decimal, no trailing zeros.
    static func format(_ value: Double) -> String {
        FigureFormatter.fixed(value, places: 1, separator: "")
    }
}

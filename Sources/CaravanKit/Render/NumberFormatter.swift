import Foundation

/// Writes figures the way each language writes numbers, by rules, from the i18n file:
/// Chinese groups by 万 (10⁴) and 亿 (10⁸) — 172.41 billion USD is `1724.1亿美元` — and
/// English uses thousands separators and million/billion — `USD 172.41 billion`.
/// Precision follows the source: digits it did not give are never invented.
struct FigureFormatter {
    let strings: UIStrings

    /// Grouping by myriads (万/亿) or by thousands (million/billion).
    private var usesMyriads: Bool { strings["number_style"] == "myriad" }

    /// A number in this language, without unit: `1724.1亿`, `172.41 billion`, `2,129`.
    func number(_ quantity: Quantity, scale: Scale?) -> String {
        let sign = quantity.value < 0 ? "−" : ""
        let magnitude = abs(quantity.value)
        let exponent = scale?.exponent ?? 0
        let full = magnitude * pow(10, Double(exponent))
        // Decimal places the source gave, counted at the scale of 1.
        let precision = quantity.decimals - exponent
        func shown(_ divisorExponent: Int) -> String {
            let places = min(6, max(0, precision + divisorExponent))
            return Self.fixed(full / pow(10, Double(divisorExponent)), places: places, separator: strings["number_group_separator"])
        }
        if usesMyriads {
            if full >= 1e8 { return sign + shown(8) + strings["number_hundred_million"] }
            if full >= 1e4 { return sign + shown(4) + strings["number_myriad"] }
            return sign + shown(0)
        }
        if let scale, scale != .thousand {
            return sign + shown(scale.exponent) + " " + strings["number_\(scale.rawValue)"]
        }
        if full >= 1e9 { return sign + shown(9) + " " + strings["number_billion"] }
        if full >= 1e6 { return sign + shown(6) + " " + strings["number_million"] }
        return sign + shown(0)
    }

    /// An amount with its qualifier and unit: `约2200吨`, `more than 10,000 trains`, `2–3 trains a day`.
    func amount(_ amount: Amount, unit: FigureUnit, scale: Scale?) -> String {
        let text: String
        var isOne = false
        switch amount {
        case .exact(let q):
            text = number(q, scale: scale)
            isOne = q.value == 1 && scale == nil
        case .about(let q):
            text = strings.format("qualifier_about", ["n": number(q, scale: scale)])
        case .moreThan(let q):
            text = strings.format("qualifier_more_than", ["n": number(q, scale: scale)])
        case .lessThan(let q):
            text = strings.format("qualifier_less_than", ["n": number(q, scale: scale)])
            isOne = q.value == 1 && scale == nil
        case .range(let low, let high):
            text = strings.format("qualifier_range", ["low": number(low, scale: scale), "high": number(high, scale: scale)])
        }
        let key = "unit_\(unit.key)" + (isOne ? "_one" : "")
        return strings.format(key, ["n": text])
    }

    /// A signed percentage: `+12.82%`, `−3.5%`, `0%`.
    func change(_ change: Quantity) -> String {
        let sign = change.value > 0 ? "+" : change.value < 0 ? "−" : ""
        return sign + Self.fixed(abs(change.value), places: change.decimals, separator: "") + "%"
    }

    /// A period as this language writes it: `2023年1—4月`, `January–April 2023`, `since 2012`.
    func period(_ period: Period) -> String {
        func month(_ m: Int) -> String { strings.months.indices.contains(m - 1) ? strings.months[m - 1] : String(m) }
        switch period {
        case .year(let year):
            return strings.format("period_year", ["year": String(year)])
        case .month(let year, let m):
            return strings.format("period_month", ["year": String(year), "month": String(m), "month_name": month(m)])
        case .months(let fromYear, let fromMonth, let toYear, let toMonth):
            let values = [
                "year": String(toYear), "from_year": String(fromYear), "to_year": String(toYear),
                "from_month": String(fromMonth), "to_month": String(toMonth),
                "from_month_name": month(fromMonth), "to_month_name": month(toMonth),
            ]
            return strings.format(fromYear == toYear ? "period_months" : "period_months_across_years", values)
        case .day(let date):
            return strings.format(date)
        case .since(let year):
            return strings.format("period_since", ["year": String(year)])
        }
    }

    /// `value` with exactly `places` decimals, trailing zeros dropped, integer part grouped
    /// in thousands with `separator` (empty for none).
    static func fixed(_ value: Double, places: Int, separator: String) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains("." as Character) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        guard !separator.isEmpty else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = separator + integer.suffix(3) + grouped
            integer.removeLast(3)
        }
        grouped = integer + grouped
        return parts.count == 2 ? grouped + "." + parts[1] : grouped
    }
}

extension FigureUnit {
    /// The unit's part of its i18n key: `unit_trains_per_day`.
    var key: String { rawValue.lowercased().replacingOccurrences(of: "-", with: "_") }
}

/// The view models of figures, their charts and their groups, for one language.
struct FigureViews {
    let site: ResolvedSite
    let language: Language
    let route: Route

    private var strings: UIStrings { site.strings[language.code]! }
    private var formatter: FigureFormatter { FigureFormatter(strings: strings) }

    /// One figure as a table row: every part already written in the reader's language.
    func figure(_ figure: Figure) -> TemplateObject {
        let code = language.code
        var view: TemplateObject = [
            "id": "figure-\(figure.id)",
            "metric": .text(figure.metric[code] ?? ""),
            "value": .text(formatter.amount(figure.amount, unit: figure.unit, scale: figure.scale)),
            "period": .text(formatter.period(figure.period)),
            "stats_href": .text(route.link(to: .stats(code)) + "#figure-\(figure.id)"),
        ]
        if let node = figure.node.flatMap({ site.data.node($0.text) }) { view["place"] = .text(node.name[code] ?? "") }
        // Figures that share a metric (exports and imports of one trade) say which is which
        // wherever the metric shows, with their `label`.
        if let detail = figure.label?[code],
           site.data.figures.contains(where: { $0.id != figure.id && $0.metric[code] == figure.metric[code] }) {
            view["detail"] = .text(detail)
        }
        if let change = figure.change { view["change"] = .text(formatter.change(change)) }
        if let before = figure.before {
            view["before"] = .text(formatter.amount(before, unit: figure.unit, scale: figure.scale))
        }
        if let source = source(of: figure) { view["source"] = .object(source) }
        return view
    }

    /// The article that reported the figure, in the reader's language when it exists,
    /// otherwise in another language, marked as such.
    private func source(of figure: Figure) -> TemplateObject? {
        guard let story = site.article(figure.source.text) else { return nil }
        if let document = story.translations[language.code] {
            return [
                "title": .text(document.frontMatter.title),
                "href": .text(route.link(to: .article(story.slug, in: language.code))),
            ]
        }
        guard let other = site.config.languages.first(where: { story.translations[$0.code] != nil }),
              let document = story.translations[other.code] else { return nil }
        return [
            "title": .text(document.frontMatter.title), "href": .text(route.link(to: .article(story.slug, in: other.code))),
            "hreflang": .text(other.htmlLang), "note": .text(strings.format("in_language", ["language": other.name])),
        ]
    }

    /// Charts for a set of figures: one comparing figures that share metric, unit, scale and
    /// period (Alashankou vs Khorgos), and one before/after chart per figure with `before`.
    func charts(for figures: [Figure]) -> [TemplateObject] {
        var charts: [TemplateObject] = []
        var groups: [String: [Figure]] = [:]
        var order: [String] = []
        for figure in figures {
            let key = [figure.metric[site.config.defaultLanguage.code] ?? "", figure.unit.rawValue,
                       figure.scale?.rawValue ?? "", "\(figure.period)"].joined(separator: "|")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(figure)
        }
        for key in order {
            guard let group = groups[key], group.count >= 2 else { continue }
            let first = group[0]
            let title = "\(first.metric[language.code] ?? "") · \(formatter.period(first.period))"
            let bars = group.map { figure in
                BarChart.Bar(label: label(of: figure), valueText: formatter.amount(figure.amount, unit: figure.unit, scale: figure.scale),
                             low: low(figure.amount), high: figure.amount.upperValue, bound: Self.bound(figure.amount))
            }
            charts.append(chart(id: "chart-\(first.id)", title: title, bars: bars))
        }
        for figure in figures {
            guard let before = figure.before else { continue }
            let title = "\(figure.metric[language.code] ?? "") · \(strings["chart_before_after"])"
            let bars = [
                BarChart.Bar(label: strings["chart_before"], valueText: formatter.amount(before, unit: figure.unit, scale: figure.scale),
                             low: low(before), high: before.upperValue, bound: Self.bound(before)),
                BarChart.Bar(label: strings.format("chart_after", ["period": formatter.period(figure.period)]),
                             valueText: formatter.amount(figure.amount, unit: figure.unit, scale: figure.scale),
                             low: low(figure.amount), high: figure.amount.upperValue, bound: Self.bound(figure.amount)),
            ]
            charts.append(chart(id: "chart-\(figure.id)-change", title: title, bars: bars))
        }
        return charts
    }

    private func chart(id: String, title: String, bars: [BarChart.Bar]) -> TemplateObject {
        let description = bars.map { $0.label + strings["colon"] + $0.valueText }.joined(separator: strings["list_separator"])
        let chart = BarChart(id: id, title: title, description: description, bars: bars)
        return [
            "id": .text(id), "title": .text(title), "svg": .text(chart.svg),
            "rows": .list(bars.map { bar -> TemplateObject in ["label": .text(bar.label), "value": .text(bar.valueText)] }),
        ]
    }

    private func label(of figure: Figure) -> String {
        if let label = figure.label?[language.code] { return label }
        if let node = figure.node.flatMap({ site.data.node($0.text) }) { return node.name[language.code] ?? "" }
        return figure.corridor.flatMap { site.data.corridor($0.text)?.name[language.code] } ?? figure.id
    }

    /// Whether a chart draws the amount as a bound rather than a length.
    static func bound(_ amount: Amount) -> BarChart.Bound? {
        switch amount {
        case .moreThan: .atLeast
        case .lessThan: .atMost
        case .exact, .about, .range: nil
        }
    }

    private func low(_ amount: Amount) -> Double {
        if case .range(let low, _) = amount { return low.value }
        return amount.chartValue
    }

    /// The corridor a figure is listed under: its own, else its node's first.
    static func corridorID(of figure: Figure, in data: CorridorData) -> String? {
        figure.corridor?.text ?? figure.node.flatMap { data.node($0.text)?.corridors.first?.text }
    }
}

/// The statistics page and the corridor pages.
struct StatsViewModels {
    let context: PageContext
    private var site: ResolvedSite { context.site }

    /// `/<lang>/stats/`: every figure, grouped by corridor, with charts and tables.
    func stats(_ language: Language) -> TemplateObject {
        let route = Route.stats(language.code)
        let strings = site.strings[language.code]!
        var values = context.base(
            route: route, language: language, title: strings["stats_title"], description: strings["stats_intro"],
            translations: PagePlan.stats(language: language).translations(in: site).routes)
        let views = FigureViews(site: site, language: language, route: route)
        var groups: [TemplateObject] = []
        for corridor in site.data.corridors {
            let figures = site.data.figures.filter { FigureViews.corridorID(of: $0, in: site.data) == corridor.id }
            guard !figures.isEmpty else { continue }
            groups.append([
                "id": "corridor-\(corridor.id)", "name": .text(corridor.name[language.code] ?? ""),
                "href": .text(route.link(to: .corridor(corridor.id, in: language.code))),
                "figures": .list(figures.map(views.figure)), "charts": .list(views.charts(for: figures)),
                "region_label": .text(strings["figures_table_label"] + strings["colon"] + (corridor.name[language.code] ?? "")),
            ])
        }
        // Figures tied to no corridor (a node on none) still appear, under their own heading.
        let unplaced = site.data.figures.filter { FigureViews.corridorID(of: $0, in: site.data) == nil }
        if !unplaced.isEmpty {
            groups.append([
                "id": "corridor-none", "name": .text(strings["stats_other"]), "href": "#corridor-none",
                "figures": .list(unplaced.map(views.figure)), "charts": .list(views.charts(for: unplaced)),
                "region_label": .text(strings["figures_table_label"] + strings["colon"] + strings["stats_other"]),
            ])
        }
        values["groups"] = .list(groups)
        values["has_groups"] = .flag(!groups.isEmpty)
        return values
    }

    /// `/<lang>/corridors/`: every corridor with its places, how many reports are about it
    /// and the latest of them.
    func corridors(_ language: Language) -> TemplateObject {
        let route = Route.corridors(language.code)
        let strings = site.strings[language.code]!
        var values = context.base(
            route: route, language: language, title: strings["corridors_title"], description: strings["corridors_intro"],
            translations: PagePlan.corridors(language: language).translations(in: site).routes)
        values["corridors"] = .list(site.data.corridors.map { corridor -> TemplateObject in
            let articles = site.articles(in: language.code, about: corridor.id)
            let places = site.data.nodes.filter { $0.corridors.contains { $0.text == corridor.id } }
            var item: TemplateObject = [
                "name": .text(corridor.name[language.code] ?? corridor.id),
                "href": .text(route.link(to: .corridor(corridor.id, in: language.code))),
                "count": .text(strings.format(articles.count == 1 ? "corridor_report_count_one" : "corridor_report_count",
                                              ["n": String(articles.count)])),
            ]
            if !places.isEmpty {
                item["places"] = .text(places.map { $0.name[language.code] ?? $0.id }.joined(separator: strings["list_joiner"]))
            }
            if let latest = articles.first {
                item["latest"] = .object(context.listItem(latest, language: language.code, from: route, summary: ""))
            }
            return item
        })
        return values
    }

    /// `/<lang>/corridors/<id>/`: the corridor's places, figures and articles.
    func corridor(_ corridor: Corridor, _ language: Language) -> TemplateObject {
        let route = Route.corridor(corridor.id, in: language.code)
        let strings = site.strings[language.code]!
        let name = corridor.name[language.code] ?? corridor.id
        var values = context.base(
            route: route, language: language, title: name,
            description: strings.format("corridor_description", ["name": name]),
            translations: PagePlan.corridor(corridor, language: language).translations(in: site).routes)
        let views = FigureViews(site: site, language: language, route: route)
        let nodes = site.data.nodes.filter { $0.corridors.contains { $0.text == corridor.id } }
        values["nodes"] = .list(nodes.map { node -> TemplateObject in
            ["name": .text(node.name[language.code] ?? ""),
             "kind": .text(strings["node_kind_\(node.kind.rawValue.replacingOccurrences(of: "-", with: "_"))"]),
             "country": .text(Self.countryName(node.country, strings))]
        })
        values["has_nodes"] = .flag(!nodes.isEmpty)
        let map = Self.map(of: corridor, named: name, nodes: nodes, language: language, strings: strings)
        values["map"] = .text(map?.svg ?? "")
        values["has_map"] = .flag(map != nil)
        let figures = site.data.figures.filter {
            FigureViews.corridorID(of: $0, in: site.data) == corridor.id || $0.corridor?.text == corridor.id
        }
        values["figures"] = .list(figures.map(views.figure))
        values["region_label"] = .text(strings["figures_table_label"] + strings["colon"] + name)
        values["charts"] = .list(views.charts(for: figures))
        values["has_figures"] = .flag(!figures.isEmpty)
        let articles = site.articles(in: language.code, about: corridor.id)
        // Titles and dates only: a corridor gathers hundreds of reports on a large site, and
        // without summaries the page does not change when an article's text does.
        values["articles"] = .list(articles.map { context.listItem($0, language: language.code, from: route, summary: "") })
        values["has_articles"] = .flag(!articles.isEmpty)
        return values
    }

    /// The schematic map of the corridor's places that have a position; nil when none has.
    static func map(of corridor: Corridor, named name: String, nodes: [CorridorNode], language: Language, strings: UIStrings) -> CorridorMap? {
        let places = nodes.compactMap { node in
            node.position.map { CorridorMap.Place(name: node.name[language.code] ?? node.id, position: $0) }
        }
        guard !places.isEmpty else { return nil }
        var map = CorridorMap(id: "map-\(corridor.id)", title: strings.format("corridor_map", ["name": name]), description: "", places: places)
        map.description = strings.format("corridor_map_description", ["places": map.route.map(\.name).joined(separator: strings["list_joiner"])])
        return map
    }

    /// A country's name in the page's language (`country_cn` in the UI strings), or its code
    /// where the UI strings name none.
    static func countryName(_ code: String, _ strings: UIStrings) -> String {
        let name = strings["country_\(code.lowercased())"]
        return name.isEmpty ? code : name
    }
}

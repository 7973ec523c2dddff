/// The statistics page and the corridor pages.
struct StatsViewModels {
    let site: ResolvedSite
    private var context: PageContext { PageContext(site: site) }

    /// `/<lang>/stats/`: every figure, grouped by corridor, with charts and tables.
    func stats(_ language: Language) -> [String: Any] {
        let route = Route.stats(language.code)
        let strings = site.strings[language.code]!
        var values = context.base(
            route: route, language: language, title: strings["stats_title"], description: strings["stats_intro"],
            translations: PagePlan.stats(language: language).translations(in: site).routes)
        let views = FigureViews(site: site, language: language, route: route)
        var groups: [[String: Any]] = []
        for corridor in site.data.corridors {
            let figures = site.data.figures.filter { FigureViews.corridorID(of: $0, in: site.data) == corridor.id }
            guard !figures.isEmpty else { continue }
            groups.append([
                "id": "corridor-\(corridor.id)", "name": corridor.name[language.code] ?? "",
                "href": route.link(to: .corridor(corridor.id, in: language.code)),
                "figures": figures.map(views.figure), "charts": views.charts(for: figures),
                "region_label": "\(strings["figures_table_label"]): \(corridor.name[language.code] ?? "")",
            ])
        }
        // Figures tied to no corridor (a node on none) still appear, under their own heading.
        let unplaced = site.data.figures.filter { FigureViews.corridorID(of: $0, in: site.data) == nil }
        if !unplaced.isEmpty {
            groups.append([
                "id": "corridor-none", "name": strings["stats_other"], "href": "#corridor-none",
                "figures": unplaced.map(views.figure), "charts": views.charts(for: unplaced),
                "region_label": "\(strings["figures_table_label"]): \(strings["stats_other"])",
            ])
        }
        values["groups"] = groups
        values["has_groups"] = !groups.isEmpty
        return values
    }

    /// `/<lang>/corridors/<id>/`: the corridor's places, figures and articles.
    func corridor(_ corridor: Corridor, _ language: Language) -> [String: Any] {
        let route = Route.corridor(corridor.id, in: language.code)
        let strings = site.strings[language.code]!
        let name = corridor.name[language.code] ?? corridor.id
        var values = context.base(
            route: route, language: language, title: name,
            description: strings.format("corridor_description", ["name": name]),
            translations: PagePlan.corridor(corridor, language: language).translations(in: site).routes)
        let views = FigureViews(site: site, language: language, route: route)
        let nodes = site.data.nodes.filter { $0.corridors.contains { $0.text == corridor.id } }
        values["nodes"] = nodes.map { node -> [String: String] in
            ["name": node.name[language.code] ?? "", "kind": strings["node_kind_\(node.kind.rawValue.replacingOccurrences(of: "-", with: "_"))"],
             "country": node.country]
        }
        values["has_nodes"] = !nodes.isEmpty
        let figures = site.data.figures.filter {
            FigureViews.corridorID(of: $0, in: site.data) == corridor.id || $0.corridor?.text == corridor.id
        }
        values["figures"] = figures.map(views.figure)
        values["region_label"] = "\(strings["figures_table_label"]): \(name)"
        values["charts"] = views.charts(for: figures)
        values["has_figures"] = !figures.isEmpty
        let articles = Self.articles(about: corridor, in: language.code, site: site)
        // Titles and dates only: a corridor gathers hundreds of reports on a large site, and
        // without summaries the page does not change when an article's text does.
        values["articles"] = articles.map { context.listItem($0, language: language.code, from: route, summary: "") }
        values["has_articles"] = !articles.isEmpty
        return values
    }

    /// The articles a corridor page lists: those whose front matter names the corridor.
    static func articles(about corridor: Corridor, in language: String, site: ResolvedSite) -> [Story] {
        site.articles(in: language).filter { story in
            story.translations[language]!.frontMatter.corridors.contains { $0.text == corridor.id }
        }
    }
}

/// What the first page of a language's home shows above the list of all articles: a lead
/// story, the latest reports of each corridor, and the latest figures. The same choices
/// serve the view model and the page's input key, so the two cannot disagree.
struct FrontPage {
    static let reportsPerCorridor = 3
    static let figureCount = 3

    let site: ResolvedSite
    let language: String

    /// The newest article marked `featured: true`, else the newest article.
    var lead: Story? {
        let articles = site.articles(in: language)
        return articles.first { $0.translations[language]?.isFeatured == true } ?? articles.first
    }

    /// Each corridor that has reports, with its newest few.
    var corridorSections: [(corridor: Corridor, reports: [Story])] {
        site.data.corridors.compactMap { corridor in
            let reports = Array(site.articles(in: language, about: corridor.id).prefix(Self.reportsPerCorridor))
            return reports.isEmpty ? nil : (corridor, reports)
        }
    }

    /// The figures of the most recent reports (by their source article's date), newest first.
    var latestFigures: [Figure] {
        let dated = site.data.figures.compactMap { figure in site.article(figure.source.text).map { (figure, $0.date) } }
        // Newest report first; figures of one report keep their order in corridors.yaml.
        let sorted = dated.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }
        return sorted.prefix(Self.figureCount).map(\.element.0)
    }

    /// Every story the front shows, for the page's input key; `lead` is the `lead` worked out
    /// already (it looks through every article).
    func stories(lead: Story?) -> [Story] {
        (lead.map { [$0] } ?? []) + corridorSections.flatMap(\.reports)
    }
}

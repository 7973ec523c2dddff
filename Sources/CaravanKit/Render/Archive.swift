/// A language's articles by the month of their date: `/<lang>/archive/<yyyy>/<mm>/`, newest
/// month first, each month's page paginated like the home page.
struct Archive {
    struct Month: Hashable, Sendable {
        var year: Int
        var month: Int

        /// `2024/03`, as the address writes it.
        var path: String { String(format: "%04d/%02d", year, month) }
    }

    let site: ResolvedSite
    let language: String

    private func month(of story: Story) -> Month? {
        (story.translations[language]?.frontMatter.date).map { Month(year: $0.year, month: $0.month) }
    }

    /// The months that have articles, newest first.
    var months: [Month] {
        var seen: Set<Month> = []
        // Articles come newest first, so the months do too.
        return site.articles(in: language).compactMap(month(of:)).filter { seen.insert($0).inserted }
    }

    /// The articles of `month`, newest first.
    func articles(in month: Month) -> [Story] {
        site.articles(in: language).filter { self.month(of: $0) == month }
    }

    /// The month written out in the language: "2024年3月", "March 2024".
    static func label(_ month: Month, strings: UIStrings?) -> String {
        guard let strings else { return month.path }
        let name = month.month >= 1 && month.month <= strings.months.count ? strings.months[month.month - 1] : String(month.month)
        return strings.format("period_month", ["year": String(month.year), "month": String(month.month), "month_name": name])
    }
}

/// A language's articles by the month of their date: `/<lang>/archive/<yyyy>/<mm>/`, newest
/// month first, each month's page paginated like the home page.
struct Archive {
    struct Month: Hashable, Sendable {
        var year: Int
        var month: Int

        /// `2024/03`, as the address writes it.
        var path: String { year.zeroPadded(4) + "/" + month.zeroPadded(2) }

        init(year: Int, month: Int) {
            self.year = year
            self.month = month
        }

        init(_ date: ContentDate) {
            self.init(year: date.year, month: date.month)
        }
    }

    let site: ResolvedSite
    let language: String

    /// The months that have articles, newest first (grouped once, in `ResolvedSite`).
    var months: [Month] { site.months(in: language) }

    /// The articles of `month`, newest first.
    func articles(in month: Month) -> [Story] { site.articles(in: language, of: month) }

    /// The month written out in the language: "2024年3月", "March 2024".
    static func label(_ month: Month, strings: UIStrings?) -> String {
        guard let strings else { return month.path }
        let name = month.month >= 1 && month.month <= strings.months.count ? strings.months[month.month - 1] : String(month.month)
        return strings.format("period_month", ["year": String(month.year), "month": String(month.month), "month_name": name])
    }
}

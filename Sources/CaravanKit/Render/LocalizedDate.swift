extension UIStrings {
    /// A date as this language writes it, from the i18n file's `date_format`
    /// (`{year}年{month}月{day}日` → 2024年1月25日, `{day} {month_name} {year}` → 25 January 2024).
    func format(_ date: ContentDate) -> String {
        format("date_format") { name in
            switch name {
            case "year": String(date.year)
            case "month": String(date.month)
            case "day": String(date.day)
            case "month_name": months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
            default: nil
            }
        }
    }
}

/// Why a date in the year-month-day shape is still not a date: a month or a day out of
/// range. "Not a date I can read" sends the editor to the format, which was right.
extension ContentDate {
    struct RangeProblem: Equatable {
        var message: String
        var hint: String
    }

    /// The problem with `text` written as `yyyy-mm-dd…` whose month or day does not exist;
    /// nil when it is not in that shape or is a real date.
    static func rangeProblem(in text: String, key: String) -> RangeProblem? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        guard (1...12).contains(month) else {
            // 2024-25-01: day and month swapped, the commonest way to get here.
            let swapped = (1...12).contains(day) && (1...daysIn(month: day, year: year)).contains(month)
            return RangeProblem(
                message: "`\(key)` \(text) has the month \(parts[1]), but a month is from 01 to 12",
                hint: "write year-month-day, with the month in the middle"
                    + (swapped ? ": `\(key): \(parts[0])-\(parts[2])-\(parts[1])`" : ""))
        }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return RangeProblem(
                message: "`\(key)` \(text) has the day \(parts[2]), but month \(parts[1]) of \(parts[0]) has \(days) days",
                hint: "write a day from 01 to \(days)")
        }
        return nil
    }
}

import Foundation

/// A publication date as an editor wrote it: a day, or a moment with a UTC offset.
public struct ContentDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds since 1970 for sorting and feeds; a date-only value counts as midnight UTC.
    public var instant: Double
    /// As written, normalised: `2024-01-25` or `2024-01-25T10:30:00+08:00` (RFC 3339).
    public var iso: String
    /// Written without a UTC offset (`2024-01-25`, `2024-01-25 10:30`) and not yet placed
    /// on the site's clock (`placed(in:)`, which front matter decoding does); until then
    /// `instant` reads it as UTC.
    public var isLocal = false
    /// The UTC offset a day alone starts at (`+08:00` on Beijing's clock), for `rfc3339`.
    public var dayOffset = "Z"

    public static func < (a: ContentDate, b: ContentDate) -> Bool { a.instant < b.instant }

    static let acceptedForms = "2024-01-25, 2024-01-25T10:30:00+08:00, 2024-01-25T02:30:00Z or 2024-01-25 10:30"

    /// Parses the forms in `acceptedForms`; nil for anything else.
    static func parse(_ text: String) -> ContentDate? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let dayStart = Double(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        if bytes.count == 10 {
            return ContentDate(year: year, month: month, day: day, instant: dayStart, iso: text, isLocal: true)
        }
        // Time part: T or space, HH:MM, optional :SS, optional offset.
        guard bytes[10] == 84 || bytes[10] == 32, let hour = number(11..<13), bytes.count >= 16, bytes[13] == 58,
              let minute = number(14..<16), hour < 24, minute < 60 else { return nil }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == 58 {
            guard let value = number(17..<19), value < 61 else { return nil }
            second = value
            index = 19
        }
        var offset = 0
        var offsetText = "Z"
        let isLocal = index == bytes.count
        if isLocal {
            offsetText = "Z"
        } else if bytes[index] == 90, index + 1 == bytes.count {
            offsetText = "Z"
        } else if bytes[index] == 43 || bytes[index] == 45, bytes.count == index + 6, bytes[index + 3] == 58,
                  let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6) {
            offset = (hours * 60 + minutes) * 60 * (bytes[index] == 45 ? -1 : 1)
            offsetText = String(decoding: bytes[index...], as: UTF8.self)
        } else {
            return nil
        }
        let instant = dayStart + Double(hour * 3600 + minute * 60 + second - offset)
        // Written the way RFC 3339 writes it already (the usual case): nothing to normalise.
        if bytes[10] == 84, index == 19, !isLocal {
            return ContentDate(year: year, month: month, day: day, instant: instant, iso: text, isLocal: false)
        }
        let iso = "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
            + "T\(hour.zeroPadded(2)):\(minute.zeroPadded(2)):\(second.zeroPadded(2))" + offsetText
        return ContentDate(year: year, month: month, day: day, instant: instant, iso: iso, isLocal: isLocal)
    }

    /// As an editor wrote it, normalised: `2024-01-25`, `2024-01-25 10:30:00` (on the site's
    /// clock) or `2024-01-25T10:30:00+08:00`.
    public var asWritten: String {
        guard isLocal, iso.utf8.count > 10 else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).dropLast())
    }

    /// The day `moment` falls on, on the clock of `zone`, as a date of that day.
    static func day(at moment: Double, in zone: TimeZone) -> ContentDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let day = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: moment))
        guard let year = day.year, let month = day.month, let dayOfMonth = day.day else { return nil }
        return parse("\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(dayOfMonth.zeroPadded(2))")?.placed(in: zone)
    }

    /// RFC 3339 with a time, for feeds and `<time datetime>`; a day alone is its midnight.
    public var rfc3339: String {
        iso.utf8.count == 10 ? iso + "T00:00:00" + dayOffset : iso
    }

    /// The date on the clock of `zone` when it was written without an offset: a day starts
    /// at that zone's midnight, a time is that zone's (`2024-01-25 10:30` on Beijing's clock
    /// is `2024-01-25T10:30:00+08:00`). A date with an offset is returned as it is.
    public func placed(in zone: TimeZone) -> ContentDate {
        guard isLocal else { return self }
        // The zone's offset at about that time (summer time included).
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant))
        let minutes = abs(offset) / 60
        let text = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
        var placed = self
        placed.instant -= Double(offset)
        placed.isLocal = false
        if iso.utf8.count == 10 {
            placed.dayOffset = text
        } else {
            placed.iso = String(iso.dropLast()) + text
        }
        return placed
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (Howard Hinnant's civil-from-days algorithm, inverted).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Int {
    /// The number in decimal, zeros in front up to `width` digits (`7` → `07`). By hand:
    /// Foundation's `String(format:)` was 4 % of a rebuild's time.
    func zeroPadded(_ width: Int) -> String {
        let text = String(self)
        return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
    }
}

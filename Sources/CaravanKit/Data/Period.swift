/// The time a figure covers, in the forms reports use.
public enum Period: Sendable, Hashable {
    case year(Int)
    case month(year: Int, month: Int)
    /// January–April 2023 is `.months(from: (2023, 1), to: (2023, 4))`.
    case months(fromYear: Int, fromMonth: Int, toYear: Int, toMonth: Int)
    case day(ContentDate)
    /// Cumulative since a year: "since 2012".
    case since(Int)

    static let forms = "2023, 2023-05, 2023-01..2023-04, 2024-01-25 or \"since 2012\""

    enum ParseError: Error {
        case unreadable
        case backwards
    }

    static func parse(_ text: String) throws(ParseError) -> Period {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("since ") {
            guard let year = Self.year(String(text.dropFirst(6))) else { throw .unreadable }
            return .since(year)
        }
        if let range = text.range(of: "..") {
            guard let from = Self.month(String(text[..<range.lowerBound])), let to = Self.month(String(text[range.upperBound...])) else {
                throw .unreadable
            }
            guard (from.year, from.month) < (to.year, to.month) else { throw .backwards }
            return .months(fromYear: from.year, fromMonth: from.month, toYear: to.year, toMonth: to.month)
        }
        if let year = Self.year(text) { return .year(year) }
        if let month = Self.month(text) { return .month(year: month.year, month: month.month) }
        if text.count == 10, let date = ContentDate.parse(text) { return .day(date) }
        throw .unreadable
    }

    private static func year(_ text: String) -> Int? {
        guard text.count == 4, let year = Int(text), year >= 1800 else { return nil }
        return year
    }

    private static func month(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = year(String(parts[0])), parts[1].count == 2,
              let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return (year, month)
    }

    /// Sorts periods by when they end, for ordering figures.
    var sortKey: Int {
        switch self {
        case .year(let y), .since(let y): y * 10000 + 1231
        case .month(let y, let m): y * 10000 + m * 100 + 31
        case .months(_, _, let y, let m): y * 10000 + m * 100 + 31
        case .day(let d): d.year * 10000 + d.month * 100 + d.day
        }
    }
}

import Foundation

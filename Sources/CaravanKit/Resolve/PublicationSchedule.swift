import Foundation

/// What the clock decides about a story file: live now, held back until its `date`, or
/// taken down at its `expires`. Its dates are already on the site's clock (front matter
/// places them, `ContentDate.placed(in:)`); `timeZone` is for writing moments out.
struct PublicationSchedule: Sendable {
    /// Seconds since 1970 of the build.
    var now: Double
    var timeZone: TimeZone

    enum Status: Equatable {
        case live
        /// Dated later than the build: published by the first build after that moment.
        case scheduled(at: Double)
        /// Its `expires` has passed: published no more.
        case expired(at: Double)
    }

    func status(of frontMatter: FrontMatter) -> Status {
        if let expires = frontMatter.expires?.instant, expires <= now { return .expired(at: expires) }
        let publication = frontMatter.date.instant
        return publication > now ? .scheduled(at: publication) : .live
    }

    /// The next moment this file's status changes: its publication, or its expiry.
    func nextChange(of frontMatter: FrontMatter) -> ScheduledChange.Kind? {
        switch status(of: frontMatter) {
        case .scheduled(let moment): .publish(at: moment)
        case .live: frontMatter.expires.map { .expire(at: $0.instant) }
        case .expired: nil
        }
    }

    /// `2024-05-17 08:00 (Asia/Shanghai)`: a moment as an editor reads it on the site's clock.
    func format(_ moment: Double) -> String {
        let date = Date(timeIntervalSince1970: moment)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) (\(timeZone.identifier))"
    }
}

/// The next time the published site changes by the clock alone: a scheduled story goes
/// live or a story expires. A build says when, so that a cron job can build again then.
public struct ScheduledChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case publish(at: Double)
        case expire(at: Double)

        public var moment: Double {
            switch self {
            case .publish(let moment), .expire(let moment): moment
            }
        }
    }

    public var kind: Kind
    /// The story file, relative to the site folder.
    public var path: String
    /// The moment on the site's clock, as `format` writes it.
    public var when: String

    public var moment: Double { kind.moment }

    /// "Content/articles/x/en.md goes live at 2024-05-17 08:00 (Asia/Shanghai)".
    public var description: String {
        switch kind {
        case .publish: "\(path) goes live at \(when)"
        case .expire: "\(path) expires at \(when)"
        }
    }
}

import Foundation

/// `Content/site.yaml`: what the whole site shares.
public struct SiteConfig: Sendable {
    /// Languages in order; the first is the default (it gets `x-default`).
    public var languages: [Language]
    /// Site title and description per language code.
    public var title: [String: String]
    public var description: [String: String]
    /// The public address, e.g. `https://caravan.example.com/`, for canonical links,
    /// feeds and the sitemap. Pages link each other relatively and never need it.
    public var baseURL: String?
    /// Raw HTML in Markdown passes through only when the site turns this on.
    public var unsafeHTML: Bool
    /// Articles per list page.
    public var pageSize: Int
    /// Whether the build makes the search pages and index (`search: false` in site.yaml,
    /// or `caravan build --no-search`, leaves them out).
    public var search = true
    /// The clock of dates written without a UTC offset (`date: 2024-05-17 08:00`): when a
    /// scheduled story goes live and an `expires` takes it down (`timeZone:` in site.yaml).
    public var timeZone = SiteConfig.defaultTimeZone

    /// The newsroom's clock: Beijing time, with no summer time.
    public static let defaultTimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    public var defaultLanguage: Language { languages[0] }

    func language(code: String) -> Language? {
        languages.first(where: { $0.code == code })
    }

    /// `baseURL` joined with a site-relative path (`en/articles/x/`).
    func absoluteURL(_ path: String) -> String? {
        guard var base = baseURL else { return nil }
        if !base.hasSuffix("/") { base += "/" }
        return base + path
    }
}

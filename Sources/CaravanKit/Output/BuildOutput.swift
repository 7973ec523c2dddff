/// A finished build in memory: every file of the site, by site-relative path.
/// `build` writes it, `serve` serves it, `check` inspects it, tests assert on it.
public struct BuildOutput: Sendable {
    public var files: [String: [UInt8]]
    /// HTML pages rendered, by language code (the landing and 404 pages are counted under "").
    public var pagesPerLanguage: [String: Int]

    public init(files: [String: [UInt8]] = [:], pagesPerLanguage: [String: Int] = [:]) {
        self.files = files
        self.pagesPerLanguage = pagesPerLanguage
    }

    /// The text of a file, for tests and the dev server.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}

import CaravanKit
import Foundation

/// Reads built pages the way a browser or link checker would.
public enum SiteAssertions {
    /// Every `href` and `src` value in an HTML page.
    public static func links(in html: String) -> [String] {
        LinkCheck.links(in: html)
    }

    /// Relative links of every HTML page that do not lead to a file in the output, as
    /// `page → link` lines: the same rules `caravan check` applies.
    public static func brokenRelativeLinks(in output: BuildOutput) -> [String] {
        LinkCheck.brokenLinks(in: output).map { "\($0.page) → \($0.link)" }
    }

    /// The `<link rel="alternate" hreflang>` pairs of a page.
    public static func alternates(in html: String) -> [(hreflang: String, href: String)] {
        var result: [(String, String)] = []
        for line in html.split(separator: "\n") where line.contains("rel=\"alternate\" hreflang=") {
            let hreflang = line.components(separatedBy: "hreflang=\"")[1].components(separatedBy: "\"")[0]
            let href = line.components(separatedBy: "href=\"")[1].components(separatedBy: "\"")[0]
            result.append((hreflang, href))
        }
        return result
    }

    /// The diagnostics as printed, one per line, for `contains` checks in tests.
    public static func printed(_ result: BuildResult) -> String {
        DiagnosticPrinter.format(result.diagnostics)
    }
}

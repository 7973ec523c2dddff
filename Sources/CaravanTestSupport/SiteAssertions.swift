import CaravanKit
import Foundation

/// Reads built pages the way a browser or link checker would.
public enum SiteAssertions {
    /// Every `href` and `src` value in an HTML page.
    public static func links(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
                result.append(String(rest[start.upperBound..<end]))
                rest = rest[end...]
            }
        }
        return result
    }

    /// Relative links of every HTML page that do not lead to a file in the output:
    /// `page → link` pairs. Absolute URLs (with a scheme) and in-page anchors are skipped.
    public static func brokenRelativeLinks(in output: BuildOutput) -> [String] {
        var broken: [String] = []
        for (path, _) in output.files where path.hasSuffix(".html") {
            for link in links(in: output.text(path)!) {
                guard let target = resolve(link, from: path) else { continue }
                if output.files[target] == nil && output.files[target + "index.html"] == nil && output.files[target + "/index.html"] == nil {
                    broken.append("\(path) → \(link)")
                }
            }
        }
        return broken.sorted()
    }

    /// The site-relative file a link from `page` leads to; nil for external or anchor-only links.
    public static func resolve(_ link: String, from page: String) -> String? {
        if link.isEmpty || link.hasPrefix("#") || link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("/") { return nil }
        var path = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        path = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasSuffix("/") ? joined + "/" : joined
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

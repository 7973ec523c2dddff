import Foundation

/// Relative `href`/`src` values of built pages that lead to no file of the build, read the
/// way a browser would (the same rules as the tests' link check).
public enum LinkCheck {
    public struct BrokenLink: Sendable, Hashable {
        /// The built page, site-relative: `en/articles/x/index.html`.
        public var page: String
        /// The link as written in the page (entities decoded).
        public var link: String
    }

    public static func brokenLinks(in output: BuildOutput) -> [BrokenLink] {
        var broken: [BrokenLink] = []
        for (path, bytes) in output.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for link in links(in: html) where !leadsToFile(link, from: path, in: output) {
                broken.append(BrokenLink(page: path, link: link))
            }
        }
        return broken.sorted { ($0.page, $0.link) < ($1.page, $1.link) }
    }

    /// Every `href` and `src` value of a page, with `&amp;`-style entities decoded.
    public static func links(in html: String) -> [String] {
        var result: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
                result.append(decodeEntities(String(rest[start.upperBound..<end])))
                rest = rest[end...]
            }
        }
        return result
    }

    static func leadsToFile(_ link: String, from page: String, in output: BuildOutput) -> Bool {
        guard let target = resolve(link, from: page) else { return true }
        return leadsToFile(target, exists: { output.files[$0] != nil })
    }

    /// Whether a resolved link (`resolve`) names a file that `exists`, as a web server would
    /// find it: as written or percent-decoded, and a folder by its `index.html`.
    static func leadsToFile(_ target: String, exists: (String) -> Bool) -> Bool {
        for candidate in [target, target.removingPercentEncodingIfPossible] {
            if exists(candidate) || exists(candidate + "index.html") || exists(candidate + "/index.html") {
                return true
            }
        }
        return false
    }

    /// The site-relative file a link from `page` leads to; nil for links to other hosts,
    /// site-absolute paths and anchors on the same page.
    public static func resolve(_ link: String, from page: String) -> String? {
        if link.isEmpty || link.hasPrefix("#") || link.hasPrefix("/") || link.hasPrefix("//") { return nil }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/" as Character) { return nil }  // a scheme: https:, mailto:
        var path = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        path = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if path.isEmpty { return nil }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}

private extension String {
    var removingPercentEncodingIfPossible: String { removingPercentEncoding ?? self }
}

/// Moves the relative links of rendered HTML from one page to another: a body rendered for
/// `/en/articles/x/` links `train.png` and `../../../zh/articles/y/index.html`; shown on
/// `/zh/articles/x/bilingual/`, those must lead to the same files.
enum RelativeLinks {
    static func rebase(_ html: String, from source: Route, to page: Route) -> String {
        guard html.contains("href=\"") || html.contains("src=\"") else { return html }
        var result = ""
        var rest = html[...]
        while let match = rest.firstMatch(of: /(href|src)="([^"]*)"/) {
            result += rest[..<match.range.lowerBound]
            result += "\(match.1)=\"\(rebase(link: String(match.2), from: source, to: page))\""
            rest = rest[match.range.upperBound...]
        }
        return result + rest
    }

    /// One link: left as it is when it is not relative (another host, a site-absolute path,
    /// a fragment of the page itself).
    static func rebase(link: String, from source: Route, to page: Route) -> String {
        guard let first = link.first, first != "/", first != "#", first != "?",
              !link.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).contains(":") else { return link }
        let end = link.firstIndex { $0 == "?" || $0 == "#" } ?? link.endIndex
        var folders = source.path.split(separator: "/").map(String.init)
        if !source.isFolder { folders.removeLast() }
        var parts = folders
        let segments = link[..<end].split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            switch segment {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".": break
            case "" where index < segments.count - 1: break
            default: parts.append(String(segment))
            }
        }
        var target = parts.filter { !$0.isEmpty }.joined(separator: "/")
        if link[..<end].hasSuffix("/") || segments.last == "" { target += "/" }
        return page.link(to: Route(path: target)) + link[end...]
    }
}

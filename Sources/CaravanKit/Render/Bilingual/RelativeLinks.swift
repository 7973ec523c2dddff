import Glibc

/// Moves the relative links of rendered HTML from one page to another: a body rendered for
/// `/en/articles/x/` links `train.png` and `../../../zh/articles/y/index.html`; shown on
/// `/zh/articles/x/bilingual/`, those must lead to the same files.
enum RelativeLinks {
    /// Appends the part of `html` at `range` to `result`, with its links moved. One pass
    /// over the bytes (a bilingual view rebases every block of two bodies: a regex or
    /// Foundation's search per block cost more than rendering the page). With an
    /// `idPrefix`, every `id` gets it too, so two bodies on one page keep their ids apart.
    static func rebase(_ html: [UInt8], _ range: Range<Int>, from source: Route, to page: Route, idPrefix: String = "",
                       into result: inout [UInt8]) {
        html.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var copied = range.lowerBound
            var index = range.lowerBound
            while index + 1 < range.upperBound {
                // memchr to the next `=`: most of a body is text between attributes.
                guard let found = memchr(base + index, Int32(UInt8(ascii: "=")), range.upperBound - index - 1) else { break }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // `href="` or `src="` as a whole attribute name: `="` after it, a space before it.
                guard all[index + 1] == UInt8(ascii: "\""),
                      let name = attributeName(all, at: index, from: range.lowerBound, idToo: !idPrefix.isEmpty),
                      let close = all[(index + 2)..<range.upperBound].firstIndex(of: UInt8(ascii: "\"")) else {
                    index += 1
                    continue
                }
                result += UnsafeBufferPointer(rebasing: all[copied..<(index + 2)])
                let value = String(decoding: UnsafeBufferPointer(rebasing: all[(index + 2)..<close]), as: UTF8.self)
                result += (name == "id" ? idPrefix + value : rebase(link: value, from: source, to: page)).utf8
                copied = close
                index = close + 1
            }
            result += UnsafeBufferPointer(rebasing: all[copied..<range.upperBound])
        }
    }

    /// The attribute whose name ends just before `bytes[equals]`, when it is `href`, `src`
    /// or (`idToo`) `id`, as a whole name (a space before it, at or after `first`).
    private static func attributeName(_ bytes: UnsafeBufferPointer<UInt8>, at equals: Int, from first: Int, idToo: Bool) -> String? {
        for (name, utf8) in attributeNames.prefix(idToo ? 3 : 2) {
            let start = equals - utf8.count
            guard start >= first + 1, bytes[start..<equals].elementsEqual(utf8) else { continue }
            let before = bytes[start - 1]
            if before == UInt8(ascii: " ") || before == UInt8(ascii: "\n") || before == UInt8(ascii: "\t") { return name }
        }
        return nil
    }

    /// Every `="` of a page asks for these: made once, not per attribute.
    private static let attributeNames: [(String, [UInt8])] = ["href", "src", "id"].map { ($0, Array($0.utf8)) }

    /// One link: left as it is when it is not relative (another host, a site-absolute path,
    /// a fragment of the page itself).
    static func rebase(link: String, from source: Route, to page: Route) -> String {
        // `":" as Character`: given a string, `contains` is Foundation's substring search,
        // which for every link of every bilingual page cost more than the rest of this.
        guard let first = link.first, first != "/", first != "#", first != "?",
              !link.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).contains(":" as Character) else { return link }
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

/// Stable `id`s for headings, so links to a section keep working when the text around
/// it changes: derived from the heading text only, de-duplicated in document order.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func id(for text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))))
                || CJKText.isHan(scalar) || (!scalar.isASCII && scalar.properties.isAlphabetic) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0] + 1
        used[slug] = count
        return count == 1 ? slug : "\(slug)-\(count)"
    }
}

/// A short teaser cut from text: by characters in CJK text (no spaces to cut at), by
/// words otherwise, never inside a character or a word, with the language's ellipsis.
enum Summary {
    static let hanLimit = 90
    static let wordLimit = 40

    static func cut(_ text: String) -> String {
        let text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let hanCount = text.unicodeScalars.count(where: CJKText.isHan)
        if hanCount * 3 > text.count {
            guard text.count > hanLimit else { return text }
            return String(text.prefix(hanLimit)) + "……"
        }
        let words = text.split(separator: " ")
        guard words.count > wordLimit else { return text }
        var cut = words.prefix(wordLimit).joined(separator: " ")
        while let last = cut.last, ",;:.-–—".contains(last) { cut.removeLast() }
        return cut + "…"
    }
}

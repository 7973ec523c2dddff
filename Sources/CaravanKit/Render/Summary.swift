/// A short teaser cut from text, measured the way the language counts: in characters
/// (`summary_unit: characters`, Chinese) or in words (English). It never cuts inside a
/// character or a word (the text is plain, so there are no entities to cut), and ends with
/// the language's ellipsis (`……` / `…`) only when something was cut.
enum Summary {
    static func cut(_ text: String, strings: UIStrings?) -> String {
        let text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Checked when the strings load (`UIStrings.numberRanges`); kept in range here too.
        let limit = min(10_000, max(1, Int(strings?["summary_length"] ?? "") ?? 60))
        let ellipsis = strings?["ellipsis"] ?? "…"
        if strings?["summary_unit"] == "characters" {
            guard text.count > limit else { return text }
            var cut = String(text.prefix(limit))
            while let last = cut.last, last.isWhitespace || "，、；：,;:".contains(last) { cut.removeLast() }
            return cut + ellipsis
        }
        let words = text.split(separator: " ")
        guard words.count > limit else { return text }
        var cut = words.prefix(limit).joined(separator: " ")
        while let last = cut.last, ",;:.-–—".contains(last) { cut.removeLast() }
        return cut + ellipsis
    }
}

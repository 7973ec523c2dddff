/// The words of a Markdown body without what a reader never sees: link and picture
/// addresses, HTML tags, fenced code markers. Punctuation and emphasis marks can stay;
/// the tokenizer treats them as spaces. Works on the source, so every build indexes a
/// story the same way whether or not it rendered the story's HTML.
enum SearchText {
    /// The text as UTF-8, the parts `forEachRun` finds joined by spaces.
    static func plain(_ markdown: String) -> [UInt8] {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var isFirst = true
            forEachRun(of: bytes) { run in
                if !isFirst { result.append(UInt8(ascii: " ")) }
                isFirst = false
                result += run
            }
            return result
        }
    }

    /// Calls `body` with each stretch of the Markdown's UTF-8 between the parts a reader
    /// never sees, in order: the tokenizer reads them where they are, with no copy of the
    /// text. The marks looked for are ASCII, so a cut never splits a character.
    static func forEachRun(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "]") || byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let end: Int?
            if byte == UInt8(ascii: "]") {
                // `](address "title")`: the address is not the story's words.
                end = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "(") ? closingParenthesis(bytes, from: index + 2) : nil
            } else {
                // An HTML tag or an autolink `<https://…>`.
                end = tagEnd(bytes, from: index + 1)
            }
            guard let end else {
                index += 1
                continue
            }
            body(UnsafeBufferPointer(rebasing: bytes[runStart..<(byte == UInt8(ascii: "]") ? index + 1 : index)]))
            index = end + 1
            runStart = index
        }
        body(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// The `)` closing a link's destination that starts at `start`, on the same line.
    private static func closingParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var depth = 1
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 }
            if bytes[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// The `>` ending a tag that starts at `start`, on the same line and within 512 bytes.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < min(bytes.count, start + 512), bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] == UInt8(ascii: ">") { return index }
            index += 1
        }
        return nil
    }

    /// The first paragraph of plain prose, for an excerpt when the story has no `summary`:
    /// headings, lists, tables, quotes, pictures and code are passed over.
    static func firstParagraph(_ markdown: String) -> String {
        var paragraph: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty {
                if !paragraph.isEmpty { break }
                continue
            }
            if paragraph.isEmpty, isMarkup(trimmed) { continue }
            paragraph.append(trimmed)
        }
        let text = String(decoding: plain(paragraph.joined(separator: " ")), as: UTF8.self)
        return String(text.filter { !"*_`[]".contains($0) })
    }

    /// Whether a line opens something that is not a paragraph of prose.
    private static func isMarkup(_ line: Substring) -> Bool {
        for prefix in ["#", "|", ">", "![", "<", "```", "~~~", "- ", "* ", "+ ", "="] where line.hasPrefix(prefix) { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && (line.dropFirst(digits.count).hasPrefix(". ") || line.dropFirst(digits.count).hasPrefix(") "))
    }
}

/// Slips that make YAML fail somewhere else than where they are, found by reading the
/// lines up to the reported error: libyaml reports where it gave up, which for these is a
/// later line, with a message about YAML's grammar rather than about what was typed.
enum YAMLSlips {
    struct Slip: Equatable {
        /// 1-based, within the parsed text (before any line offset).
        var line: Int
        var column: Int
        var message: String
        var hint: String
    }

    /// The first slip on lines `1...lastLine` (all lines when nil).
    static func find(in text: String, upTo lastLine: Int? = nil) -> Slip? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let last = min(lines.count, lastLine ?? lines.count)
        for index in 0..<last {
            if let slip = fullWidthColon(lines[index], line: index + 1) { return slip }
        }
        for index in 0..<last {
            if let slip = unclosedQuote(lines, at: index) { return slip }
        }
        return nil
    }

    // MARK: - `title：…`

    /// A key followed by `：` (U+FF1A), as a Chinese keyboard types the colon: YAML sees a
    /// line of text with no key, and complains about the line after it.
    private static func fullWidthColon(_ line: Substring, line number: Int) -> Slip? {
        guard let match = line.prefixMatch(of: #/(?<lead>[ \t]*(?:-[ \t]+)?)(?<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t\u{3000}]*：/#) else { return nil }
        let key = match.output.key
        let value = line[match.range.upperBound...].trimmingPrefix { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        let fixed = value.isEmpty ? "\(key):" : "\(key): \(value)"
        return Slip(
            line: number, column: line[..<match.range.upperBound].count,
            message: "full-width colon `：` after the key `\(key)`",
            hint: "use a half-width `:` followed by a space: `\(fixed)`")
    }

    // MARK: - `title: "unclosed`

    /// A value opening a quote it does not close on its line, when the next quote closing it
    /// is in fact the one opening a later value (`summary: "…`): YAML read the lines between
    /// as one long value, and reports the line after that one.
    private static func unclosedQuote(_ lines: [Substring], at index: Int) -> Slip? {
        let line = lines[index]
        guard let opening = line.prefixMatch(of: #/[ \t]*(?:-[ \t]+)?[A-Za-z_][A-Za-z0-9_-]*[ \t]*:[ \t]+(?<quote>["'])/#) else { return nil }
        let quote = opening.output.quote.first!
        let afterQuote = line[opening.range.upperBound...]
        guard closingQuote(quote, in: afterQuote) == nil else { return nil }
        for later in lines[(index + 1)...] {
            guard let closing = closingQuote(quote, in: later) else { continue }
            // The "closing" quote starts a value of its own: it was meant as an opening one.
            guard later[..<closing].wholeMatch(of: #/[ \t]*(?:-[ \t]+)?[A-Za-z_][A-Za-z0-9_-]*[ \t]*:[ \t]+/#) != nil else { return nil }
            let fixed = line.trimmingSuffix { $0 == " " || $0 == "\t" } + String(quote)
            return Slip(
                line: index + 1, column: line[..<opening.range.upperBound].count,
                message: "the quote `\(quote)` opened here is not closed on its line",
                hint: "close the quote at the end of the value: \(fixed)")
        }
        return nil
    }

    /// Where `quote` closes in `text`: `\"` does not close a double-quoted value, and `''` is
    /// a quote inside a single-quoted one.
    private static func closingQuote(_ quote: Character, in text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if quote == "\"", character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == quote {
                let next = text.index(after: index)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    index = text.index(after: next)
                    continue
                }
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}

/// Formats diagnostics the way compilers do, so editors and terminals recognise them:
///
///     Content/articles/x/en.md:2:1: error: unknown key `titel`
///      2 | titel: Hello
///        | ^
///     hint: expected one of title, date, …; did you mean `title`?
///
/// Whatever the input, the output stays readable and bounded: a source line is shown as
/// about 200 characters around the column, a message or hint as at most 1 000, and a list
/// stops after about a megabyte with a count of what was left out.
public enum DiagnosticPrinter {
    static let excerptWidth = 200
    static let textLimit = 1_000
    static let outputLimit = 1_000_000

    public static func format(_ diagnostic: Diagnostic) -> String {
        var location = diagnostic.file
        if let line = diagnostic.line {
            location += ":\(line)"
            location += ":\(diagnostic.column ?? 1)"
        }
        var text = "\(location): \(diagnostic.severity.rawValue): \(cut(diagnostic.message))"
        if let source = diagnostic.sourceLine, let line = diagnostic.line {
            let gutter = String(line)
            let pad = String(repeating: " ", count: gutter.count)
            let (excerpt, column) = excerpt(of: source, around: max(1, diagnostic.column ?? 1))
            // Keep tabs in the caret line so the caret stays under the right character.
            let prefix = excerpt.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "\n \(gutter) | \(excerpt)\n \(pad) | \(prefix)^"
        }
        if let hint = diagnostic.hint {
            text += "\nhint: \(cut(hint))"
        }
        return text
    }

    public static func format(_ diagnostics: [Diagnostic]) -> String {
        var text = ""
        for (index, diagnostic) in diagnostics.enumerated() {
            let formatted = format(diagnostic)
            if text.utf8.count + formatted.utf8.count > outputLimit {
                let left = diagnostics.count - index
                return text + "… and \(counted(left, "more problem")) not shown (fix the ones above first)"
            }
            text += (text.isEmpty ? "" : "\n") + formatted
        }
        return text
    }

    /// About `excerptWidth` characters of `source` around `column`, marked with `…` where
    /// cut, and the column within the excerpt.
    static func excerpt(of source: String, around column: Int) -> (String, Int) {
        let characters = Array(source)
        guard characters.count > excerptWidth else { return (source, column) }
        let start = max(0, min(column - 1 - excerptWidth / 2, characters.count - excerptWidth))
        let end = min(characters.count, start + excerptWidth)
        let lead = start > 0 ? "…" : ""
        let tail = end < characters.count ? "…" : ""
        return (lead + String(characters[start..<end]) + tail, column - start + lead.count)
    }

    private static func cut(_ text: String) -> String {
        text.count > textLimit ? String(text.prefix(textLimit)) + "…" : text
    }
}

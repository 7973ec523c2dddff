/// Formats diagnostics the way compilers do, so editors and terminals recognise them:
///
///     Content/articles/x/en.md:2:1: error: unknown key `titel`
///      2 | titel: Hello
///        | ^
///     hint: expected one of title, date, …; did you mean `title`?
public enum DiagnosticPrinter {
    public static func format(_ diagnostic: Diagnostic) -> String {
        var location = diagnostic.file
        if let line = diagnostic.line {
            location += ":\(line)"
            location += ":\(diagnostic.column ?? 1)"
        }
        var text = "\(location): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let source = diagnostic.sourceLine, let line = diagnostic.line {
            let gutter = String(line)
            let pad = String(repeating: " ", count: gutter.count)
            let column = max(1, diagnostic.column ?? 1)
            // Keep tabs in the caret line so the caret stays under the right character.
            let prefix = source.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "\n \(gutter) | \(source)\n \(pad) | \(prefix)^"
        }
        if let hint = diagnostic.hint {
            text += "\nhint: \(hint)"
        }
        return text
    }

    public static func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }
}

/// Checks what a template refers to before anything renders: partials and parents
/// (`{{> name}}`, `{{< name}}`) must exist, and every `{{i18n.key}}` must be defined in
/// every language's strings file. Mustache itself would render both as empty text.
enum TemplateReferences {
    static func check(_ source: TemplateSource, templateNames: Set<String>, strings: [String: UIStrings]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (lineIndex, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for tag in tags(in: line) {
                let location = SourceLocation(line: lineIndex + 1, column: tag.column)
                if let first = tag.body.first, first == ">" || first == "<" {
                    let name = tag.body.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.hasPrefix("*"), !templateNames.contains(name) {
                        diagnostics.append(Diagnostic(
                            .error, file: source.path, line: location.line, column: location.column,
                            message: "template `\(source.name)` refers to `\(name)`, which does not exist",
                            hint: Suggestion.hint(for: name, expected: templateNames.sorted(), noun: "a template:")
                                + " (templates are the .mustache files under Templates/, named without the extension)",
                            sourceLine: String(line)))
                    }
                    continue
                }
                let name = tag.body.drop(while: { "#^/&{".contains($0) }).trimmingCharacters(in: CharacterSet(charactersIn: " }"))
                guard name.hasPrefix("i18n.") else { continue }
                let key = String(name.dropFirst(5))
                for language in strings.keys.sorted() where strings[language]!.values[key] == nil {
                    let file = strings[language]!.file
                    diagnostics.append(Diagnostic(
                        .error, file: source.path, line: location.line, column: location.column,
                        message: "template `\(source.name)` uses the UI string `\(key)`, which \(file) does not define",
                        hint: "add `\(key): …` to \(file)"
                            + (Suggestion.closest(to: key, in: Array(strings[language]!.values.keys)).map { ", or did you mean `\($0)`?" } ?? ""),
                        sourceLine: String(line)))
                }
            }
        }
        return diagnostics
    }

    /// The `{{…}}` tags of one line: their inner text and 1-based column.
    private static func tags(in line: Substring) -> [(body: String, column: Int)] {
        var result: [(String, Int)] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
            result.append((String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces), column))
            rest = rest[close.upperBound...]
        }
        return result
    }
}

import Foundation

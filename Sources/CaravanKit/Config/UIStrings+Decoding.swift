extension UIStrings {
    /// UI strings that are numbers, with the values that make sense.
    static let numberRanges: [String: ClosedRange<Int>] = ["summary_length": 1...10_000]
    private static let numberExamples = ["summary_length": 60]

    /// Decodes `Content/i18n/<lang>.yaml`: `key: text` lines, plus `months:` as a list of twelve.
    static func decode(_ root: YAMLNode, language: String, file: String, diagnostics: inout [Diagnostic]) -> UIStrings? {
        guard case .mapping(let pairs, _) = root else {
            diagnostics.append(.error(file, root.location, "UI strings must be `key: text` lines", hint: "see Content/i18n/en.yaml"))
            return nil
        }
        var values: [String: String] = [:]
        var months: [String] = []
        for (key, value) in pairs {
            switch value {
            case .scalar(let scalar) where key.text != "months":
                if let range = numberRanges[key.text], !(Int(scalar.text).map(range.contains) ?? false) {
                    diagnostics.append(.error(
                        file, scalar.location, "`\(key.text)` must be a whole number from \(range.lowerBound) to \(range.upperBound), not `\(scalar.text)`",
                        hint: "write e.g. `\(key.text): \"\(numberExamples[key.text] ?? range.lowerBound)\"`"))
                }
                values[key.text] = scalar.text
            case .sequence(let items, _) where key.text == "months":
                months = items.compactMap { if case .scalar(let s) = $0 { s.text } else { nil } }
            default:
                diagnostics.append(.error(file, value.location, "`\(key.text)` must be a single text",
                                          hint: "write `\(key.text): \"…\"`; only `months` is a list"))
            }
        }
        if months.count != 12 {
            diagnostics.append(.error(file, root["months"]?.location ?? root.location,
                                      "`months` must list the twelve month names, January first",
                                      hint: "write `months: [January, February, …, December]`"))
        }
        for key in requiredKeys where values[key] == nil {
            diagnostics.append(.error(file, root.location, "missing UI string `\(key)`",
                                      hint: "add `\(key): …`, as in the other languages' files"))
        }
        return UIStrings(language: language, file: file, values: values, months: months)
    }

    /// Every language must define the keys the first language defines, and no others,
    /// so a template never shows an empty label in one language only.
    static func checkSameKeys(_ strings: [String: UIStrings], languages: [String], diagnostics: inout [Diagnostic]) {
        guard let reference = languages.first.flatMap({ strings[$0] }) else { return }
        for language in languages.dropFirst() {
            guard let other = strings[language] else { continue }
            for key in reference.values.keys.sorted() where other.values[key] == nil {
                diagnostics.append(.error(other.file, nil, "missing UI string `\(key)` (\(reference.file) has it)",
                                          hint: "add `\(key): …` translated into this language"))
            }
            for key in other.values.keys.sorted() where reference.values[key] == nil {
                diagnostics.append(.error(other.file, nil, "UI string `\(key)` is not in \(reference.file)",
                                          hint: Suggestion.hint(for: key, expected: reference.values.keys.sorted(), noun: "one of")))
            }
        }
    }
}

/// Reads typed fields out of a YAML mapping, recording a diagnostic for every field
/// that is missing, unknown or of the wrong type instead of stopping at the first.
struct FieldReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private let pairs: [(key: YAMLScalar, value: YAMLNode)]
    let location: SourceLocation

    /// `node` must be a mapping; otherwise the reader is empty and reports that once.
    init(_ node: YAMLNode, file: String, what: String) {
        self.file = file
        self.location = node.location
        if case .mapping(let pairs, _) = node {
            self.pairs = pairs
        } else {
            self.pairs = []
            diagnostics.append(.error(
                file, node.location, "\(what) must be a mapping of `key: value` lines, found \(node.kindName)",
                hint: "write one `key: value` per line"))
        }
    }

    func node(_ key: String) -> YAMLNode? {
        pairs.first(where: { $0.key.text == key })?.value
    }

    /// True when the mapping has a key that is a typo of `key` (`titel` for `title`): its
    /// did-you-mean already says what to do, so "missing `title`" would only add noise.
    func hasMisspelling(of key: String) -> Bool {
        pairs.contains { $0.key.text != key && Suggestion.closest(to: $0.key.text, in: [key]) == key }
    }

    /// The value of `key` as the editor wrote it, to quote in a message.
    func writtenText(_ key: String) -> String {
        if case .scalar(let scalar) = node(key) { return scalar.text }
        return node(key)?.kindName ?? ""
    }

    func location(of key: String) -> SourceLocation? {
        pairs.first(where: { $0.key.text == key })?.key.location
    }

    /// Reports every key not in `allowed`, with a did-you-mean.
    mutating func rejectUnknownKeys(allowed: [String]) {
        for (key, _) in pairs where !allowed.contains(key.text) {
            diagnostics.append(.error(
                file, key.location, "unknown key `\(key.text)`",
                hint: Suggestion.hint(for: key.text, expected: allowed)))
        }
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func error(at location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(file, location ?? self.location, message, hint: hint))
    }

    /// A string field. Unquoted numbers and booleans are refused: `title: 2024` is almost
    /// always a mistake, and `title: "2024"` says what was meant.
    mutating func string(_ key: String, required: Bool = false, example: String = "text") -> String? {
        guard let node = node(key) else {
            if required, !hasMisspelling(of: key) {
                error(at: nil, "missing required key `\(key)`", hint: "add a line `\(key): \(example)`")
            }
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            if case .scalar = node, !required { return nil }
            error(at: node.location, "`\(key)` must be text, found \(node.kindName)", hint: "write `\(key): \(example)`")
            return nil
        }
        if scalar.looksLikeNumberOrBoolean {
            error(at: scalar.location, "`\(key)` must be text, found the \(Double(scalar.text) != nil ? "number" : "boolean") \(scalar.text)",
                  hint: "put it in quotes if you mean the text: `\(key): \"\(scalar.text)\"`")
            return nil
        }
        return scalar.text
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        if case .scalar(let scalar) = node, scalar.isPlain {
            switch scalar.text {
            case "true", "True", "TRUE", "yes", "Yes": return true
            case "false", "False", "FALSE", "no", "No": return false
            default: break
            }
        }
        error(at: node.location, "`\(key)` must be true or false", hint: "write `\(key): true` or `\(key): false`")
        return nil
    }

    /// A whole number from 1 to `maximum`, such as a page size.
    mutating func positiveInteger(_ key: String, maximum: Int, example: String) -> Int? {
        guard let node = node(key) else { return nil }
        if case .scalar(let scalar) = node, let value = Int(scalar.text), (1...maximum).contains(value) { return value }
        error(at: node.location, "`\(key)` must be a whole number from 1 to \(maximum)", hint: "write `\(key): \(example)`")
        return nil
    }

    /// A list of plain words; a single word is accepted as a list of one only when
    /// `acceptSingle` is set (tags given as a string are an error: they were meant as a list).
    mutating func stringList(_ key: String, example: String) -> [(text: String, location: SourceLocation)] {
        guard let node = node(key) else { return [] }
        switch node {
        case .sequence(let items, _):
            var result: [(String, SourceLocation)] = []
            for item in items {
                guard case .scalar(let scalar) = item, !scalar.isNull else {
                    error(at: item.location, "each entry of `\(key)` must be a single word, found \(item.kindName)",
                          hint: "write `\(key): \(example)`")
                    continue
                }
                result.append((scalar.text, scalar.location))
            }
            return result
        case .scalar(let scalar) where scalar.isNull:
            return []
        default:
            error(at: node.location, "`\(key)` must be a list, found \(node.kindName)", hint: "write `\(key): \(example)`")
            return []
        }
    }

    /// A mapping from language code to text, such as `title: {en: …, zh: …}`.
    mutating func localized(_ key: String, languages: [String], required: Bool = true) -> [String: String] {
        guard let node = node(key) else {
            if required {
                error(at: nil, "missing required key `\(key)`",
                      hint: "add `\(key): {\(languages.map { "\($0): …" }.joined(separator: ", "))}`")
            }
            return [:]
        }
        var inner = FieldReader(node, file: file, what: "`\(key)`")
        var result: [String: String] = [:]
        for language in languages {
            if let text = inner.string(language, required: true, example: "text in \(language)") {
                result[language] = text
            }
        }
        inner.rejectUnknownKeys(allowed: languages)
        diagnostics += inner.diagnostics
        return result
    }
}

/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatterSplit {
    var yaml: String
    /// Lines before the YAML text (the opening `---`), added to YAML line numbers.
    var yamlLineOffset: Int
    var body: String
    /// The 1-based line of the file where the body starts, so Markdown positions map back.
    var bodyFirstLine: Int
}

enum FrontMatterSplitter {
    static let example = "---\ntitle: \"Your headline\"\ndate: 2024-05-17\n---"

    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        if text.allSatisfy(\.isWhitespace) {
            return .failure(.error(
                file, SourceLocation(line: 1, column: 1), "the file is empty",
                hint: "a story starts with front matter, e.g.\n\(example)\nthen the text in Markdown"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            return .failure(.error(
                file, SourceLocation(line: 1, column: 1), "the file does not start with front matter (a `---` line)",
                hint: "put the title and date between two `---` lines at the top:\n\(example)"))
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { $0.trimmingTrailingSpaces() == "---" || $0.trimmingTrailingSpaces() == "..." }) else {
            return .failure(.error(
                file, SourceLocation(line: 1, column: 1), "the front matter opened on line 1 is never closed",
                hint: "add a line with only `---` after the last front-matter line"))
        }
        let yaml = lines[lines.startIndex..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        // `lines` indices count from 0 for line 1, so the closing `---` is on line closing + 1.
        return .success(FrontMatterSplit(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: closing + 2))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

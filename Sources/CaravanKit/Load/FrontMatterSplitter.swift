/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatterSplit {
    var yaml: String
    /// Lines before the YAML text (the opening `---`), added to YAML line numbers.
    var yamlLineOffset: Int
    /// Where the body starts in the file's UTF-8 bytes.
    var bodyOffset: Int
    /// The 1-based line of the file where the body starts, so Markdown positions map back.
    var bodyFirstLine: Int
}

enum FrontMatterSplitter {
    static let example = "---\ntitle: \"Your headline\"\ndate: 2024-05-17\n---"

    /// Works on bytes: splitting a story into Characters was a visible share of a build.
    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            return .failure(.error(
                file, SourceLocation(line: 1, column: 1), "the file is empty",
                hint: "a story starts with front matter, e.g.\n\(example)\nthen the text in Markdown"))
        }
        // Each line as a byte range without its newline.
        var lines: [Range<Int>] = []
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 10 {
            lines.append(lineStart..<index)
            lineStart = index + 1
        }
        lines.append(lineStart..<bytes.count)
        func isFence(_ line: Range<Int>, dotsToo: Bool) -> Bool {
            var content = bytes[line]
            while let last = content.last, last == 32 || last == 9 { content = content.dropLast() }
            return content.elementsEqual([45, 45, 45]) || (dotsToo && content.elementsEqual([46, 46, 46]))
        }
        guard isFence(lines[0], dotsToo: false) else {
            return .failure(.error(
                file, SourceLocation(line: 1, column: 1), "the file does not start with front matter (a `---` line)",
                hint: "put the title and date between two `---` lines at the top:\n\(example)"))
        }
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0], dotsToo: true) }) else {
            return .failure(.error(
                file, SourceLocation(line: 1, column: 1), "the front matter opened on line 1 is never closed",
                hint: "add a line with only `---` after the last front-matter line"))
        }
        let yaml = closing == 1 ? "" : String(decoding: bytes[lines[1].lowerBound..<lines[closing - 1].upperBound], as: UTF8.self)
        let bodyOffset = min(lines[closing].upperBound + 1, bytes.count)
        // Line `closing + 1` (1-based) is the closing fence; the body starts on the next.
        return .success(FrontMatterSplit(yaml: yaml, yamlLineOffset: 1, bodyOffset: bodyOffset, bodyFirstLine: closing + 2))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

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

    /// Works on bytes, and reads lines only up to the closing fence: splitting a whole story
    /// into Characters, or even into lines, was a visible share of a build.
    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        var text = text
        return text.withUTF8 { split($0, file: file) }
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        func lineEnd(from start: Int) -> Int {
            bytes[start...].firstIndex(of: 10) ?? bytes.count
        }
        func isFence(_ line: Range<Int>, dotsToo: Bool) -> Bool {
            var content = bytes[line]
            while let last = content.last, last == 32 || last == 9 { content = content.dropLast() }
            return content.elementsEqual([45, 45, 45]) || (dotsToo && content.elementsEqual([46, 46, 46]))
        }
        let firstLineEnd = lineEnd(from: 0)
        guard isFence(0..<firstLineEnd, dotsToo: false) else {
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
                return .failure(.error(
                    file, SourceLocation(line: 1, column: 1), "the file is empty",
                    hint: "a story starts with front matter, e.g.\n\(example)\nthen the text in Markdown"))
            }
            return .failure(.error(
                file, SourceLocation(line: 1, column: 1), "the file does not start with front matter (a `---` line)",
                hint: "put the title and date between two `---` lines at the top:\n\(example)"))
        }
        var lineStart = firstLineEnd + 1
        var lineIndex = 1  // 0-based: the opening fence is line 0
        while lineStart <= bytes.count {
            let end = lineEnd(from: lineStart)
            if isFence(lineStart..<end, dotsToo: true) {
                let yaml = lineIndex == 1 ? "" : String(decoding: bytes[(firstLineEnd + 1)..<(lineStart - 1)], as: UTF8.self)
                // Line `lineIndex + 1` (1-based) is the closing fence; the body starts on the next.
                return .success(FrontMatterSplit(
                    yaml: yaml, yamlLineOffset: 1, bodyOffset: min(end + 1, bytes.count), bodyFirstLine: lineIndex + 2))
            }
            lineStart = end + 1
            lineIndex += 1
        }
        return .failure(.error(
            file, SourceLocation(line: 1, column: 1), "the front matter opened on line 1 is never closed",
            hint: "add a line with only `---` after the last front-matter line"))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

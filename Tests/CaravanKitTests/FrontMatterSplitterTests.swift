@testable import CaravanKit
import Testing

/// Where the front matter ends and the body starts, found without reading the body's lines.
@Suite struct FrontMatterSplitterTests {
    func parts(_ text: String) -> FrontMatterSplit? {
        try? FrontMatterSplitter.split(text, file: "en.md").get()
    }

    func message(_ text: String) -> String? {
        if case .failure(let diagnostic) = FrontMatterSplitter.split(text, file: "en.md") { return diagnostic.message }
        return nil
    }

    @Test("the YAML between the fences, and the body's byte offset and first line")
    func splitsAtTheClosingFence() throws {
        let text = "---\ntitle: 霍尔果斯\ndate: 2024-01-25\n---  \n正文\n---\nmore"
        let split = try #require(parts(text))
        #expect(split.yaml == "title: 霍尔果斯\ndate: 2024-01-25")
        #expect(split.yamlLineOffset == 1)
        #expect(split.bodyFirstLine == 5)
        #expect(String(decoding: Array(text.utf8)[split.bodyOffset...], as: UTF8.self) == "正文\n---\nmore")
    }

    @Test("empty front matter, a `...` closing fence and a file that ends at the fence")
    func edgeCases() throws {
        let empty = try #require(parts("---\n---\nBody"))
        #expect(empty.yaml == "" && empty.bodyFirstLine == 3 && empty.bodyOffset == 8)
        #expect(try #require(parts("---\ntitle: A\n...\nBody")).yaml == "title: A")
        let atEnd = try #require(parts("---\ntitle: A\n---"))
        #expect(atEnd.yaml == "title: A" && atEnd.bodyOffset == 16)
    }

    @Test("an empty file, a file without front matter and an unclosed one are told apart")
    func failures() {
        #expect(message(" \n\t\n") == "the file is empty")
        #expect(message("") == "the file is empty")
        #expect(message("# Title\n---\n") == "the file does not start with front matter (a `---` line)")
        #expect(message("---\ntitle: A\n") == "the front matter opened on line 1 is never closed")
        #expect(message("---") == "the front matter opened on line 1 is never closed")
    }
}

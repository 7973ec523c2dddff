@testable import CaravanKit
import CaravanTestSupport
import Testing

/// The wording around the messages: counts in the right number, did-you-mean by prefix,
/// figures read back as written, and the YAML slips found where they were made.
@Suite struct MessageWordingTests {
    @Test("counts read `1 error`, `2 errors`, `0 warnings`, also in serve's log line")
    func plurals() {
        #expect(counted(1, "error") == "1 error" && counted(2, "error") == "2 errors" && counted(0, "warning") == "0 warnings")
        let failed = BuildResult(output: nil, diagnostics: [.error("Content/site.yaml", nil, "x")])
        #expect(RebuildMessage.line(for: failed, milliseconds: 12) == "Build failed (1 error); still serving the last good version.")
        let built = BuildResult(output: BuildOutput(), diagnostics: [.warning("Content/site.yaml", nil, "x")])
        #expect(RebuildMessage.line(for: built, milliseconds: 12) == "Built in 12 ms; 1 warning.")
    }

    @Test("did-you-mean by prefix: `west` → `western`, the shortest completion; not from one or two letters")
    func suggestionByPrefix() {
        #expect(Suggestion.closest(to: "west", in: ["central", "western"]) == "western")
        #expect(Suggestion.closest(to: "cent", in: ["central-asia", "central"]) == "central")
        #expect(Suggestion.closest(to: "we", in: ["western", "central"]) == nil)
        #expect(Suggestion.closest(to: "westren", in: ["western"]) == "western", "a typo still goes by edits")
    }

    @Test("a figure's number read back as written, with its qualifier and scale; nothing from words alone",
          arguments: [
              ("about 2,100", WrittenNumber(number: "2100", qualifier: "about")),
              ("more than 300", WrittenNumber(number: "300", qualifier: "more-than")),
              ("约 1 200", WrittenNumber(number: "1200", qualifier: "about")),
              ("2,100+", WrittenNumber(number: "2100", qualifier: "more-than")),
              ("2.1 million", WrittenNumber(number: "2.1", scale: "million")),
              ("-3.5%", WrittenNumber(number: "-3.5")),
          ] as [(String, WrittenNumber)])
    func writtenNumbers(text: String, expected: WrittenNumber) {
        #expect(WrittenNumber.read(text) == expected)
    }

    @Test("no number to echo in words alone", arguments: ["lots", "n/a", "", "many, e.g. more"])
    func noWrittenNumber(text: String) {
        #expect(WrittenNumber.read(text) == nil)
    }

    @Test("the hint for `2.1 million` lists the value and the scale")
    func scaleHint() {
        #expect(FieldReader.numberHint("value", written: "about 2.1 million")
                == "write each part on a line of its own: `qualifier: about`, `value: 2.1` and `scale: million`")
    }

    @Test("a quoted value that goes on over lines and closes is not a slip; a colon inside a value is not one either")
    func notSlips() {
        #expect(YAMLSlips.find(in: "summary: \"one\n  two\"\ntitle: \"x\"\n") == nil)
        #expect(YAMLSlips.find(in: "summary: 注意：这里\n") == nil)
        #expect(YAMLSlips.find(in: "title: 'it''s\ndate: 2024-01-25\nsummary: 'x'\n")?.line == 1)
        #expect(YAMLSlips.find(in: "  - id：rail\n")?.column == 7)
    }

    @Test("a front matter of one line `title：…` is named too (YAML reads it as text, without an error)")
    func fullWidthColonAlone() throws {
        let failure = #expect(throws: YAMLParser.Failure.self) { try YAMLParser.parse("title：霍尔果斯", lineOffset: 1) }
        #expect(failure?.location == SourceLocation(line: 2, column: 6))
        #expect(failure?.message == "full-width colon `：` after the key `title`")
    }
}

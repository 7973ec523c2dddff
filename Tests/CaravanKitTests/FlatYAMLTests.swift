@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The flat front-matter reader answers exactly what Yams would, locations included, or
/// leaves the text to Yams.
@Suite struct FlatYAMLTests {
    /// A node as text with every location, so two parses compare in one `==`.
    static func describe(_ node: YAMLNode?) -> String {
        func scalar(_ scalar: YAMLScalar) -> String {
            "\(scalar.isPlain ? "plain" : "quoted")<\(scalar.text)>@\(scalar.location.line):\(scalar.location.column)"
        }
        switch node {
        case nil: return "nil"
        case .scalar(let value)?: return scalar(value)
        case .sequence(let items, let location)?:
            return "[" + items.map(describe).joined(separator: ", ") + "]@\(location.line):\(location.column)"
        case .mapping(let pairs, let location)?:
            return "{" + pairs.map { scalar($0.key) + ": " + describe($0.value) }.joined(separator: "; ") + "}@\(location.line):\(location.column)"
        }
    }

    /// The flat reader's answer, after checking it against Yams' when there is one.
    static func flat(_ text: String, lineOffset: Int = 1) -> YAMLNode? {
        guard let flat = FlatYAML.parse(text, lineOffset: lineOffset, nodeBudget: YAMLParser.nodeBudget) else { return nil }
        let full = try? YAMLParser.parseInFull(text, lineOffset: lineOffset)
        #expect(describe(flat) == describe(full), "\(text.debugDescription)")
        return flat
    }

    @Test("front matter of quoted and plain values and word lists reads as Yams reads it")
    func agreesWithYams() throws {
        let text = """
            title: "Khorgos: 10 000 trains, #1 in \u{201C}2024\u{201D}"
            date: 2021-03-31T17:30:00+08:00
            summary: '霍尔果斯口岸 "中欧班列" 开行'
            author: Caravan 编辑部 [staff], a/b
            tags: [air-routes, policy,customs , v1.2]
            corridors: []
            draft: yes
            weight:   12
            translation:   x  

            # Checked against the Chinese: "yes".
            image: photo.jpg
            """
        let node = try #require(Self.flat(text))
        #expect(node["title"].flatMap { if case .scalar(let s) = $0 { s.text } else { nil } } == "Khorgos: 10 000 trains, #1 in \u{201C}2024\u{201D}")
        #expect(Self.describe(node["tags"]) == "[plain<air-routes>@6:8, plain<policy>@6:20, plain<customs>@6:27, plain<v1.2>@6:37]@6:7")
    }

    @Test("anything beyond flat lines is left to Yams, which reports the errors")
    func declines() {
        let declined = [
            "", "# only a comment", "title: A\n# a note\u{7F}", "title: A # comment", "title: \"A\" # comment", "title: A: B", "title: A:",
            "title:\n  - a", "title: \"a\\\"b\"", "title: 'it''s'", "title: \"open", "title: [a, b", "title: [a, b] x",
            "title: [\"a\"]", "title: [a b]", "title: [a,]", "title: [铁路]", " title: A", "title: A\n  more", "title: A\ntitle: B",
            "title: |\n  A", "title: >", "title: *alias", "title: &anchor A", "title: !tag A", "title: -A", "title: ?A",
            "title: @A", "title: `A`", "title: %A", "title: {a: b}", "title:\tA", "title: A\tB", "title: A\r\ndate: B",
            "title: A\u{2028}B", "title: A\u{85}B", "title: \u{FEFF}A", "title: A\u{FFFF}", "title：A", "title: A\u{7F}",
            "ti tle: A", "-title: A", "title:A", "title: ", "title:", "---\ntitle: A", String(repeating: "k", count: 200) + ": A",
        ]
        for text in declined {
            #expect(Self.flat(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test("every shipped story's front matter is read flat, as Yams reads it")
    func shippedFrontMatter() throws {
        let content = FixtureSite.repositoryRoot.appendingPathComponent("Content")
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 5)
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let split = try FrontMatterSplitter.split(text, file: file).get()
            #expect(Self.flat(split.yaml, lineOffset: split.yamlLineOffset) != nil, "\(file)")
        }
    }

    @Test("mutated front matter: whatever the flat reader takes, Yams reads the same")
    func mutations() {
        let seed = Array("title: \"Bakhty volume up 20.1%\"\ndate: 2021-03-31T17:30:00+08:00\nsummary: 'A b'\n# note: x\nauthor: 编辑部 a\ntags: [rail, x-y]\ncorridors: []\n")
        let inserts: [Character] = [":", " ", "#", "'", "\"", "[", "]", "{", ",", "-", "?", "&", "*", "!", "|", ">", "%", "@",
                                    "`", "\t", "\n", "\r", "\\", "a", "_", ".", "霍", "\u{2028}", "\u{85}", "\u{FEFF}", "：", "~"]
        var random = SplitMix(seed: 17)
        var accepted = 0
        for _ in 0..<4_000 {
            var text = seed
            for _ in 0..<Int(random.next() % 3 + 1) {
                let position = Int(random.next() % UInt64(text.count + 1))
                if random.next() % 4 == 0, position < text.count {
                    text.remove(at: position)
                } else {
                    text.insert(inserts[Int(random.next() % UInt64(inserts.count))], at: position)
                }
            }
            if Self.flat(String(text)) != nil { accepted += 1 }
        }
        // Both sides of the comparison ran often enough to mean something.
        #expect(accepted > 500 && accepted < 3_900, "\(accepted) of 4 000 read flat")
    }
}

/// A small seeded generator: the same mutations on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

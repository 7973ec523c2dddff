@testable import CaravanKit
import CaravanTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every example of the GFM spec, run through Caravan's Markdown stage and compared with
/// what the `cmark-gfm` program writes for it, once Caravan's intended changes are taken
/// out of both. The spec and the program come from Debian's `cmark-gfm` package (the same
/// version as the library Caravan links); `make gfm-spec` puts them in `.build/gfm-spec/`
/// (`make test` does it first), or `CARAVAN_GFM_SPEC` names another folder holding
/// `spec.txt` and `cmark-gfm`.
///
/// Caravan's intended changes, and how each is taken out:
/// - headings carry an `id` (`<h2 id="x">`): the attribute is removed;
/// - tables sit in a scrolling region (`<div class="table-scroll" …>`): the wrapper is removed;
/// - without `unsafe_html`, raw HTML is shown as text, where cmark writes
///   `<!-- raw HTML omitted -->`: each such comment in cmark's output is replaced by the
///   escaped text of the HTML it stands for (read from cmark's XML output);
/// - script URLs (`javascript:`…) are emptied, where cmark with `--unsafe` keeps them: they
///   are emptied in cmark's output too;
/// - line breaks between two CJK characters are removed: the spec has no CJK text, which
///   the test checks rather than assumes.
@Suite struct GFMSpecTests {
    /// Examples the build reports as errors on purpose, with the error each must give;
    /// their HTML is still compared. A picture must be a file in the story's folder, and
    /// must say what it shows.
    static let expectedErrors: [Int: String] = [
        525: "picture `moon.jpg` does not exist", 539: "picture `moon.jpg` does not exist",
        528: "picture `uri3` does not exist", 588: "picture `url` does not exist",
        581: "picture `train.jpg` does not exist", 584: "picture `train.jpg` does not exist",
        585: "picture `train.jpg` does not exist", 586: "picture `train.jpg` does not exist",
        589: "picture `/url` has no description (alt text)",
    ]

    @Test("every GFM spec example renders as cmark-gfm renders it, raw HTML off and on")
    func specExamples() throws {
        let spec = try GFMSpec.load()
        #expect(spec.examples.count == 673, "the spec of cmark-gfm 0.29.0.gfm.6 has 673 examples")
        let cjk = spec.examples.filter { $0.markdown.unicodeScalars.contains(where: CJKText.isWide) }
        #expect(cjk.isEmpty, "examples with CJK text need the soft-break change taken out: \(cjk.map(\.number))")

        for unsafeHTML in [false, true] {
            let (rendered, errors) = try Self.renderThroughMarkdownStage(spec.examples, unsafeHTML: unsafeHTML)
            var identical = 0
            var differing: [String] = []
            for example in spec.examples {
                let expected = try spec.cmarkHTML(example.markdown, unsafeHTML: unsafeHTML)
                let caravan = Self.removingIntendedChanges(rendered[example.number] ?? "<missing>")
                if caravan == expected {
                    identical += 1
                } else {
                    differing.append("example \(example.number) (\(example.section)):\n\(example.markdown)--- cmark-gfm:\n\(expected)--- caravan:\n\(caravan)")
                }
            }
            let mode = unsafeHTML ? "unsafe_html: true" : "unsafe_html: false"
            #expect(differing.isEmpty, "\(mode): \(differing.count) examples differ; the first:\n\(differing.prefix(3).joined(separator: "\n\n"))")
            #expect(Set(errors.keys) == Set(Self.expectedErrors.keys), "\(mode): examples with errors: \(errors.sorted { $0.key < $1.key })")
            for (number, message) in Self.expectedErrors {
                #expect(errors[number]?.contains { $0.contains(message) } == true, "\(mode): example \(number) should report \(message): \(errors[number] ?? [])")
            }
            print("GFM spec, \(mode): \(spec.examples.count) examples, \(identical) identical, \(errors.count) expected errors")
        }
    }

    /// Caravan's HTML for each example (by number), and the errors reported for each.
    static func renderThroughMarkdownStage(_ examples: [GFMSpec.Example], unsafeHTML: Bool) throws -> ([Int: String], [Int: [String]]) {
        var files = FixtureSite.minimal(languages: [("en", "en", "English")], extraConfig: "unsafe_html: \(unsafeHTML)\n")
        for example in examples {
            files["Content/articles/\(slug(example.number))/en.md"] = "---\ntitle: \"Example \(example.number)\"\ndate: 2024-01-01\n---\n" + example.markdown
        }
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        var loader = ContentLoader(root: site.root.path)
        guard let loaded = loader.load() else { throw LoadFailed(diagnostics: loader.diagnostics) }
        let (resolved, _) = Resolver(includeDrafts: false).resolve(loaded)
        let markdown = MarkdownStage(site: resolved).run()
        var html: [Int: String] = [:]
        for story in resolved.articles {
            html[Int(story.slug.dropFirst("example-".count))!] = markdown.documents[story, "en"].map { String(decoding: $0.html, as: UTF8.self) }
        }
        var errors: [Int: [String]] = [:]
        for diagnostic in (loader.diagnostics + markdown.diagnostics) where diagnostic.isError {
            let number = diagnostic.file.split(separator: "/").first { $0.hasPrefix("example-") }.flatMap { Int($0.dropFirst("example-".count)) } ?? 0
            errors[number, default: []].append(diagnostic.message)
        }
        return (html, errors)
    }

    struct LoadFailed: Error { let diagnostics: [Diagnostic] }

    static func slug(_ number: Int) -> String {
        "example-" + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number)
    }

    /// Caravan's output with its intended changes taken out (see the suite's comment).
    static func removingIntendedChanges(_ html: String) -> String {
        html.replacing(#/<h([1-6]) id="[^"]*">/#) { "<h\($0.output.1)>" }
            .replacing(#/<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]*">\n(<table>[\s\S]*?</table>\n)</div>\n/#) { String($0.output.1) }
    }
}

/// The GFM spec's examples, and the `cmark-gfm` program that is the reference for them.
struct GFMSpec {
    struct Example {
        var number: Int
        var section: String
        var markdown: String
    }

    let examples: [Example]
    let program: URL

    static func load() throws -> GFMSpec {
        let folder = ProcessInfo.processInfo.environment["CARAVAN_GFM_SPEC"].map { URL(fileURLWithPath: $0) }
            ?? FixtureSite.repositoryRoot.appendingPathComponent(".build/gfm-spec")
        let specFile = folder.appendingPathComponent("spec.txt")
        let program = folder.appendingPathComponent("cmark-gfm")
        guard FileManager.default.isReadableFile(atPath: specFile.path), FileManager.default.isExecutableFile(atPath: program.path) else {
            throw SpecMissing(folder: folder.path)
        }
        return GFMSpec(examples: parse(try String(contentsOf: specFile, encoding: .utf8)), program: program)
    }

    struct SpecMissing: Error, CustomStringConvertible {
        let folder: String
        var description: String { "no spec.txt and cmark-gfm in \(folder): run `make gfm-spec` (Debian's cmark-gfm package)" }
    }

    /// Examples sit between a line of 32 backticks followed by `example` and a line of 32
    /// backticks; a line holding `.` separates the Markdown from the HTML, and `→` stands
    /// for a tab.
    static func parse(_ text: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var markdown: [Substring]?
        var inHTML = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if markdown == nil {
                if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
                if line.hasPrefix(fence + " example") { markdown = []; inHTML = false }
            } else if line == fence {
                let body = markdown!.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                examples.append(Example(number: examples.count + 1, section: section, markdown: body))
                markdown = nil
            } else if line == "." && !inHTML {
                inHTML = true
            } else if !inHTML {
                markdown!.append(line)
            }
        }
        return examples
    }

    static let extensions = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter"]

    /// What cmark-gfm writes for `markdown`, with Caravan's intended changes made to it.
    func cmarkHTML(_ markdown: String, unsafeHTML: Bool) throws -> String {
        if unsafeHTML {
            let html = try run(Self.extensions + ["--unsafe"], markdown)
            return html.replacing(#/(href|src)="([^"]*)"/#) { match in
                MarkdownRenderer.isScriptURL(Self.unescaped(match.output.2)) ? "\(match.output.1)=\"\"" : String(match.output.0)
            }
        }
        var html = try run(Self.extensions, markdown)
        // Each omitted piece of raw HTML becomes its text, in document order. A block
        // becomes a paragraph, which a tight list writes without `<p>` and line breaks.
        var searchFrom = html.startIndex
        for piece in RawHTMLPieces(xml: try run(Self.extensions + ["-t", "xml"], markdown)).pieces {
            guard var range = html.range(of: "<!-- raw HTML omitted -->", range: searchFrom..<html.endIndex) else { break }
            var text = Self.escaped(piece.literal)
            if piece.isBlock {
                text = Self.escaped(piece.literal.replacing(#/\n+$/#, with: ""))
                if piece.inTightList {
                    if range.lowerBound > html.startIndex, html[html.index(before: range.lowerBound)] == "\n" {
                        range = html.index(before: range.lowerBound)..<range.upperBound
                    }
                    if html[range.upperBound...].hasPrefix("\n</li>") {
                        range = range.lowerBound..<html.index(after: range.upperBound)
                    }
                } else {
                    text = "<p>\(text)</p>"
                }
            }
            html.replaceSubrange(range, with: text)
            searchFrom = html.index(range.lowerBound, offsetBy: text.count)
        }
        return html
    }

    /// Text as cmark's HTML writer escapes it.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func unescaped(_ xml: Substring) -> String {
        xml.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    private func run(_ arguments: [String], _ input: String) throws -> String {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}

/// The raw HTML in cmark's XML output of a document, in order: its text, whether it is a
/// block, and whether that block sits in an item of a tight list.
final class RawHTMLPieces: NSObject, XMLParserDelegate {
    struct Piece {
        var literal: String
        var isBlock: Bool
        var inTightList: Bool
    }

    private(set) var pieces: [Piece] = []
    private var elements: [(name: String, tight: Bool)] = []
    private var text: String?

    init(xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        _ = parser.parse()  // a document that does not parse leaves no elements, which the comparison reports
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes["tight"] == "true"))
        if name == "html_block" || name == "html_inline" { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        elements.removeLast()
        guard let literal = text, name == "html_block" || name == "html_inline" else { return }
        let parents = elements.suffix(2).map(\.self)
        let inTightList = parents.count == 2 && parents[1].name == "item" && parents[0].name == "list" && parents[0].tight
        pieces.append(Piece(literal: literal, isBlock: name == "html_block", inTightList: inTightList))
        text = nil
    }
}

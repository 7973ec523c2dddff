@testable import CaravanKit
import Foundation

/// What `make fuzz` feeds random and mutated input to, one parser of editor input each: the
/// same code the build runs, in memory. Each must return, whatever the bytes; a crash or a
/// hang is a bug. The regression tests replay the inputs kept in `Tests/Fuzz/Regressions/`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A story file: front matter and Markdown, with raw HTML both shown and kept.
    case story
    /// `Content/data/corridors.yaml` and `tags.yaml`.
    case data
    /// `Content/i18n/<lang>.yaml`, and the teaser cut with its settings.
    case strings
    /// A Mustache template, compiled (with a layout and a partial it may name) and rendered.
    case template

    public func run(_ bytes: [UInt8]) {
        switch self {
        case .story: Self.story(bytes)
        case .data: Self.data(bytes)
        case .strings: Self.strings(bytes)
        case .template: Self.template(bytes)
        }
    }

    private static func text(_ bytes: [UInt8], file: String) -> String? {
        if case .success(let text) = SourceText.decode(bytes, file: file) { return text }
        return nil
    }

    /// Diagnostics are printed too: their source lines and carets are part of what must hold.
    private static func printed(_ diagnostics: [Diagnostic]) {
        _ = DiagnosticPrinter.format(diagnostics.sortedForDisplay().collapsedPerLine())
    }

    private static func story(_ bytes: [UInt8]) {
        let path = "Content/articles/fuzz/en.md"
        guard let text = text(bytes, file: path) else { return }
        var loader = ContentLoader(root: "/nonexistent")
        let item = ContentLoader.PendingDocument(
            kind: .article, slug: "fuzz", language: "en", path: path, signature: FileSystem.Signature(size: bytes.count, modified: 0, inode: 0))
        let document = loader.parseDocument(text, item)
        printed(loader.diagnostics)
        let body = document?.body ?? text
        for allowsRawHTML in [false, true] {
            let rendered = MarkdownRenderer(allowsRawHTML: allowsRawHTML, tableLabel: "Table").render(body, firstLine: document?.bodyFirstLine ?? 1)
            _ = Summary.cut(rendered.firstParagraph, strings: nil)
        }
        _ = RawHTMLFilter.filter(body)
    }

    private static func data(_ bytes: [UInt8]) {
        guard let text = text(bytes, file: CorridorData.path), let root = try? YAMLParser.parse(text) else { return }
        let (_, problems) = CorridorData.decode(root, file: CorridorData.path, languages: ["zh", "en"])
        let (_, tagProblems) = Tag.decode(root, file: Tag.path, languages: ["zh", "en"])
        printed((problems + tagProblems).map { withSource($0, text) })
    }

    private static func strings(_ bytes: [UInt8]) {
        let path = "Content/i18n/zh.yaml"
        guard let text = text(bytes, file: path), let root = try? YAMLParser.parse(text) else { return }
        var diagnostics: [Diagnostic] = []
        let strings = UIStrings.decode(root, language: "zh", file: path, diagnostics: &diagnostics)
        printed(diagnostics.map { withSource($0, text) })
        _ = Summary.cut("中欧班列今年开行一万列，同比增长百分之十。 The trains ran on time, mostly.", strings: strings)
        if let strings { _ = strings.format(ContentDate.parse("2024-02-29")!) }
    }

    private static func template(_ bytes: [UInt8]) {
        let path = "Templates/article.mustache"
        guard let text = text(bytes, file: path) else { return }
        // With a layout and a partial to name, so inheritance and partials are reached too.
        let sources = [
            TemplateSource(name: "article", path: path, text: text),
            TemplateSource(name: "layout", path: "Templates/layout.mustache", text: "<main>{{$content}}{{/content}}</main>{{> partials/footer}}"),
            TemplateSource(name: "partials/footer", path: "Templates/partials/footer.mustache", text: "<footer>{{i18n.footer_text}}</footer>"),
        ]
        let language = Language(code: "en", htmlLang: "en", name: "English", locale: "en_US")
        let strings = UIStrings(language: "en", file: "Content/i18n/en.yaml", values: ["footer_text": "Footer & <more>"], months: [])
        let (set, diagnostics) = TemplateSet.compile(
            sources, strings: ["en": strings], languages: [("en", PageContext.languageValues(language, strings: strings))])
        printed(diagnostics)
        guard !diagnostics.contains(where: \.isError) else { return }
        let context: TemplateObject = [
            "title": "A <title>", "article": ["title": "T", "body_html": "<p>b</p>", "tags": .list([["name": "Rail", "href": "x/"]] as [TemplateObject])],
            "nav": .list([["label": "Home", "href": "../", "current": true]] as [TemplateObject]), "lang": ["code": "en"],
        ]
        _ = try? set.render("article", context)
    }
}

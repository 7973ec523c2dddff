@testable import CaravanKit
import CaravanTestSupport
import Testing

/// Each language's constants written into its own copy of the templates.
@Suite struct TemplateInliningTests {
    let constants = ["i18n.by": "By", "i18n.tags": "Tags & <topics>", "lang.code": "en", "i18n.blank": " ", "i18n.brace": "{x}"]

    @Test("{{name}}, {{{name}}} and {{& name}} of a constant become its text, escaped only for {{name}}")
    func inlines() {
        #expect(TemplateInlining.inline(constants, in: "<p>{{i18n.by}} {{ i18n.tags }}|{{{i18n.tags}}}|{{&lang.code}}</p>\n")
            == "<p>By Tags &amp; &lt;topics&gt;|Tags & <topics>|en</p>\n")
    }

    @Test("other tags, unknown names and values that could change the template stay tags")
    func leavesTheRest() {
        let text = "{{#i18n.by}}x{{/i18n.by}}{{! i18n.by }}{{> i18n.by}}{{i18n.none}}{{i18n.blank}}{{i18n.brace}}{{title}}"
        #expect(TemplateInlining.inline(constants, in: text) == text)
    }

    @Test("templates that change delimiters or content type, or open i18n or lang, are never inlined")
    func unsafeTemplates() {
        #expect(TemplateInlining.isSafe(["{{i18n.by}}{{#items}}{{lang.code}}{{/items}}", "{{> partial}}"]))
        for unsafe in ["{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT }}", "{{#i18n}}{{by}}{{/i18n}}", "{{^ lang.code }}x{{/lang.code}}"] {
            #expect(!TemplateInlining.isSafe(["{{i18n.by}}", unsafe]), "\(unsafe)")
        }
    }

    @Test("the constants are the page's `lang` and `i18n` values")
    func constantsOfALanguage() {
        let language = Language(code: "en", htmlLang: "en", name: "English", locale: "en_US")
        let strings = UIStrings(language: "en", file: "Content/i18n/en.yaml", values: ["by": "By"], months: [])
        let constants = TemplateInlining.constants(PageContext.languageValues(language, strings: strings))
        #expect(constants == ["lang.code": "en", "lang.html_lang": "en", "lang.name": "English", "lang.locale": "en_US", "i18n.by": "By"])
    }

    @Test("the shipped site is byte for byte the same with and without inlining")
    func shippedSiteUnchanged() throws {
        let inlined = try FixtureSite(files: FixtureSite.shipped())
        defer { inlined.cleanUp() }
        var files = FixtureSite.shipped()
        // Setting the delimiters they already have keeps the templates' meaning and turns inlining off.
        files["Templates/layout.mustache"] = "{{={{ }}=}}\n" + files["Templates/layout.mustache"]!
        let original = try FixtureSite(files: files)
        defer { original.cleanUp() }
        let expected = try #require(original.build().output).files
        let actual = try #require(inlined.build().output).files
        #expect(actual.count == expected.count && actual.count > 50)
        #expect(expected.keys.filter { actual[$0] != expected[$0] }.sorted() == [], "pages that differ")
    }
}

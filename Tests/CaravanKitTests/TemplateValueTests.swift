@testable import CaravanKit
import Testing

/// What templates see of the view models' values: Mustache's rules for strings, lists,
/// booleans and dictionaries, kept by the typed values handed to it.
@Suite struct TemplateValueTests {
    func render(_ template: String, _ context: TemplateObject) throws -> String {
        let (templates, diagnostics) = TemplateSet.compile(
            [TemplateSource(name: "page", path: "Templates/page.mustache", text: template)], strings: [:])
        #expect(diagnostics.isEmpty)
        return try templates.render("page", context)
    }

    @Test("text is escaped by {{…}}, raw in {{{…}}}, and shows a section even when empty")
    func text() throws {
        let context: TemplateObject = ["title": "Khorgos <East> & \"Dry Port\"", "empty": ""]
        #expect(try render("{{title}}|{{{title}}}", context) == "Khorgos &lt;East&gt; &amp; &quot;Dry Port&quot;|Khorgos <East> & \"Dry Port\"")
        #expect(try render("{{#empty}}shown{{/empty}}{{^empty}}hidden{{/empty}}", context) == "shown")
        #expect(try render("{{#title}}[{{.}}]{{/title}}", context) == "[Khorgos &lt;East&gt; &amp; &quot;Dry Port&quot;]")
        #expect(try render("{{uppercased(title)}}", ["title": "xi'an"]) == "XI&#39;AN")
    }

    @Test("names inside sections fall back to the enclosing values; a missing name renders nothing")
    func lookups() throws {
        let context: TemplateObject = [
            "site": "Caravan", "i18n": ["by": "by"],
            "article": ["title": "Rail", "author": "Li Wei", "tags": .list([["name": "rail"], ["name": "ports"]] as [TemplateObject])],
        ]
        #expect(try render("{{article.title}} {{#article.author}}{{i18n.by}} {{article.author}} ({{site}}){{/article.author}}", context)
            == "Rail by Li Wei (Caravan)")
        #expect(try render("{{#article.tags}}{{name}}@{{site}};{{/article.tags}}", context) == "rail@Caravan;ports@Caravan;")
        #expect(try render("[{{missing}}{{article.missing}}{{#missing}}x{{/missing}}]", context) == "[]")
        #expect(try render("{{count(article.tags)}} {{#first(article.tags)}}{{name}}{{/first(article.tags)}}", context) == "2 rail")
    }

    @Test("flags and empty lists hide sections; objects open them")
    func sections() throws {
        let context: TemplateObject = ["yes": true, "no": false, "none": .list([TemplateValue]()), "page": ["n": "2"]]
        #expect(try render("{{#yes}}a{{/yes}}{{#no}}b{{/no}}{{^no}}c{{/no}}{{#none}}d{{/none}}{{^none}}e{{/none}}", context) == "ace")
        #expect(try render("{{#page}}page {{n}}{{/page}}", context) == "page 2")
    }
}


@testable import CaravanKit
import Foundation
import Testing

/// `Templates/README.md` lists the names each page kind's template may use, written from the
/// same declarations (`PageSchemas`) the template compiler checks names against.
@Suite struct TemplateDocumentationTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates/README.md").standardizedFileURL

    @Test("Templates/README.md lists exactly the names PageSchemas declares (`make template-docs` rewrites it)")
    func readmeMatchesSchemas() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let updated = try #require(TemplateDocumentation.updating(text), "Templates/README.md lacks the lines \(TemplateDocumentation.start) … \(TemplateDocumentation.end)")
        if ProcessInfo.processInfo.environment["CARAVAN_UPDATE_DOCS"] == "1", updated != text {
            try updated.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(updated == text, "Templates/README.md is out of date: run `make template-docs`")
    }

    @Test("the table shows members under their group and list items after an arrow")
    func tableShape() {
        let markdown = TemplateDocumentation.markdown
        #expect(markdown.contains("| `article.title` | text | the title |"))
        #expect(markdown.contains("| `article.tags` → `name` | text | the tag's name |"))
        #expect(markdown.contains("| `groups` → `figures` → `source.title` | text | its title |"))
        #expect(markdown.contains("| `canonical` | text, or absent |"))
    }

    @Test("a view model that strays from its schema is found: undeclared, missing, or of another type")
    func mismatches() {
        let schema = TemplateSchema([
            .text("title", ""), .text("author", "", optional: true), .list("tags", "", of: TemplateSchema([.text("name", "")])),
        ])
        #expect(schema.mismatches(["title": "T", "tags": .list([["name": "rail"]] as [TemplateObject])]).isEmpty)
        #expect(schema.mismatches(["title": true, "tags": .list([["nme": "rail"]] as [TemplateObject]), "extra": "x"])
            == ["`extra` is not declared", "`title` should be text", "`tags[].nme` is not declared", "`tags[].name` is missing"])
    }
}

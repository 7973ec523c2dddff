import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// The editor's mistake catalogue: for each mistake an editor commonly makes, the exact
/// text Caravan prints (`path:line:column: severity: message`, the source line with a
/// caret, `hint: …`). README.md "Common mistakes" quotes these blocks: when a message
/// changes on purpose, update both.
@Suite struct MistakeCatalogueTests {
    static let tags = FixtureSite.sampleTags
    static let corridors = FixtureSite.sampleCorridorsWithKhorgos
    static let english = "Content/articles/khorgos/en.md"

    /// A small valid site — the article `khorgos` and the page `about` in both languages,
    /// tags and corridor data — with `files` added or replacing its files.
    static func site(_ files: [String: String] = [:]) throws -> FixtureSite {
        var all = FixtureSite.minimal()
        all["Content/data/tags.yaml"] = tags
        all["Content/data/corridors.yaml"] = corridors
        all["Content/articles/khorgos/zh.md"] = FixtureSite.article(title: "霍尔果斯口岸", extra: "tags: [rail]\ncorridors: [western]\n")
        all[english] = FixtureSite.article(title: "Khorgos gateway", extra: "tags: [rail]\ncorridors: [western]\n")
        all["Content/pages/about/zh.md"] = FixtureSite.article(title: "关于")
        all["Content/pages/about/en.md"] = FixtureSite.article(title: "About")
        all.merge(files) { _, new in new }
        return try FixtureSite(files: all)
    }

    /// Builds `files` on top of the small site and returns the result (the fixture is removed).
    static func build(_ files: [String: String]) throws -> BuildResult {
        let site = try site(files)
        defer { site.cleanUp() }
        return site.build()
    }

    /// Records a failure unless `block` appears in the printed diagnostics as whole lines.
    static func expectPrinted(_ result: BuildResult, _ block: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let printed = SiteAssertions.printed(result)
        #expect(("\n" + printed + "\n").contains("\n" + block + "\n"),
                "expected the block\n\(block)\nin the printed diagnostics:\n\(printed)", sourceLocation: sourceLocation)
    }

    /// The build failed, wrote nothing and reported exactly `errors` errors and nothing else
    /// (in particular, a file with an error is not also reported as a missing translation).
    static func expectFailed(_ result: BuildResult, errors: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.output == nil, sourceLocation: sourceLocation)
        #expect(result.diagnostics.count == errors && result.diagnostics.errorCount == errors,
                "\(SiteAssertions.printed(result))", sourceLocation: sourceLocation)
    }

    // MARK: - 1–4: front matter

    @Test("1. an unclosed quote in front matter: YAML error where the quote opens, hint to quote the value")
    func yamlSyntaxError() throws {
        let result = try Self.build([Self.english: "---\ntitle: \"Khorgos: 10 000 trains\ndate: 2024-01-25\n---\nText.\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:2:8: error: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)
             2 | title: "Khorgos: 10 000 trains
               |        ^
            hint: a value containing `: ` or starting with `[`, `{`, `*`, `&`, `#`, `'` or `"` must be quoted, e.g. title: "Khorgos: 10 000 trains"
            """)
    }

    @Test("2. a missing title: error on the first front-matter line with the line to add")
    func missingTitle() throws {
        let result = try Self.build([Self.english: "---\ndate: 2024-01-25\n---\nText.\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:2:1: error: missing required key `title`
             2 | date: 2024-01-25
               | ^
            hint: add a line `title: "Your headline"`
            """)
    }

    @Test("3. `titel`: unknown key with the allowed keys and did-you-mean `title`, and nothing else")
    func unknownKey() throws {
        let result = try Self.build([Self.english: "---\ntitel: \"Khorgos gateway\"\ndate: 2024-01-25\n---\nText.\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:2:1: error: unknown key `titel`
             2 | titel: "Khorgos gateway"
               | ^
            hint: expected one of title, date, summary, tags, corridors, author, updated, image, image_alt, draft, featured, corrections, expires, translation; did you mean `title`?
            """)
        // "missing `title`" would only repeat what the did-you-mean says.
        #expect(!SiteAssertions.printed(result).contains("missing required key `title`"))
    }

    @Test("4. `date: 25/01/2024`: error at the value, hint listing the accepted forms")
    func unreadableDate() throws {
        let result = try Self.build([Self.english: "---\ntitle: \"Khorgos gateway\"\ndate: 25/01/2024\n---\nText.\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:3:7: error: `date` is not a date I can read
             3 | date: 25/01/2024
               |       ^
            hint: write the date as one of: 2024-01-25, 2024-01-25T10:30:00+08:00, 2024-01-25T02:30:00Z or 2024-01-25 10:30
            """)
    }

    // MARK: - 5: one language only

    @Test("5. a story in one language only: the build succeeds with a warning naming the missing file")
    func oneLanguageOnly() throws {
        let site = try Self.site(["Content/articles/solo/zh.md": FixtureSite.article(title: "仅有中文", extra: "tags: [rail]\n")])
        defer { site.cleanUp() }
        let result = site.build()
        let output = try #require(result.output, "\(SiteAssertions.printed(result))")
        #expect(result.diagnostics.errorCount == 0 && result.diagnostics.warningCount == 1)
        Self.expectPrinted(result, """
            Content/articles/solo: warning: en.md is missing, so this article is published in zh only
            hint: add Content/articles/solo/en.md with the same story in that language
            """)
        #expect(output.files["zh/articles/solo/index.html"] != nil)
        #expect(output.files["en/articles/solo/index.html"] == nil)
    }

    // MARK: - 6, 7: references

    @Test("6. an unknown tag and an unknown corridor: errors at the id with did-you-mean")
    func unknownTagAndCorridor() throws {
        let result = try Self.build([
            Self.english: FixtureSite.article(title: "Khorgos gateway", extra: "tags: [rial]\ncorridors: [westren]\n"),
        ])
        Self.expectFailed(result, errors: 2)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:4:8: error: unknown tag `rial`
             4 | tags: [rial]
               |        ^
            hint: expected a tag id of Content/data/tags.yaml: rail, customs; did you mean `rail`? (to add a new one, give it a name per language in Content/data/tags.yaml)
            """)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:5:13: error: unknown corridor `westren`
             5 | corridors: [westren]
               |             ^
            hint: expected a corridor id of Content/data/corridors.yaml: western, central; did you mean `western`? (to add a new one, give it a name per language in Content/data/corridors.yaml)
            """)
    }

    @Test("7. a link to a mistyped story slug: error at the link with did-you-mean")
    func brokenStoryLink() throws {
        let result = try Self.build([
            "Content/articles/belarus/zh.md": FixtureSite.article(title: "白俄罗斯"),
            "Content/articles/belarus/en.md": FixtureSite.article(title: "Belarus", body: "Intro.\n\nSee [x](@/articles/khorgoss)."),
        ])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/belarus/en.md:7:5: error: link to the article `khorgoss`, which does not exist
             7 | See [x](@/articles/khorgoss).
               |     ^
            hint: did you mean `@/articles/khorgos`?
            """)
    }

    // MARK: - 8: pictures

    @Test("8. a picture without alt text (the file present): error at the picture with an example")
    func pictureWithoutAltText() throws {
        let result = try Self.build([
            Self.english: FixtureSite.article(title: "Khorgos gateway", body: "Intro.\n\n![](map.png)\n"),
            "Content/articles/khorgos/map.png": "png",
        ])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:7:1: error: picture `map.png` has no description (alt text)
             7 | ![](map.png)
               | ^
            hint: say what it shows between the brackets, e.g. `![Container trains at Khorgos](map.png)`: readers who cannot see it hear this text
            """)
    }

    // MARK: - 9: folder names

    @Test("9. a story folder that is not a slug: error naming the folder, with a valid slug to use",
          arguments: [("Khorgos Trains", "use lower-case ASCII letters, digits and -, e.g. `khorgos-trains`"),
                      ("中欧班列", "use lower-case ASCII letters, digits and -: write the name in English or pinyin, e.g. `china-europe-trains`")])
    func invalidSlug(folder: String, hint: String) throws {
        let result = try Self.build([
            "Content/articles/\(folder)/zh.md": FixtureSite.article(title: "班列"),
            "Content/articles/\(folder)/en.md": FixtureSite.article(title: "Trains"),
        ])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/\(folder): error: folder name `\(folder)` is not a valid slug (it becomes the URL)
            hint: \(hint)
            """)
    }

    @Test("a page folder named like a section of the site (`stats`) is refused by the build")
    func reservedPageSlug() throws {
        let site = try Self.site([
            "Content/pages/stats/zh.md": FixtureSite.article(title: "我的统计"),
            "Content/pages/stats/en.md": FixtureSite.article(title: "My statistics page"),
        ])
        defer { site.cleanUp() }
        let result = site.build()
        #expect(!result.succeeded, "the build should fail")
        Self.expectPrinted(result, """
            Content/pages/stats: error: a page may not be called `stats`: /<lang>/stats/ is one of the site's own sections
            hint: rename the folder, e.g. `stats-info`; reserved: articles, corridors, page, stats, tags
            """)
    }

    // MARK: - 10: templates

    @Test("10. a template naming a partial that does not exist: error at the template line")
    func missingPartial() throws {
        let result = try Self.build([
            "Templates/page.mustache": "{{<layout}}\n{{$content}}\n{{> partials/sidebar}}\n{{/content}}\n{{/layout}}\n",
        ])
        Self.expectFailed(result)
        // The hint lists the templates the site has: those shipped in Templates/.
        let templates = FixtureSite.minimal().keys
            .filter { $0.hasPrefix("Templates/") && $0.hasSuffix(".mustache") }
            .map { String($0.dropFirst("Templates/".count).dropLast(".mustache".count)) }
            .sorted()
        Self.expectPrinted(result, """
            Templates/page.mustache:3:1: error: the partial `partials/sidebar` does not exist
             3 | {{> partials/sidebar}}
               | ^
            hint: expected a template: \(templates.joined(separator: ", ")) (templates are the .mustache files under Templates/, named without the extension)
            """)
    }

    /// The template mistakes `Templates/README.md` quotes ("Mistakes"): each `page.mustache`
    /// (and partial) below replaces the shipped one, so the positions do not move when the
    /// shipped templates change.
    static let templateMistakes: [(mistake: String, templates: [String: String], printed: String)] = [
        ("a misspelt name", ["page": "{{<layout}}\n{{$content}}\n<h1>{{titel}}</h1>\n{{/content}}\n{{/layout}}\n"], """
            Templates/page.mustache:3:5: error: unknown name `titel`
             3 | <h1>{{titel}}</h1>
               |     ^
            hint: expected a name this page offers here: alternates, article, canonical, description, draft, favicon, feed_href, has_translations, home_href, i18n, json_ld, landing_href, lang, nav, og_image, og_locale_alternates, og_type, page_title, scheduled, site_description, site_title, stylesheet, title, translation_behind, translations; did you mean `title`?
            """),
        ("a misspelt name inside a section", ["page": "{{<layout}}\n{{$content}}\n{{#article}}\n<p class=\"lede\">{{sumary}}</p>\n{{/article}}\n{{/content}}\n{{/layout}}\n"], """
            Templates/page.mustache:4:17: error: unknown name `sumary`
             4 | <p class="lede">{{sumary}}</p>
               |                 ^
            hint: expected a name this page offers here: alternates, article, author, body_html, canonical, corrections, date_iso, date_text, description, draft, favicon, feed_href, has_corrections, has_tags, has_translations, home_href, i18n, image, json_ld, landing_href, lang, nav, og_image, og_locale_alternates, og_type, page_title, reading_time, scheduled, site_description, site_title, stylesheet, summary, tags, title, translation_behind, translations, updated; did you mean `summary`?
            """),
        ("a misspelt name inside a partial", [
            "page": "{{<layout}}\n{{$content}}\n{{> partials/byline}}\n{{/content}}\n{{/layout}}\n",
            "partials/byline": "<p class=\"byline\">{{article.autor}}</p>\n",
        ], """
            Templates/partials/byline.mustache:1:19: error: unknown name `article.autor`
             1 | <p class="byline">{{article.autor}}</p>
               |                   ^
            hint: expected a part of `article`: author, body_html, corrections, date_iso, date_text, has_corrections, has_tags, image, reading_time, summary, tags, title, updated; did you mean `author`? (used in page → layout → page's block `content` → partials/byline)
            """),
        ("a UI string no language file defines", ["page": "{{<layout}}\n{{$content}}\n<p>{{i18n.publshed}}</p>\n{{/content}}\n{{/layout}}\n"], """
            Templates/page.mustache:3:4: error: unknown name `i18n.publshed`: Content/i18n/en.yaml does not define `publshed`
             3 | <p>{{i18n.publshed}}</p>
               |    ^
            hint: did you mean `i18n.published`? If not, add `publshed: …` to Content/i18n/en.yaml
            Templates/page.mustache:3:4: error: unknown name `i18n.publshed`: Content/i18n/zh.yaml does not define `publshed`
             3 | <p>{{i18n.publshed}}</p>
               |    ^
            hint: did you mean `i18n.published`? If not, add `publshed: …` to Content/i18n/zh.yaml
            """),
        ("a section left open", ["page": "{{<layout}}\n{{$content}}\n{{#article}}\n<h1>{{title}}</h1>\n{{/content}}\n{{/layout}}\n"], """
            Templates/page.mustache:3:1: error: `{{#article}}` is never closed: `{{/content}}` at line 5, column 1 closes a section around it
             3 | {{#article}}
               | ^
            hint: add `{{/article}}` where `article` ends, before line 5
            """),
        ("a section closed with another name", ["page": "{{<layout}}\n{{$content}}\n{{#article}}\n<h1>{{title}}</h1>\n{{/artcle}}\n{{/content}}\n{{/layout}}\n"], """
            Templates/page.mustache:5:1: error: `{{/artcle}}` does not match `{{#article}}`, opened at line 3, column 1
             5 | {{/artcle}}
               | ^
            hint: a section closes with the name it opened with: write `{{/article}}` here, or correct the name at line 3
            """),
        ("a tag left open", ["page": "{{<layout}}\n{{$content}}\n<h1>{{article.title}</h1>\n{{/content}}\n{{/layout}}\n"], """
            Templates/page.mustache:3:5: error: the tag `{{article.title}</h1>` is not closed
             3 | <h1>{{article.title}</h1>
               |     ^
            hint: a tag ends with `}}` on the line it starts: write `{{article.title}}`
            """),
        ("a parent that does not exist", ["page": "{{<layuot}}\n{{$content}}\n<h1>{{article.title}}</h1>\n{{/content}}\n{{/layuot}}\n"], """
            Templates/page.mustache:1:1: error: the parent `layuot` does not exist
             1 | {{<layuot}}
               | ^
            hint: expected a template: 404, article, bilingual, corridor, corridors, landing, layout, list, page, partials/article-list, partials/figures, partials/footer, partials/header, partials/pagination, search, stats, tags; did you mean `layout`? (templates are the .mustache files under Templates/, named without the extension)
            """),
        ("a block the parent does not have", ["page": "{{<layout}}\n{{$contnet}}\n<h1>{{article.title}}</h1>\n{{/contnet}}\n{{/layout}}\n"], """
            Templates/page.mustache:2:1: error: the parent `layout` has no block `contnet`
             2 | {{$contnet}}
               | ^
            hint: expected a block of `layout`: content, style; did you mean `content`?
            """),
        ("a partial that includes itself", [
            "page": "{{<layout}}\n{{$content}}\n{{> partials/byline}}\n{{/content}}\n{{/layout}}\n",
            "partials/byline": "<p>{{article.author}}</p>\n{{> partials/byline}}\n",
        ], """
            Templates/partials/byline.mustache:2:1: error: templates include each other in a loop: partials/byline → partials/byline
             2 | {{> partials/byline}}
               | ^
            hint: a template cannot include itself, directly or through others (used in page → layout → page's block `content` → partials/byline)
            """),
        ("the parent included inside its own block", ["page": "{{<layout}}\n{{$content}}\n{{> layout}}\n{{/content}}\n{{/layout}}\n"], """
            Templates/page.mustache:3:1: error: templates include each other in a loop: layout → page's block `content` → layout
             3 | {{> layout}}
               | ^
            hint: a block filled in for `layout` cannot include `layout`: the page is already inside it
            """),
        ("sections nested 3 000 deep", [
            "page": "{{<layout}}\n{{$content}}\n{{> partials/deep}}\n{{/content}}\n{{/layout}}\n",
            "partials/deep": String(repeating: "{{#article}}", count: 3_000) + String(repeating: "{{/article}}", count: 3_000) + "\n",
        ], """
            Templates/partials/deep.mustache:1:1201: error: sections, blocks and parents are nested more than 100 deep here
             1 | …le}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#article}}{{#a…
               |                                                                                                      ^
            hint: a template this deep is a mistake: close the sections it opens
            """),
    ]

    @Test("template mistakes: each is an error at its exact position, in plain words, with a hint that fits",
          arguments: templateMistakes.indices)
    func templateMistake(index: Int) throws {
        let mistake = Self.templateMistakes[index]
        var files: [String: String] = [:]
        for (name, text) in mistake.templates { files["Templates/\(name).mustache"] = text }
        let result = try Self.build(files)
        Self.expectFailed(result, errors: mistake.printed.components(separatedBy: ": error: ").count - 1)
        Self.expectPrinted(result, mistake.printed)
    }

    // MARK: - 11: figures

    @Test("11. a figure whose source is not an article: a page slug, or a typo of an article slug",
          arguments: [
              ("about", "is a page, not an article", "expected the folder name of the article that reported it, one of khorgos"),
              ("khorgoss", "is not an article (there is no Content/articles/khorgoss/)", "expected the folder name of the article that reported it, one of khorgos; did you mean `khorgos`?"),
          ])
    func figureSourceNotAnArticle(source: String, why: String, hint: String) throws {
        let result = try Self.build([
            "Content/data/corridors.yaml": Self.corridors.replacingOccurrences(of: "source: khorgos", with: "source: \(source)"),
        ])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/data/corridors.yaml:19:13: error: the source `\(source)` of figure `khorgos-trains` \(why)
            hint: \(hint)
            """.replacingOccurrences(of: "\nhint:", with: "\n 19 |     source: \(source)\n    |             ^\nhint:"))
    }

    // MARK: - 12–: slips found by an editor's walkthrough (issue 18)

    @Test("12. the placeholder of `caravan new` in a story that is no longer a draft: error at the placeholder")
    func placeholderPublished() throws {
        let placeholder = "Write the story here. When it is ready to publish, remove the line `draft: true` above."
        let result = try Self.build([Self.english: "---\ntitle: \"Khorgos gateway\"\ndate: 2024-01-25\n---\n\n\(placeholder)\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:6:1: error: the placeholder text of `caravan new` is still here, and the article is not a draft
             6 | \(placeholder)
               | ^
            hint: write the story in place of this paragraph, or keep `draft: true` in the front matter until it is ready
            """)
        // `caravan check` fails on it, with or without --strict.
        let site = try Self.site([Self.english: "---\ntitle: \"Khorgos gateway\"\ndate: 2024-01-25\n---\n\n\(placeholder)\n"])
        defer { site.cleanUp() }
        #expect(!SiteCheck.run(source: site.root.path).passes(strict: false))
        // As a draft it is what `caravan new` writes: no error.
        let draft = try Self.build([Self.english: "---\ntitle: \"Khorgos gateway\"\ndate: 2024-01-25\ndraft: true\n---\n\n\(placeholder)\n"])
        #expect(!draft.diagnostics.hasErrors, "\(SiteAssertions.printed(draft))")
    }

    @Test("13. a full-width colon after a key (a Chinese keyboard): error at the colon, hint with a half-width one")
    func fullWidthColon() throws {
        let result = try Self.build(["Content/articles/khorgos/zh.md": "---\ntitle：霍尔果斯口岸\ndate: 2024-01-25\n---\n正文。\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/zh.md:2:6: error: full-width colon `：` after the key `title`
             2 | title：霍尔果斯口岸
               |      ^
            hint: use a half-width `:` followed by a space: `title: 霍尔果斯口岸`
            """)
    }

    @Test("14. an unclosed quote followed by another quoted value: error where the quote opens, not where YAML gave up")
    func unclosedQuoteBeforeAnotherQuote() throws {
        let result = try Self.build([Self.english: "---\ntitle: \"unclosed\ndate: 2024-01-25\nsummary: \"One sentence.\"\n---\nText.\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:2:8: error: the quote `"` opened here is not closed on its line
             2 | title: "unclosed
               |        ^
            hint: close the quote at the end of the value: title: "unclosed"
            """)
    }

    @Test("15. a date with month 13 or a day the month does not have: the part out of range is named",
          arguments: [
              ("2024-13-45", "`date` 2024-13-45 has the month 13, but a month is from 01 to 12", "write year-month-day, with the month in the middle"),
              ("2024-25-01", "`date` 2024-25-01 has the month 25, but a month is from 01 to 12", "write year-month-day, with the month in the middle: `date: 2024-01-25`"),
              ("2024-02-30", "`date` 2024-02-30 has the day 30, but month 02 of 2024 has 29 days", "write a day from 01 to 29"),
          ])
    func dateOutOfRange(date: String, message: String, hint: String) throws {
        let result = try Self.build([Self.english: "---\ntitle: \"Khorgos gateway\"\ndate: \(date)\n---\nText.\n"])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:3:7: error: \(message)
             3 | date: \(date)
               |       ^
            hint: \(hint)
            """)
    }

    @Test("16. a corridor id cut short (`west`): did-you-mean the id it begins")
    func corridorByPrefix() throws {
        let result = try Self.build([
            Self.english: FixtureSite.article(title: "Khorgos gateway", extra: "tags: [rail]\ncorridors: [west]\n"),
        ])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:5:13: error: unknown corridor `west`
             5 | corridors: [west]
               |             ^
            hint: expected a corridor id of Content/data/corridors.yaml: western, central; did you mean `western`? (to add a new one, give it a name per language in Content/data/corridors.yaml)
            """)
    }

    @Test("17. a figure's value written with words or separators: the hint corrects what was written, and invents no number",
          arguments: [
              ("about 2,100", "write each part on a line of its own: `qualifier: about` and `value: 2100`"),
              ("2,485", "write the bare number, without units or thousands separators: `value: 2485`"),
              ("lots", "write the number the source gives, in digits only: no words, units or thousands separators (if the source gives no number, leave the figure out)"),
          ])
    func figureValueHint(written: String, hint: String) throws {
        let result = try Self.build([
            "Content/data/corridors.yaml": Self.corridors.replacingOccurrences(of: "value: 2485", with: "value: \(written)"),
        ])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/data/corridors.yaml:15:12: error: `value` must be a number, found `\(written)`
             15 |     value: \(written)
                |            ^
            hint: \(hint)
            """)
    }

    @Test("18. a relative link that leads nowhere: a build warning at the link (the site is still built)")
    func brokenRelativeLink() throws {
        let site = try Self.site([Self.english: FixtureSite.article(title: "Khorgos gateway", body: "Intro.\n\nSee [the old report](../khorgos-2023/).")])
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.output != nil && result.diagnostics.count == 1, "\(SiteAssertions.printed(result))")
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:7:5: warning: the link `../khorgos-2023/` leads to no page or file of the site (on en/articles/khorgos/index.html)
             7 | See [the old report](../khorgos-2023/).
               |     ^
            hint: check the address; to link to another story write `@/articles/<slug>` (a page: `@/pages/<slug>`), and put files the story links to in its folder
            """)
    }

    @Test("19. a site-absolute link to a story: a build warning whose hint is the story link to write")
    func siteAbsoluteLink() throws {
        let site = try Self.site([
            "Content/articles/belarus/zh.md": FixtureSite.article(title: "白俄罗斯"),
            "Content/articles/belarus/en.md": FixtureSite.article(title: "Belarus", body: "Intro.\n\nSee [Khorgos](/en/articles/khorgos/).\n\nAsk [us](/en/about/#team)."),
        ])
        defer { site.cleanUp() }
        let result = site.build()
        #expect(result.output != nil && result.diagnostics.count == 2, "\(SiteAssertions.printed(result))")
        Self.expectPrinted(result, """
            Content/articles/belarus/en.md:7:5: warning: the link `/en/articles/khorgos/` starts at the site's root, so it breaks when the site sits in a sub-folder or is opened from disk
             7 | See [Khorgos](/en/articles/khorgos/).
               |     ^
            hint: link the story by its folder name: `@/articles/khorgos`
            Content/articles/belarus/en.md:9:5: warning: the link `/en/about/#team` starts at the site's root, so it breaks when the site sits in a sub-folder or is opened from disk
             9 | Ask [us](/en/about/#team).
               |     ^
            hint: link the story by its folder name: `@/pages/about#team`
            """)
        // Before publishing, `caravan check --strict` fails on them.
        let report = SiteCheck.run(source: site.root.path)
        #expect(report.passes(strict: false) && !report.passes(strict: true))
        #expect(report.diagnostics(strict: true).filter { $0.message.contains("starts at the site's root") }.allSatisfy { $0.isError })
    }

    @Test("20. `expires` no later than `date`: the story would never show; error at `expires`")
    func expiresBeforeDate() throws {
        let result = try Self.build([Self.english: FixtureSite.article(title: "Khorgos gateway", date: "2024-01-25 09:00",
                                                                         extra: "tags: [rail]\ncorridors: [western]\nexpires: 2024-01-25\n")])
        Self.expectFailed(result)
        Self.expectPrinted(result, """
            Content/articles/khorgos/en.md:6:1: error: `expires` (2024-01-25) is not after the story's `date` (2024-01-25 09:00:00), so it would never be published
             6 | expires: 2024-01-25
               | ^
            hint: give `expires` a later time than `date`, or remove it to keep the story up
            """)
    }

    @Test("21. a misspelt time zone in site.yaml: error at the value, did-you-mean the zone")
    func unknownTimeZone() throws {
        let result = try Self.build(["Content/site.yaml": FixtureSite.minimal()["Content/site.yaml"]! + "timeZone: Europe/Berln\n"])
        Self.expectFailed(result)
        #expect(SiteAssertions.printed(result).contains("error: unknown time zone `Europe/Berln`\n"), "\(SiteAssertions.printed(result))")
        #expect(SiteAssertions.printed(result).hasSuffix("hint: did you mean `Europe/Berlin`?"), "\(SiteAssertions.printed(result))")
    }

    // MARK: - Messages around the mistakes

    @Test("`caravan new` tells the editor how to see the new draft in the preview")
    func newStoryPreviewAdvice() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        let plan = try #require(NewStory.plan(NewStoryRequest(kind: .article, slug: "new-route", titles: ["en": "New route"],
                                                              date: "2024-05-17"), root: site.root.path).0)
        let message = NewStory.successMessage(plan)
        #expect(message.contains("caravan serve --drafts"), "\(message)")

    }
}

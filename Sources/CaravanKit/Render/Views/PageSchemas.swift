/// What each page kind's template may use: the names its view model offers, and what each
/// holds. The template compiler checks every name against these; `Templates/README.md` is
/// written from them (`PageSchemas.documentation`), and a test keeps the two the same.
enum PageSchemas {
    typealias Schema = TemplateSchema
    typealias Field = TemplateSchema.Field

    /// The page kinds, by template name, in the order the README lists them, each with the
    /// names it offers beyond those of every page (`base`).
    static let kinds: [(template: String, title: String, own: Schema)] = [
        ("article", "An article (`/<lang>/articles/<slug>/`)", story(isArticle: true)),
        ("bilingual", "An article beside its translation, 中英对照 (`/<lang>/articles/<slug>/bilingual/`)", bilingual),
        ("page", "A page such as About (`/<lang>/<slug>/`)", story(isArticle: false)),
        ("list", "A list of articles: a language's home page and its pages, a tag's pages", list),
        ("tags", "Every tag of a language (`/<lang>/tags/`)", tags),
        ("search", "The search page (`/<lang>/search/`); `search.js` fills in the results", search),
        ("stats", "The statistics page (`/<lang>/stats/`)", stats),
        ("corridors", "Every corridor (`/<lang>/corridors/`)", corridors),
        ("corridor", "One corridor (`/<lang>/corridors/<id>/`)", corridor),
        ("landing", "The site's root, the language chooser (`/index.html`)", landing),
        ("404", "The page for a missing address (`/404.html`)", notFound),
    ]

    /// What every page offers (`PageContext.base`), with the UI strings of `uiStrings` (nil:
    /// `i18n` is documented, not listed).
    static func base(uiStrings: UIStrings?) -> Schema {
        Schema([
            .object("lang", "the page's language", Schema([
                .text("code", "its code: `zh`, `en`"), .text("html_lang", "its `<html lang>`: `zh-Hans`, `en`"),
                .text("name", "its name in itself: 中文, English"), .text("locale", "its Open Graph locale: `zh_CN`"),
            ])),
            .object("i18n", "the UI strings of the page's language (`Content/i18n/<lang>.yaml`), by key",
                    Schema((uiStrings?.values.keys.sorted() ?? []).map { .text($0, "") }, definedIn: uiStrings?.file)),
            .text("site_title", "the site's title in the page's language"),
            .text("site_description", "the site's description in the page's language"),
            .text("title", "the page's title"),
            .text("page_title", "the `<title>`: the page's title and the site's"),
            .text("description", "the page's description (meta and Open Graph)"),
            .text("stylesheet", "the address of `style.css` from this page"),
            .text("favicon", "the address of `Public/favicon.svg` from this page, when there is one", optional: true),
            .text("home_href", "the address of the language's home page"),
            .text("landing_href", "the address of the language chooser"),
            .list("nav", "the main navigation", of: Schema([
                .text("label", "what the link says"), .text("href", "its address"), .flag("current", "yes on the page it leads to"),
            ])),
            .text("canonical", "the page's public address (with a `baseURL`)", optional: true),
            .text("feed_href", "the address of the language's feed (with a `baseURL`)", optional: true),
            .text("og_type", "the Open Graph type: `website`, or `article` for articles"),
            .texts("og_locale_alternates", "the Open Graph locales of the page's translations"),
            .list("translations", "the language switch: the same page in each other language", of: Schema([
                .text("name", "the language's name"), .text("href", "the page in it"), .text("hreflang", "its `hreflang`"),
                .text("label", "what the link says: \"Read in English\""),
            ])),
            .flag("has_translations", "yes when the page exists in another language"),
            .list("alternates", "`<link rel=\"alternate\" hreflang>`: every language version and `x-default`", of: Schema([
                .text("hreflang", "the language tag, or `x-default`"), .text("href", "the address"),
            ])),
            .text("og_image", "the address of the lead picture, for sharing", optional: true),
            .text("json_ld", "schema.org data of an article, to write as it is: `{{{json_ld}}}`", optional: true),
        ])
    }

    static let listItem = Schema([
        .text("title", "the article's title"), .text("href", "its address"),
        .text("date_iso", "its date, as `<time datetime>` wants it"), .text("date_text", "its date, written out"),
        .text("summary", "its teaser (lists of titles only have none)", optional: true),
        .flag("draft", "yes for a draft listed by a preview (`--drafts`)"),
    ])

    static let figure = Schema([
        .text("id", "an anchor for the figure: `figure-<id>`"), .text("metric", "what was measured"),
        .text("detail", "which of the figures sharing its metric this is (\"Exports to Russia\"): its `label`", optional: true),
        .text("value", "the value, with its unit"), .text("period", "when"), .text("stats_href", "the figure on the statistics page"),
        .text("place", "the node it was measured at", optional: true), .text("change", "the change on a year", optional: true),
        .text("before", "the value before", optional: true),
        .object("source", "the article that reported it", optional: true, Schema([
            .text("title", "its title"), .text("href", "its address"),
            .text("hreflang", "its language, when not the page's", optional: true),
            .text("note", "says so: \"in English\"", optional: true),
        ])),
    ])

    static let chart = Schema([
        .text("id", "an anchor for the chart"), .text("title", "what it compares"), .text("svg", "the chart itself, to write as it is: `{{{svg}}}`"),
        .list("rows", "the same figures as a table", of: Schema([.text("label", "a bar's label"), .text("value", "its value")])),
    ])

    static let corridors = Schema([
        .list("corridors", "every corridor of `corridors.yaml`, in its order", of: Schema([
            .text("name", "its name"), .text("href", "its page"),
            .text("places", "its places' names, joined with the language's list joiner, when it has any", optional: true),
            .text("count", "how many reports are about it, written out: \"3 reports\""),
            .object("latest", "its newest report, when it has one", optional: true, listItem),
        ])),
    ])

    static let bilingual = Schema([
        .text("headline", "the article's title in the page's language"),
        .text("date_iso", "its date, as `<time datetime>` wants it"), .text("date_text", "its date, written out"),
        .text("article_href", "the article alone, in the page's language"),
        .object("other", "the translation", Schema([
            .text("html_lang", "its language's `lang`"), .text("name", "its language's name"),
            .text("title", "its title"), .text("href", "the article alone in that language"),
        ])),
        .flag("is_aligned", "yes when the two texts line up block by block (no: section by section)"),
        .list("pairs", "the text, one unit after the other", of: Schema([
            .text("first", "a block (or section) in the page's language, to write as it is: `{{{first}}}`"),
            .text("second", "the same in the translation, to write as it is"),
        ])),
    ])

    static func story(isArticle: Bool) -> Schema {
        var article: [Field] = [
            .text("title", "the title"), .text("body_html", "the text, to write as it is: `{{{body_html}}}`"),
            .text("date_iso", "the date, as `<time datetime>` wants it"), .text("date_text", "the date, written out"),
            .list("tags", "its tags", of: Schema([.text("name", "the tag's name"), .text("href", "the tag's page")])),
            .flag("has_tags", "yes when it has tags"),
            .text("summary", "the summary of its front matter", optional: true),
            .text("author", "the byline", optional: true),
            .object("updated", "when it was last changed (`updated` or its latest correction), if after its date", optional: true,
                    Schema([.text("iso", "as `<time datetime>` wants it"), .text("text", "written out")])),
            .list("corrections", "what was corrected after publication (`corrections:` in its front matter)", of: Schema([
                .text("date_iso", "when, as `<time datetime>` wants it"), .text("date_text", "when, written out"),
                .text("text", "what was corrected"),
            ])),
            .flag("has_corrections", "yes when it has corrections"),
            .object("image", "its lead picture", optional: true, Schema([.text("src", "the picture's address"), .text("alt", "its description")])),
            .text("reading_time", "how long it takes to read", optional: true),
        ]
        if isArticle {
            article += [
                .text("bilingual_href", "the article beside its translation (中英对照), when it has one", optional: true),
                .list("corridors", "the corridors it is about", of: Schema([
                    .text("name", "the corridor's name"), .text("href", "its page"),
                    .flag("first", "yes for the first (write `{{^first}}{{i18n.list_joiner}}{{/first}}` before each name)"),
                ])),
                .flag("has_corridors", "yes when it names corridors"),
                .list("figures", "the figures it reported", of: figure),
                .flag("has_figures", "yes when it reported figures"),
            ]
        }
        return Schema([
            .object("article", "the \(isArticle ? "article" : "page")", Schema(article)),
            .flag("draft", "yes for a draft shown by a preview (`--drafts`)"),
            .objectOrNo("translation_behind", "a note on a translation its original has changed since; no otherwise", Schema([
                .text("text", "the note: which language changed, and when"), .text("link", "what the link to it says"),
                .text("href", "the original's address"), .text("lang", "the original's language (`html_lang`)"),
            ])),
            .textOrNo("scheduled", "when a story dated later than the build goes live, for a preview that shows it early (`--future`); no otherwise"),
        ])
    }

    static let list = Schema([
        .text("heading", "the list's heading"),
        .list("articles", "the articles on this page of the list, newest first", of: listItem),
        .flag("has_articles", "yes when there are any"),
        .objectOrNo("pagination", "the list's pages, when there are several", Schema([
            .text("label", "\"Page 2 of 5\""), .text("prev_href", "the page before", optional: true),
            .text("next_href", "the page after", optional: true),
        ])),
        .object("front", "on a language's first home page: what leads it", optional: true, Schema([
            .object("lead", "the lead story: the newest with `featured: true`, else the newest", optional: true, listItem),
            .list("corridors", "each corridor with reports", of: Schema([
                .text("name", "the corridor's name"), .text("href", "its page"),
                .list("reports", "its newest reports (title and date)", of: listItem),
            ])),
            .flag("has_corridors", "yes when any corridor has reports"),
            .list("figures", "the figures of the latest reports", of: figure),
            .flag("has_figures", "yes when there are any"),
            .text("stats_href", "the statistics page"),
            .list("archive", "every month with articles, newest first", of: Schema([
                .text("label", "the month written out: \"March 2024\""), .text("href", "its page of the archive"),
            ])),
        ])),
    ])

    static let tags = Schema([
        .list("tags", "every tag used in this language", of: Schema([
            .text("name", "the tag's name"), .text("href", "its page"), .text("count", "how many articles carry it, written out"),
        ])),
        .flag("has_tags", "yes when there are any"),
    ])

    static let search = Schema([
        .text("script_href", "the address of `search.js`"),
        .text("index_href", "the folder of the language's index files, for `search.js` (`data-index`)"),
        .text("tags_href", "the tag index"), .text("corridors_href", "the corridor index"),
        .object("other", "the other language's search page, suggested when nothing is found", optional: true, Schema([
            .text("href", "its address (`search.js` adds `?q=`)"), .text("html_lang", "its `lang`"),
        ])),
    ])

    static let stats = Schema([
        .list("groups", "the figures, by corridor", of: Schema([
            .text("id", "an anchor: `corridor-<id>`"), .text("name", "the corridor's name"), .text("href", "its page"),
            .list("figures", "its figures", of: figure), .list("charts", "charts comparing them", of: chart),
            .text("region_label", "the accessible name of the table"),
        ])),
        .flag("has_groups", "yes when there are figures"),
    ])

    static let corridor = Schema([
        .list("nodes", "its places", of: Schema([
            .text("name", "the place's name"), .text("kind", "what it is: border port, hub…"), .text("country", "its country"),
        ])),
        .flag("has_nodes", "yes when it has places"),
        .text("map", "a schematic map of its places drawn from their `lat`/`lon`, to write as it is: `{{{map}}}`"),
        .flag("has_map", "yes when any of its places has a position"),
        .list("figures", "its figures", of: figure), .list("charts", "charts comparing them", of: chart),
        .text("region_label", "the accessible name of the figures table"),
        .flag("has_figures", "yes when it has figures"),
        .list("articles", "the articles about it, newest first (titles and dates)", of: listItem),
        .flag("has_articles", "yes when there are any"),
    ])

    static let landing = Schema([
        .list("languages", "each language, in the site's order", of: Schema([
            .text("name", "its name in itself"), .text("html_lang", "its `lang`"), .text("code", "its code"),
            .textOrNo("locale", "its Open Graph locale, no for the page's own"), .text("href", "its home page"),
            .text("site_title", "the site's title in it"), .text("site_description", "the site's description in it"),
            .text("latest_label", "\"Latest\" in it"), .text("enter_label", "\"Enter\" in it"),
            .text("stats_label", "\"Statistics\" in it"), .text("stats_href", "its statistics page"),
            .list("latest", "its newest articles (titles and dates)", of: listItem),
        ])),
    ])

    static let notFound = Schema([
        .list("languages", "the message in each language", of: Schema([
            .text("html_lang", "the language's `lang`"), .text("href", "its home page"), .text("title", "the heading"),
            .text("text", "the message"), .text("home_label", "the link's words"),
        ])),
        .text("inline_style", "the stylesheet, to write as it is: the page is served at any address", optional: true),
    ])
}

import ArgumentParser
import CaravanKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new story or page: one file per language, marked as a draft.",
        discussion: """
            Examples:
              caravan new article khorgos-trains --tag rail --corridor western
              caravan new article khorgos-trains --title-en "Trains through Khorgos"
              caravan new page contact

            Creates Content/articles/<slug>/ (or Content/pages/<slug>/) with one Markdown file per language of Content/site.yaml. Each file has its front matter filled in and `draft: true`, so it is not published until you remove that line. Nothing that already exists is ever replaced.
            """,
        subcommands: [NewArticle.self, NewPage.self]
    )
}

/// Options shared by `new article` and `new page`.
struct NewOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The address of the story, shared by every language: lower-case letters a-z, digits and -, e.g. khorgos-trains.",
        valueName: "slug"))
    var slug: String

    @Option(name: .customLong("title-zh"), help: ArgumentHelp("The Chinese headline. Without it the slug stands in until you edit the file.", valueName: "text"))
    var titleZh: String?

    @Option(name: .customLong("title-en"), help: ArgumentHelp("The English headline. Without it the slug stands in until you edit the file.", valueName: "text"))
    var titleEn: String?

    @Option(name: .customLong("title"), help: ArgumentHelp("The headline in any other language of the site, as code=text (repeatable).", valueName: "code=text"))
    var otherTitles: [String] = []

    @Option(name: .long, help: ArgumentHelp("The site folder: the one holding Content/.", valueName: "folder"))
    var source: String = "."

    func titles() throws -> [String: String] {
        var titles: [String: String] = [:]
        for entry in otherTitles {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("--title needs code=text, e.g. --title ru=\"Поезда через Хоргос\"")
            }
            titles[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        titles["zh"] = titleZh ?? titles["zh"]
        titles["en"] = titleEn ?? titles["en"]
        return titles
    }

    /// Calls CaravanKit once, prints what happened, and maps it to the exit status.
    func create(_ kind: SourceDocument.Kind, tags: [String] = [], corridors: [String] = []) throws {
        let request = NewStoryRequest(kind: kind, slug: slug, titles: try titles(), tags: tags, corridors: corridors, date: NewStory.today())
        let (plan, diagnostics) = NewStory.create(request, root: source)
        if !diagnostics.isEmpty {
            FileHandle.standardError.write(Data((DiagnosticPrinter.format(diagnostics) + "\n").utf8))
        }
        guard let plan else {
            FileHandle.standardError.write(Data("nothing was created.\n".utf8))
            throw ExitCode.failure
        }
        print(NewStory.successMessage(plan, prefix: source == "." ? "" : source.hasSuffix("/") ? source : source + "/"))
    }
}

struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Create Content/articles/<slug>/ with a draft file per language.",
        discussion: """
            The date is today's date on this computer's clock and time zone (YYYY-MM-DD): the site has no time zone setting, so change `date:` in the files if the story is for another day.

            Tag and corridor ids must exist in Content/data/tags.yaml and Content/data/corridors.yaml.
            """
    )

    @OptionGroup var options: NewOptions

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag id from Content/data/tags.yaml (repeat for several).", valueName: "id"))
    var tags: [String] = []

    @Option(name: .customLong("corridor"), help: ArgumentHelp("A corridor id from Content/data/corridors.yaml (repeat for several).", valueName: "id"))
    var corridors: [String] = []

    func run() throws {
        try options.create(.article, tags: tags, corridors: corridors)
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Create Content/pages/<slug>/ (an About-style page) with a draft file per language.",
        discussion: """
            The page is published at /<language>/<slug>/ and linked from the navigation once `draft: true` is removed. The date is today's date on this computer's clock and time zone (YYYY-MM-DD).
            """
    )

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.create(.page)
    }
}

import ArgumentParser

@main
struct Caravan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caravan",
        abstract: "Builds the bilingual Caravan news site from Markdown stories.",
        discussion: """
            Run it in the folder that holds Content/, Templates/ and Public/. Each story is a folder Content/articles/<slug>/ with one Markdown file per language (zh.md, en.md). `caravan build` turns them into Site/, which you can upload to any web host as it is.
            """,
        subcommands: [Build.self, Serve.self, New.self, Check.self],
        defaultSubcommand: Build.self
    )
}

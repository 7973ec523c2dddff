import ArgumentParser
import CaravanKit
import Foundation

@main
struct Caravan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caravan",
        abstract: "Builds the bilingual Caravan news site from Markdown stories.",
        discussion: """
            Run it in the folder that holds Content/, Templates/ and Public/. Each story is a folder Content/articles/<slug>/ with one Markdown file per language (zh.md, en.md). `caravan build` turns them into Site/, which you can upload to any web host as it is.
            """,
        version: CaravanVersion.current,
        subcommands: [Build.self, Serve.self, New.self, Check.self, Clean.self],
        defaultSubcommand: Build.self
    )

    /// `caravan biuld` would go to the default command, `build`, and get its usage back:
    /// an unknown command gets the top-level usage, with a did-you-mean, instead.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Every command but serve runs once and exits (see `HeapGrowth`). Set before the
        // first allocations, so that no heap has grown the default way yet.
        if arguments.first != "serve" { HeapGrowth.useLargeSteps() }
        let commands = configuration.subcommands.map { $0.configuration.commandName ?? $0._commandName } + ["help"]
        if let problem = UnknownCommand.problem(in: arguments, commands: commands) {
            standardError("error: \(problem.message)\nhint: \(problem.hint)\n\n" + helpMessage())
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(nil)
    }
}

import ArgumentParser
import CaravanKit

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the built site (Site/ or --output) and caravan's build state for it.",
        discussion: """
            Removes the output folder only if caravan built it (it holds caravan's marker file, .caravan-site), and the state caravan keeps for it in .caravan/ beside Content/. Nothing else is touched: a folder caravan did not build is refused. The next build is a full one.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder: the one holding Content/.", valueName: "folder"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("The folder `caravan build` wrote.", valueName: "folder"))
    var output: String = "Site"

    func run() throws {
        do {
            let report = try SiteCleaner.clean(output: output, source: source)
            print(SiteCleaner.message(report, output: output))
        } catch {
            standardError("error: \(error.description)\nhint: \(error.hint)")
            throw ExitCode.failure
        }
    }
}

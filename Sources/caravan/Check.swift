import ArgumentParser
import CaravanKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing anything, and list what to fix.",
        discussion: """
            Builds the site in memory (Site/ is not touched) and prints every problem, then a table of the stories with the languages each has (published, draft or missing) and its tags and corridors, then what a build lets through but an editor should fix: articles without tags or corridors, figures citing a draft or missing article, links that lead nowhere.

            Exits with status 0 when there are no errors; with --strict, any warning fails.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder: the one holding Content/.", valueName: "folder"))
    var source: String = "."

    @Flag(name: .long, help: "Treat warnings (and the check's findings) as errors: exit with status 1 if there are any.")
    var strict = false

    func run() throws {
        let report = SiteCheck.run(source: source)
        print(CheckReportFormatter.format(report, strict: strict))
        if !report.passes(strict: strict) { throw ExitCode.failure }
    }
}

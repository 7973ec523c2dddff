import ArgumentParser
import CaravanKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into Site/ (or --output).",
        discussion: """
            Reads Content/ (stories, pages, site.yaml, i18n strings), renders every page in
            every language through Templates/, copies Public/, and writes the result.

            If anything is wrong, every problem is listed as file:line:column with a hint,
            nothing is written, and the previous site stays exactly as it was. Only files
            whose content changed are rewritten.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder: the one holding Content/.", valueName: "folder"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site. Created if missing; a folder not made by caravan is never overwritten.", valueName: "folder"))
    var output: String = "Site"

    @Flag(name: .long, help: "Also publish stories marked `draft: true` (for previews; do not upload).")
    var drafts = false

    @Flag(name: .long, help: "Print only problems, not the summary line.")
    var quiet = false

    @Flag(name: .long, help: "Print how long each stage took (load, resolve, markdown, pages, write).")
    var timings = false

    func run() throws {
        let start = Date()
        let result = CaravanKit.Site.build(BuildOptions(source: source, includeDrafts: drafts))
        if !result.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((DiagnosticPrinter.format(result.diagnostics) + "\n").utf8))
        }
        guard let output = result.output else {
            let errors = result.diagnostics.errorCount
            FileHandle.standardError.write(Data("build failed: \(errors) error\(errors == 1 ? "" : "s"); nothing was written.\n".utf8))
            throw ExitCode.failure
        }
        let outputFolder = URL(fileURLWithPath: self.output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
        let report: SiteWriter.Report
        let writeStart = ContinuousClock.now
        do {
            report = try SiteWriter(output: outputFolder, source: source).write(output)
        } catch let refusal as SiteWriter.Refusal {
            FileHandle.standardError.write(Data("error: \(refusal.description)\nhint: \(refusal.hint)\n".utf8))
            throw ExitCode.failure
        }
        if timings {
            let stages = result.timings + [("write", ContinuousClock.now - writeStart)]
            let text = stages.map { "\($0.stage) \(Int(Double($0.duration.components.attoseconds) / 1e15 + Double($0.duration.components.seconds) * 1000)) ms" }
            FileHandle.standardError.write(Data(("timings: " + text.joined(separator: ", ") + "\n").utf8))
        }
        guard !quiet else { return }
        print(BuildSummary.line(output: output, report: report, warnings: result.diagnostics.warningCount,
                                seconds: Date().timeIntervalSince(start), indexPath: outputFolder + "/index.html"))
    }
}

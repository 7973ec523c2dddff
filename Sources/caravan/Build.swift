import ArgumentParser
import CaravanKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into Site/ (or --output).",
        discussion: """
            Reads Content/ (stories, pages, data, site.yaml, i18n strings), renders every page in every language through Templates/, copies Public/, and writes the result.

            If anything is wrong, every problem is listed as file:line:column with a hint, nothing is written, and the previous site stays exactly as it was. Only files whose content changed are rewritten.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder: the one holding Content/.", valueName: "folder"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site. Created if missing; a folder not made by caravan is never overwritten.", valueName: "folder"))
    var output: String = "Site"

    @Flag(name: .long, help: "Also publish stories marked `draft: true` (for previews; do not upload).")
    var drafts = false

    @Flag(name: .long, help: "Also publish stories dated later than now, marked as scheduled (for previews; do not upload).")
    var future = false

    @Flag(name: .long, help: "Leave out the search pages and index (as `search: false` in site.yaml does).")
    var noSearch = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The public address to use instead of `baseURL` in site.yaml, for a preview or staging host (canonical links, feeds, sitemap).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Print only problems, not the progress and summary lines.")
    var quiet = false

    @Flag(name: .long, help: "Print how long each stage took (fingerprint, previous build, load, resolve, plan, templates, markdown, pages, write).")
    var timings = false

    func validate() throws {
        if let baseURL, let problem = BuildOptions.baseURLProblem(baseURL) { throw ValidationError(problem) }
    }

    func run() throws {
        let start = ContinuousClock.now
        let outputFolder = URL(fileURLWithPath: self.output).standardizedFileURL.path
        // A progress line only for a person watching a terminal; logs and pipes stay clean.
        let progress = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
        let builder: SiteBuilder
        do {
            var options = BuildOptions(source: source, includeDrafts: drafts, includeSearch: !noSearch, baseURL: baseURL, progress: progress?.show)
            options.includeFuture = future
            builder = try SiteBuilder(options: options, output: outputFolder)
        } catch {
            standardError("error: \(error.description)\nhint: \(error.hint)")
            throw ExitCode.failure
        }
        let result = builder.build()
        progress?.clear()
        if !result.diagnostics.isEmpty {
            standardError(DiagnosticPrinter.format(result.diagnostics))
        }
        guard result.succeeded, let report = result.report else {
            let errors = result.diagnostics.errorCount
            standardError("build failed: \(counted(errors, "error")); nothing was written.")
            throw ExitCode.failure
        }
        if timings {
            standardError("timings: " + result.timings.map { "\($0.stage) \(milliseconds($0.duration)) ms" }.joined(separator: ", "))
        }
        if !quiet {
            printSummary(result, report: report, outputFolder: outputFolder, start: start)
        }
        // The site is in the folder and the state saved: the process ends here, and the
        // system takes back what the build held at once. Freed object by object on the way
        // out (tens of thousands of pages and stories), it took tens of milliseconds.
        Foundation.exit(EXIT_SUCCESS)
    }

    private func printSummary(_ result: BuildResult, report: SiteWriter.Report, outputFolder: String, start: ContinuousClock.Instant) {
        guard let output = result.output else {
            print("Nothing changed since the last build: \(counted(report.unchanged, "file")) up to date "
                  + "(\(milliseconds(ContinuousClock.now - start)) ms). Open \(outputFolder)/index.html")
            return
        }
        print(BuildSummary.line(output: output, report: report, warnings: result.diagnostics.warningCount,
                                seconds: Double(milliseconds(ContinuousClock.now - start)) / 1000, indexPath: outputFolder + "/index.html"))
        if let next = BuildSummary.nextScheduledChange(output) { print(next) }
    }
}

/// One line on the terminal, redrawn in place: "pages 3000/12068".
struct ProgressLine: Sendable {
    func show(stage: String, done: Int, total: Int) {
        let text = total > 1 ? "\(stage) \(done)/\(total)" : "\(stage)…"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
}

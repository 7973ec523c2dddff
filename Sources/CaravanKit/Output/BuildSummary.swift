/// The one line a build ends with: what was made, what changed on disk, how long it took,
/// and where to look.
public enum BuildSummary {
    public static func line(output: BuildOutput, report: SiteWriter.Report, warnings: Int, seconds: Double, indexPath: String) -> String {
        let pages = output.pagesPerLanguage.values.reduce(0, +)
        let perLanguage = output.pagesPerLanguage.keys.filter { !$0.isEmpty }.sorted()
            .map { "\($0) \(output.pagesPerLanguage[$0]!)" }.joined(separator: ", ")
        let time = seconds < 10 ? String(Int(seconds * 1000)) + " ms" : String(Int(seconds)) + " s"
        let kept = output.pages.keptCount == 0 ? "" : "; \(output.renderedPageCount) rendered, \(pages - output.renderedPageCount) unchanged since the last build"
        return "Built \(counted(pages, "page")) (\(perLanguage)\(kept)), \(counted(warnings, "warning")) in \(time); "
            + "files: \(report.written) written, \(report.unchanged) unchanged, \(report.removed) removed. Open \(indexPath)"
    }

    /// "Next scheduled: … goes live at 2024-05-17 08:00 (Asia/Shanghai); build again then to
    /// publish it.", for whoever runs the builds (a cron job); nil when nothing is scheduled.
    public static func nextScheduledChange(_ output: BuildOutput) -> String? {
        guard let next = output.upcoming.first else { return nil }
        let more = output.upcoming.count > 1 ? " (\(counted(output.upcoming.count - 1, "more change")) after it; `caravan check` lists them)" : ""
        switch next.kind {
        case .publish: return "Next scheduled: \(next.description); build again then to publish it\(more)."
        case .expire: return "Next scheduled: \(next.description); build again then to take it down\(more)."
        }
    }
}

/// The text `caravan check` prints: every diagnostic (compiler style), then a table of the
/// stories and their languages, the check's findings grouped by kind, and one summary line.
public enum CheckReportFormatter {
    public static func format(_ report: SiteCheckReport, strict: Bool, width: Int = 80) -> String {
        var sections: [String] = []
        let diagnostics = report.diagnostics(strict: strict)
        if !diagnostics.isEmpty { sections.append(DiagnosticPrinter.format(diagnostics)) }
        if let stories = storyTables(report, width: width) { sections.append(stories) }
        if let findings = findingsList(report) { sections.append(findings) }
        if let scheduled = scheduleList(report) { sections.append(scheduled) }
        sections.append(summary(report, strict: strict))
        return sections.joined(separator: "\n\n")
    }

    /// The stories, articles then pages: which languages each has, and its tags and corridors.
    public static func storyTables(_ report: SiteCheckReport, width: Int = 80) -> String? {
        guard !report.stories.isEmpty else { return nil }
        var parts: [String] = []
        for kind in [SourceDocument.Kind.article, .page] {
            let rows = report.stories.filter { $0.kind == kind }
            guard !rows.isEmpty else { continue }
            let isArticle = kind == .article
            var table = TextTable(
                headers: [isArticle ? "ARTICLE" : "PAGE"] + report.languages + (isArticle ? ["TAGS", "CORRIDORS"] : []),
                rows: rows.map { row in
                    [row.slug] + report.languages.map { row.languages[$0]?.rawValue ?? "missing" }
                        + (isArticle ? [range(row.tagCounts), range(row.corridorCounts)] : [])
                },
                width: width)
            if isArticle { table.rightAligned = [report.languages.count + 1, report.languages.count + 2] }
            parts.append("\(isArticle ? "Articles" : "Pages") (\(rows.count))\n" + table.render())
        }
        parts.append("yes: published   draft: has `draft: true`   missing: no file   error: see above\n"
                     + "later: dated later than now (scheduled)   expired: past its `expires`")
        return parts.joined(separator: "\n\n")
    }

    /// The check's findings grouped by kind, each with where to fix it.
    public static func findingsList(_ report: SiteCheckReport) -> String? {
        guard !report.findings.isEmpty else { return nil }
        var lines = ["Findings (\(report.findings.count))"]
        for kind in SiteCheckReport.Finding.Kind.allCases {
            let findings = report.findings(kind)
            guard !findings.isEmpty else { continue }
            lines.append("  \(kind.rawValue) (\(findings.count))")
            for finding in findings {
                var place = finding.diagnostic.file
                if let line = finding.diagnostic.line { place += ":\(line)" }
                lines.append("    \(place)" + (finding.detail.isEmpty ? "" : "  \(finding.detail)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What the clock will change, soonest first, so an editor sees the embargoes at a glance.
    public static func scheduleList(_ report: SiteCheckReport) -> String? {
        guard !report.scheduled.isEmpty else { return nil }
        return (["Scheduled (\(report.scheduled.count))"] + report.scheduled.map { "  \($0.description)" }).joined(separator: "\n")
    }

    /// One line: passed or failed, what was checked, and the counts.
    public static func summary(_ report: SiteCheckReport, strict: Bool) -> String {
        let all = report.diagnostics()
        let passed = report.passes(strict: strict)
        let articles = report.stories.filter { $0.kind == .article }.count
        let pages = report.stories.count - articles
        var line = passed ? "Check passed: " : strict && !all.hasErrors ? "Check failed (--strict counts warnings as errors): " : "Check failed: "
        line += "\(plural(articles, "article")), \(plural(pages, "page"))"
        line += ", \(report.stories.filter(\.hasDraft).count) with drafts"
        line += ", \(report.stories.filter { !$0.missing.isEmpty }.count) missing a language"
        line += "; \(plural(all.errorCount, "error")), \(plural(all.warningCount, "warning"))"
        let own = all.count - report.buildDiagnostics.count
        if own > 0 { line += " (\(own) from the check)" }
        line += "."
        if !report.linksChecked { line += " Links were not checked: the site does not build." }
        return line
    }

    /// `3`, or `0-3` when the translations differ (one has none, another three).
    private static func range(_ counts: [String: Int]) -> String {
        let low = counts.values.min() ?? 0, high = counts.values.max() ?? 0
        return low == high ? "\(low)" : "\(low)-\(high)"
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        counted(count, noun)
    }
}

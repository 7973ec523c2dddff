/// The line `caravan serve` prints after each rebuild (the diagnostics come before it).
public enum RebuildMessage {
    public static func line(for result: BuildResult, milliseconds: Int) -> String {
        let diagnostics = result.diagnostics
        return result.succeeded
            ? "Built in \(milliseconds) ms; \(counted(diagnostics.warningCount, "warning"))."
            : "Build failed (\(counted(diagnostics.errorCount, "error"))); still serving the last good version."
    }
}

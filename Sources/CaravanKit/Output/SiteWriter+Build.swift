import Foundation

extension SiteWriter {
    /// Builds the site and writes it into this folder, as `caravan build` does: pages whose
    /// inputs did not change since `previous` are kept as they are, front matter parsed then
    /// is reused, and pages are staged as they are rendered, to become the real files only
    /// when the whole build succeeded. The report is nil when the build failed; the folder
    /// is then exactly as `previous` left it. `inputs` is the source fingerprint to store.
    public func build(_ options: BuildOptions, after previous: PreviousBuild?, inputs: UInt64? = nil) throws -> (BuildResult, Report?) {
        var options = options
        options.previousPageKeys = previous?.pageKeys ?? [:]
        options.previousFrontMatter = previous?.frontMatter ?? YAMLCache()
        let staging = begin(after: previous)
        options.pageOutput = { path, bytes, key in staging.stage(path, bytes, key: key) }
        var result = Site.build(options)
        guard let output = result.output else {
            staging.abandon()
            return (result, nil)
        }
        let start = ContinuousClock.now
        let report = try staging.commit(output, inputs: inputs)
        result.timings.append(("write", ContinuousClock.now - start))
        return (result, report)
    }
}

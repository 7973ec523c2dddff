extension Array where Element == Diagnostic {
    /// Errors and warnings in reading order: by file, then line, then column.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message)
        }
    }

    public var errorCount: Int { count(where: \.isError) }
    public var warningCount: Int { count(where: { !$0.isError }) }
    public var hasErrors: Bool { contains(where: \.isError) }
}

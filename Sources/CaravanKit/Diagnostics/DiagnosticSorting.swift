extension Array where Element == Diagnostic {
    /// Errors and warnings in reading order: by file, then line, then column.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message)
        }
    }

    /// The same problem found many times on one line (two thousand missing pictures on one
    /// line of Markdown) as its first report, saying how many more there are.
    func collapsedPerLine() -> [Diagnostic] {
        var result: [Diagnostic] = []
        var repeats = 0
        func flush() {
            if repeats > 0, var last = result.popLast() {
                last.message += " (and \(repeats) more like it on this line)"
                result.append(last)
            }
            repeats = 0
        }
        for diagnostic in self {
            if let previous = result.last, previous.line != nil, previous.file == diagnostic.file, previous.line == diagnostic.line,
               previous.severity == diagnostic.severity, Self.shape(of: previous.message) == Self.shape(of: diagnostic.message) {
                repeats += 1
                continue
            }
            flush()
            result.append(diagnostic)
        }
        flush()
        return result
    }

    /// A message with what it quotes (`…`) left out: the kind of problem.
    private static func shape(of message: String) -> String {
        var shape = ""
        var quoting = false
        for character in message {
            if character == "`" { quoting.toggle(); continue }
            if !quoting { shape.append(character) }
        }
        return shape
    }

    public var errorCount: Int { count(where: \.isError) }
    public var warningCount: Int { count(where: { !$0.isError }) }
    public var hasErrors: Bool { contains(where: \.isError) }
}

/// One problem found in the sources, located as precisely as the source allows.
///
/// Paths are relative to the site root (the folder holding `Content/`), lines and
/// columns count from 1, and lines count from the top of the file (front matter included).
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var hint: String?
    /// The text of `line`, shown under the message with a caret at `column`.
    public var sourceLine: String?

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
        message: String, hint: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    public static func error(
        _ file: String, _ location: SourceLocation? = nil, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, file: file, line: location?.line, column: location?.column, message: message, hint: hint)
    }

    public static func warning(
        _ file: String, _ location: SourceLocation? = nil, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, file: file, line: location?.line, column: location?.column, message: message, hint: hint)
    }

    public var isError: Bool { severity == .error }

    /// Whether `other` reports the same thing at the same place, whatever its hint says.
    func isSameProblem(as other: Diagnostic) -> Bool {
        (severity, file, line, column, message) == (other.severity, other.file, other.line, other.column, other.message)
    }
}

/// A 1-based line and column in a source file.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// This location moved down by `lines` (front matter starts below the `---` line).
    public func offset(by lines: Int) -> SourceLocation {
        SourceLocation(line: line + lines, column: column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

import Foundation

/// Turns a file's bytes into text an editor would recognise, or a diagnostic that says
/// why it cannot: invalid UTF-8 (with where), a byte-order mark (dropped), CRLF and CR
/// line endings (made LF, so lines count the same on every system).
enum SourceText {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Through a buffer pointer: validating an ArraySlice takes a slow generic path.
        guard let text = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
            let location = firstInvalidByte(in: Array(bytes))
            return .failure(.error(
                file, location, "the file is not valid UTF-8 text",
                hint: "save it as UTF-8 (in most editors: Save with Encoding → UTF-8)"))
        }
        // memchr: `contains` on an ArraySlice takes a generic path, a byte at a time.
        let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 13, buffer.count) != nil } ?? false
        }
        guard hasCarriageReturn else { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// The line and column of the first byte that breaks UTF-8, for the diagnostic.
    private static func firstInvalidByte(in bytes: [UInt8]) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid = length > 0 && index + length <= bytes.count
                && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            guard valid else { break }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
        return SourceLocation(line: line, column: column)
    }

    /// Line `number` (1-based) of `text`, for showing under a diagnostic.
    static func line(_ number: Int, of text: String) -> String? {
        // A byte scan that stops at the line: a file with many problems asks for many lines.
        guard number >= 1 else { return nil }
        let utf8 = text.utf8
        var start = utf8.startIndex
        for _ in 1..<number {
            guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = utf8.index(after: newline)
        }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        return String(text[start..<end])
    }
}

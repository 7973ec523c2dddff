/// Byte-level HTML escaping of text for element content and attribute values. The renderer
/// calls `append` for every `{{value}}`: the escaper is on the hot path of every page.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` escaped, appended to `output`: the renderer's way, with no string in between.
    /// Runs of bytes that need nothing are copied whole from the string's own storage.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    /// UTF-8 `bytes` escaped, appended to `output`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for (index, byte) in bytes.enumerated() where needsEscaping(byte) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let entity: StaticString = switch byte {
            case 38: "&amp;"
            case 60: "&lt;"
            case 62: "&gt;"
            case 34: "&quot;"
            default: "&#39;"
            }
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// `text` appended as it is.
    static func appendRaw(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// `&` `<` `>` `"` `'`: one bit each of a 64-bit mask, one test per byte.
    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && (0x5000_00C4_0000_0000 as UInt64) >> byte & 1 != 0
    }
}

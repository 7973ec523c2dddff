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
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where needsEscaping(byte) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch byte {
                case 38: output += [38, 97, 109, 112, 59]            // &amp;
                case 60: output += [38, 108, 116, 59]                // &lt;
                case 62: output += [38, 103, 116, 59]                // &gt;
                case 34: output += [38, 113, 117, 111, 116, 59]      // &quot;
                default: output += [38, 35, 51, 57, 59]              // &#39;
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// `text` appended as it is.
    static func appendRaw(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39
    }
}

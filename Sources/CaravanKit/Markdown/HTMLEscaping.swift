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
    static func append(_ text: String, to output: inout [UInt8]) {
        // Most values (dates, links, plain titles) need nothing: copy them whole.
        guard text.utf8.contains(where: needsEscaping) else {
            output.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 38: output += [38, 97, 109, 112, 59]            // &amp;
            case 60: output += [38, 108, 116, 59]                // &lt;
            case 62: output += [38, 103, 116, 59]                // &gt;
            case 34: output += [38, 113, 117, 111, 116, 59]      // &quot;
            case 39: output += [38, 35, 51, 57, 59]              // &#39;
            default: output.append(byte)
            }
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39
    }
}

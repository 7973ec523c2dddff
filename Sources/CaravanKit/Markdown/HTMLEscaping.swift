/// Byte-level HTML escaping, used by the template adapter for every `{{value}}`:
/// the escaper is on the hot path of every page.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var needsEscaping = false
        for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
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
        return String(decoding: output, as: UTF8.self)
    }
}

/// Raw HTML as a site with `unsafe_html: true` publishes it: every tag kept, but no way
/// left to run script. Event handler attributes (`onclick`, …) and `srcdoc` and
/// `http-equiv` are dropped, and so is any address attribute (`href`, `src`, `action`,
/// `formaction`, `xlink:href`, …) whose address runs script (`javascript:`, `vbscript:`,
/// `data:text/html`), written plainly or with character references. cmark's `tagfilter`
/// then disarms `<script>`, `<iframe>`, `<style>` and the like.
///
/// Tags are read the way a browser reads them (the HTML tokenizer's tag and attribute
/// states), so an attribute the browser would see is an attribute here too; each kept
/// attribute is written back with its value in double quotes.
enum RawHTMLFilter {
    static func filter(_ html: String) -> String {
        let bytes = Array(html.utf8)
        // Most raw HTML has no attribute worth a look: leave it untouched, byte for byte.
        guard needsFiltering(bytes) else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 60, index + 1 < bytes.count, isLetter(bytes[index + 1]) {
                index = filterTag(bytes, from: index, into: &output)
            } else if byte == 60, bytes[index...].starts(with: Array("<!--".utf8)) {
                let end = find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                output += bytes[index..<end]
                index = end
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Attribute names (lower case) whose value is an address.
    static let addressAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "longdesc",
        "lowsrc", "dynsrc", "usemap", "manifest", "codebase", "archive", "classid", "profile", "ping", "icon", "srcset",
    ]

    private static func needsFiltering(_ bytes: [UInt8]) -> Bool {
        // An attribute needs `=` or a name starting `on`; without `<` there is no tag.
        bytes.contains(60) && (bytes.contains(61) || bytes.contains(111) || bytes.contains(79))
    }

    /// Copies the tag starting at `start` (`<` and a letter) with its dangerous attributes
    /// left out, every other byte as written; returns where the tag ended.
    private static func filterTag(_ bytes: [UInt8], from start: Int, into output: inout [UInt8]) -> Int {
        var index = start + 1
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != 47, bytes[index] != 62 { index += 1 }
        var copied = start  // bytes before this are written (or dropped)
        while index < bytes.count {
            // Before an attribute name: spaces and stray slashes are skipped.
            let spanStart = index
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == 47 {
                if bytes[index] == 47, index + 1 < bytes.count, bytes[index + 1] == 62 { break }
                index += 1
            }
            guard index < bytes.count else { break }
            if bytes[index] == 62 || bytes[index] == 47 {  // ">" or "/>"
                index += bytes[index] == 62 ? 1 : 2
                break
            }
            let nameStart = index
            index += 1  // a name's first character may be `=`
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != 47, bytes[index] != 62, bytes[index] != 61 { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var afterName = index
            while afterName < bytes.count, isSpace(bytes[afterName]) { afterName += 1 }
            var value: [UInt8]?
            if afterName < bytes.count, bytes[afterName] == 61 {
                index = afterName + 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == 34 || bytes[index] == 39 {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = Array(bytes[valueStart..<index])
                    index = min(bytes.count, index + 1)
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != 62 { index += 1 }
                    value = Array(bytes[valueStart..<index])
                }
            }
            if !keeps(name, value) {
                // Dropped with the space before it.
                output += bytes[copied..<spanStart]
                copied = index
            }
        }
        output += bytes[copied..<min(index, bytes.count)]
        return min(index, bytes.count)
    }

    static func keeps(_ name: String, _ value: [UInt8]?) -> Bool {
        if name.hasPrefix("on") || name == "srcdoc" || name == "http-equiv" { return false }
        guard addressAttributes.contains(name), let value else { return true }
        let decoded = decodeReferences(value)
        if name == "srcset" {
            return !decoded.split(separator: ",").contains { runsScript(String($0)) }
        }
        return !runsScript(decoded)
    }

    /// Whether an address runs script; an address whose scheme is written with a character
    /// reference that could not be read counts as one.
    static func runsScript(_ address: String) -> Bool {
        let scheme = address.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return MarkdownRenderer.isScriptURL(address) || (address.contains(":") && scheme.contains("&"))
    }

    /// The value with numeric character references (`&#106;`, `&#x6A`) and the named ones
    /// that can spell a scheme (`&colon;`, `&Tab;`, `&NewLine;`) read, as a browser reads them.
    static func decodeReferences(_ value: [UInt8]) -> String {
        let named: [String: String] = ["colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "period": ".", "amp": "&",
                                       "lpar": "(", "rpar": ")", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "semi": ";"]
        var result = ""
        var index = 0
        while index < value.count {
            guard value[index] == 38 else {
                let end = value[index...].firstIndex(of: 38) ?? value.count
                result += String(decoding: value[index..<end], as: UTF8.self)
                index = end
                continue
            }
            var end = index + 1
            if end < value.count, value[end] == 35 {  // &#…
                end += 1
                let hex = end < value.count && (value[end] == 120 || value[end] == 88)
                if hex { end += 1 }
                let digitsStart = end
                while end < value.count, hex ? isHexDigit(value[end]) : (value[end] >= 48 && value[end] <= 57) { end += 1 }
                let digits = String(decoding: value[digitsStart..<end], as: UTF8.self)
                if let number = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(number) {
                    result.unicodeScalars.append(scalar)
                    index = end < value.count && value[end] == 59 ? end + 1 : end
                    continue
                }
            } else {
                while end < value.count, isLetter(value[end]) { end += 1 }
                let name = String(decoding: value[(index + 1)..<end], as: UTF8.self).lowercased()
                if let text = named[name] {
                    result += text
                    index = end < value.count && value[end] == 59 ? end + 1 : end
                    continue
                }
            }
            result += "&"
            index += 1
        }
        return result
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 12 || byte == 13 }
    private static func isHexDigit(_ byte: UInt8) -> Bool { (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 102) }
}

/// One language's UI strings from `Content/i18n/<lang>.yaml`: navigation labels, the
/// date format, month names. Templates read them as `{{i18n.key}}`; nothing in a
/// template is written in a particular language.
public struct UIStrings: Sendable {
    public var language: String
    public var file: String
    public var values: [String: String]
    /// Month names, January first, for `{month_name}` in `date_format`.
    public var months: [String]

    /// Keys the generator itself formats text with, beyond what templates ask for.
    static let requiredKeys = ["date_format", "table_label", "read_in"]

    subscript(key: String) -> String { values[key] ?? "" }

    /// The string `key` with `{name}` placeholders filled in: `"约 {n} 分钟"`. One pass over
    /// the text: dates and counts are formatted for every list entry of every page.
    func format(_ key: String, _ arguments: [String: String]) -> String {
        let template = self[key]
        guard template.utf8.contains(123) else { return template }  // "{"
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

import Foundation

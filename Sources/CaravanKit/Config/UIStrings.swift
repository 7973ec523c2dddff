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

    /// `template` with `{name}` placeholders filled in: `"约 {n} 分钟"`.
    func format(_ key: String, _ arguments: [String: String]) -> String {
        var text = self[key]
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}

import Foundation

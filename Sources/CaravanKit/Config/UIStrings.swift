/// One language's UI strings from `Content/i18n/<lang>.yaml`: navigation labels, the
/// date format, month names. Templates read them as `{{i18n.key}}`; nothing in a
/// template is written in a particular language.
public struct UIStrings: Sendable {
    public let language: String
    public let file: String
    public let values: [String: String]
    /// Month names, January first, for `{month_name}` in `date_format`.
    public let months: [String]
    /// `values` as templates see them (`i18n`): made once, not for every page.
    let templateValues: TemplateObject

    public init(language: String, file: String, values: [String: String], months: [String]) {
        self.language = language
        self.file = file
        self.values = values
        self.months = months
        templateValues = values.mapValues(TemplateValue.text)
    }

    /// Keys the generator itself formats text with, beyond what templates ask for.
    static let requiredKeys = ["date_format", "table_label", "read_in", "colon"]

    subscript(key: String) -> String { values[key] ?? "" }

    /// The string `key` with `{name}` placeholders filled in: `"约 {n} 分钟"`.
    func format(_ key: String, _ arguments: [String: String]) -> String {
        format(key) { arguments[String($0)] }
    }

    /// The string `key` with each `{name}` replaced by `value(name)`, or left as it is where
    /// that is nil. One pass over the UTF-8 bytes: dates and counts are formatted for every
    /// list entry of every page.
    func format(_ key: String, value: (Substring) -> String?) -> String {
        let template = self[key]
        let bytes = template.utf8
        var result = ""
        var copied = bytes.startIndex
        var rest = bytes[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "{")),
              let close = rest[open...].firstIndex(of: UInt8(ascii: "}")) {
            if let replacement = value(template[bytes.index(after: open)..<close]) {
                result += template[copied..<open]
                result += replacement
                copied = bytes.index(after: close)
            }
            rest = bytes[bytes.index(after: close)...]
        }
        return copied == bytes.startIndex ? template : result + template[copied...]
    }
}

import Foundation

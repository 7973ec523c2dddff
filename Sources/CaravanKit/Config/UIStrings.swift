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
        templateValues = TemplateObject(values.mapValues(TemplateValue.text))
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
        // Cut and joined as UTF-8: slicing the string itself checks character boundaries
        // again at every cut, which in `{year}年{month}月{day}日` is the slow path.
        let bytes = template.utf8
        var result: [UInt8] = []
        var copied = bytes.startIndex
        var rest = bytes[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "{")),
              let close = rest[open...].firstIndex(of: UInt8(ascii: "}")) {
            if let replacement = value(Substring(bytes[bytes.index(after: open)..<close])) {
                result += bytes[copied..<open]
                result += replacement.utf8
                copied = bytes.index(after: close)
            }
            rest = bytes[bytes.index(after: close)...]
        }
        guard copied != bytes.startIndex else { return template }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}

import Foundation

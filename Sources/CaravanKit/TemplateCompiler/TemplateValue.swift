/// What a template can show, as the view models build it: finished text, a yes/no, a
/// list, or named values. Typed, so a view model can only hand a template what renders
/// well (an optional, a number or a date would print as Swift sees it) and the Mustache
/// adapter never has to guess a type. Literals work as they would for `[String: Any]`:
/// `["title": "Home", "current": true]`.
enum TemplateValue: Sendable, Equatable {
    case text(String)
    /// Text already as UTF-8 bytes, as cmark writes a story's HTML: shown as `text` would
    /// be, without making a string of it (which checks every byte again).
    case bytes([UInt8])
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// A list of objects: article lists, links, table rows.
    static func list(_ objects: [TemplateObject]) -> TemplateValue {
        .list(objects.map(TemplateValue.object))
    }

    /// A list of texts.
    static func list(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.text))
    }
}


extension TemplateValue: ExpressibleByStringInterpolation, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject()
        for (name, value) in elements { object[name] = value }
        self = .object(object)
    }
}

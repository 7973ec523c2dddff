import Mustache

/// `TemplateValue` as swift-mustache takes it (part of the adapter in `TemplateSet`).
///
/// Text is not handed over as a `String`: for a String, Mustache tries four dynamic casts
/// and `String(describing:)` on every `{{tag}}`, and reflects on it (`Mirror`) for every
/// name looked up inside `{{#text}}…{{/text}}`. Dynamic casts cost ~0.2 µs each here, and
/// a 5 000-story build makes millions. Named values are looked up in place, converted
/// only when a template asks for them.
extension TemplateValue {
    var mustacheValue: Any {
        switch self {
        case .text(let text): MustacheText(text: text)
        case .flag(let flag): flag
        case .list(let items): items.map(\.mustacheValue)
        case .object(let values): MustacheObject(values: values)
        }
    }
}

/// Text: rendered as itself (escaped by the content type), holding no names.
struct MustacheText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }  // as for a String: `{{#text}}` shows even when it is empty
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// Named values; `{{#count(object)}}` and the other dictionary transforms still work.
struct MustacheObject: MustacheParent, MustacheTransformable {
    let values: TemplateObject
    func child(named name: String) -> Any? { values[name]?.mustacheValue }
    func transform(_ name: String) -> Any? { values.mapValues(\.mustacheValue).transform(name) }
}

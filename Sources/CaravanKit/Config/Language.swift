/// A language the site is published in, declared in `site.yaml` in display order.
public struct Language: Sendable, Hashable {
    /// The folder name and file name: `zh` → `/zh/…`, `zh.md`.
    public var code: String
    /// The BCP 47 tag for `<html lang>` and `hreflang`: `zh-Hans`, `en`.
    public var htmlLang: String
    /// The language's name in itself, used as the language switch's link text.
    public var name: String
    /// The Open Graph locale, e.g. `zh_CN`, `en_US`.
    public var locale: String
}

import Foundation

extension FixtureSite {
    /// The smallest complete bilingual site: config, UI strings and the shipped templates,
    /// stylesheet included, so golden tests exercise the real templates.
    public static func minimal(languages: [(code: String, htmlLang: String, name: String)] = [("zh", "zh-Hans", "中文"), ("en", "en", "English")],
                               baseURL: String? = "https://example.com/", extraConfig: String = "") -> [String: String] {
        var config = "title:\n"
        for language in languages { config += "  \(language.code): \"Site \(language.code)\"\n" }
        config += "description:\n"
        for language in languages { config += "  \(language.code): \"About site \(language.code)\"\n" }
        if let baseURL { config += "baseURL: \(baseURL)\n" }
        config += extraConfig
        config += "languages:\n"
        for language in languages {
            config += "  - {code: \(language.code), html_lang: \(language.htmlLang), name: \"\(language.name)\"}\n"
        }
        var files = ["Content/site.yaml": config]
        let english = shippedFile("Content/i18n/en.yaml")
        for language in languages {
            files["Content/i18n/\(language.code).yaml"] = shippedFile("Content/i18n/\(language.code).yaml") ?? english ?? ""
        }
        for path in shippedFiles(under: "Templates") + shippedFiles(under: "Public") {
            files[path] = shippedFile(path)
        }
        return files
    }

    /// `Content/data/tags.yaml` with two tags, `rail` and `customs`, named in zh and en.
    public static let sampleTags = "tags:\n  - {id: rail, name: {zh: 铁路, en: Rail}}\n  - {id: customs, name: {zh: 海关, en: Customs}}\n"

    /// Two corridors for `Content/data/corridors.yaml`; nodes and figures may follow.
    public static let sampleCorridors = """
        corridors:
          - id: western
            name: {en: Western route, zh: 西通道}
          - id: central
            name: {en: Central route, zh: 中通道}

        """

    /// `sampleCorridors` with one place, Khorgos on the western route, and one figure
    /// reported by the article `khorgos`.
    public static let sampleCorridorsWithKhorgos = sampleCorridors + """
        nodes:
          - id: khorgos
            name: {en: Khorgos, zh: 霍尔果斯}
            kind: rail-port
            country: CN
            corridors: [western]
        figures:
          - id: khorgos-trains
            metric: {en: Trains in and out, zh: 进出境班列}
            value: 2485
            unit: trains
            period: 2023-01..2023-04
            node: khorgos
            source: khorgos

        """

    /// An article file with the given front matter lines and body.
    public static func article(title: String, date: String = "2024-01-25", extra: String = "", body: String = "Text.") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra)---\n\(body)\n"
    }

    /// The repository root, found from this source file's location.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The whole shipped site: every file under Content/, Templates/ and Public/.
    public static func shipped() -> [String: String] {
        var files: [String: String] = [:]
        for path in shippedFiles(under: "Content") + shippedFiles(under: "Templates") + shippedFiles(under: "Public") {
            files[path] = shippedFile(path)
        }
        return files
    }

    static func shippedFile(_ path: String) -> String? {
        try? String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    static func shippedFiles(under folder: String) -> [String] {
        let base = repositoryRoot.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { path in
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isFolder)
                return !path.isEmpty && !path.hasPrefix(".") && exists && !isFolder.boolValue
            }
            .map { "\(folder)/\($0)" }
    }
}
